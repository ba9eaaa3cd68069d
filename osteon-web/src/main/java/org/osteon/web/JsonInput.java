package org.osteon.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads request bodies as strict JSON within the {@link WebLimits}: standard JSON only (no NaN,
 * Infinity, comments or trailing commas), no duplicate keys, no trailing data, and bounded
 * nesting, token count, string and number lengths, so that no body can make the parser slow.
 */
final class JsonInput {
    private final ObjectMapper mapper;
    private final WebLimits limits;

    JsonInput(WebLimits limits) {
        this.limits = limits;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxJsonDepth())
                        .maxTokenCount(limits.maxJsonTokens())
                        .maxDocumentLength(limits.maxBodyBytes())
                        .maxNumberLength(64)
                        .maxStringLength(20_000)
                        .maxNameLength(200)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The body as a JSON tree. @throws ApiException 400 naming what is wrong and where */
    JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw ApiException.badRequest(null, "the request body is empty: send a JSON object");
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiException.badRequest(null, "the request body is empty: send a JSON object");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw ApiException.badRequest(null, "request JSON too large or too deeply nested: " + constraint(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw ApiException.badRequest(null, "malformed JSON" + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw ApiException.badRequest(null, "unreadable request body: " + e.getMessage());
        }
    }

    private String constraint(String message) {
        String m = message == null ? "" : message;
        if (m.contains("nesting depth")) {
            return "nested deeper than " + limits.maxJsonDepth() + " levels";
        }
        if (m.contains("Token count")) {
            return "more than " + limits.maxJsonTokens() + " JSON tokens";
        }
        if (m.contains("Number value length") || m.contains("Number length")) {
            return "a number written with more than 64 characters";
        }
        if (m.contains("String value length") || m.contains("String length")) {
            return "a string longer than 20000 characters";
        }
        if (m.contains("Name length")) {
            return "a key longer than 200 characters";
        }
        if (m.contains("Document length")) {
            return "more than " + limits.maxBodyBytes() + " bytes";
        }
        return firstLine(m);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
