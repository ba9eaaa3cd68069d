package org.osteon.web;

import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.osteon.compile.CompileException;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.model.Model;
import org.osteon.sbml.SbmlImport;
import org.osteon.sbml.SbmlReader;
import org.osteon.scenario.ModelFiles;
import org.osteon.scenario.ModelReader;
import org.osteon.text.AntimonyReader;
import org.osteon.text.AntimonyReading;
import org.osteon.text.ModelSyntaxException;
import org.osteon.text.SyntaxProblem;

/**
 * Models users bring ({@code POST /api/models}): the body is the model text itself, Antimony or
 * SBML (told apart by {@code ?format=}, else the ending of {@code ?name=}, else the text), at most
 * {@link WebLimits#maxModelBytes}. It is read and compiled on the worker pool within the request's
 * time budget, like a simulation, and kept in the {@link WebCatalog} under an id derived from the
 * text. Every problem is a 400 whose message names the line and column.
 */
final class ModelUploads {
    /** Most problems quoted in one error message. */
    private static final int MAX_PROBLEMS = 20;

    private final WebLimits limits;
    private final WebCatalog catalog;

    ModelUploads(WebLimits limits, WebCatalog catalog) {
        this.limits = limits;
        this.catalog = catalog;
    }

    /** The request, checked: the text, the name it is reported under, and its format. */
    record Request(String text, String name, String format) {
    }

    Request request(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!(type.startsWith("text/") || type.contains("xml") || type.startsWith("application/octet-stream"))) {
            throw new ApiException(415, null, "send the model text itself as the request body, with Content-Type text/plain"
                    + " (Antimony) or application/xml (SBML); found '" + (type.isEmpty() ? "none" : type) + "'");
        }
        String name = name(ctx.queryParam("name"));
        String format = format(ctx.queryParam("format"), name);
        byte[] bytes = Api.bytes(ctx, limits.maxModelBytes(), "model", "maxModelBytes");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest(null, "the model is not UTF-8 text");
        }
        if (text.isBlank()) {
            throw ApiException.badRequest(null, "the request body is empty: send the model text (Antimony or SBML)");
        }
        if (format == null) {
            format = ModelFiles.readers().stream().filter(r -> r.recognizes(text)).map(ModelReader::format).findFirst()
                    .orElse("Antimony");
        }
        return new Request(text, name, format);
    }

    /** The file name for messages: its last path segment, plain characters only. */
    private static String name(String given) {
        if (given == null || given.isBlank()) {
            return "model";
        }
        String n = given.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        if (n.isEmpty()) {
            return "model";
        }
        return n.length() > 100 ? n.substring(0, 100) : n;
    }

    private static String format(String given, String name) {
        if (given != null) {
            String f = given.strip().toLowerCase(Locale.ROOT);
            if (f.equals("antimony")) {
                return "Antimony";
            }
            Optional<ModelReader> reader = ModelFiles.readers().stream().filter(r -> r.format().equalsIgnoreCase(f)).findFirst();
            return reader.map(ModelReader::format).orElseThrow(() -> ApiException.badRequest("format (query)",
                    "unknown model format '" + given + "'; use antimony" + ModelFiles.readers().stream()
                            .map(r -> " or " + r.format().toLowerCase(Locale.ROOT)).reduce("", String::concat)));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".ant") || lower.endsWith(".antimony") || lower.endsWith(".txt")) {
            return "Antimony";
        }
        return ModelFiles.reader(name).map(ModelReader::format).orElse(null);
    }

    /** Reads and compiles the model (on a worker) and keeps it; an upload the server already has is not read again. */
    WebCatalog.Upload read(Request r) {
        String id = WebCatalog.idOf(r.text());
        Optional<WebCatalog.Upload> known = catalog.upload(id);
        if (known.isPresent()) {
            return known.get();
        }
        List<String> warnings = new ArrayList<>();
        Model model;
        try {
            if (r.format().equals("Antimony")) {
                AntimonyReading reading = AntimonyReader.parseWithWarnings(r.text(), r.name());
                reading.warnings().forEach(w -> warnings.add(w.toString()));
                model = reading.model();
            } else if (r.format().equals("SBML")) {
                SbmlImport imported = SbmlReader.read(r.text(), r.name());
                warnings.addAll(imported.warnings());
                model = imported.model();
            } else {
                ModelReader reader = ModelFiles.readers().stream().filter(x -> x.format().equals(r.format())).findFirst()
                        .orElseThrow();
                model = reader.parse(r.text(), r.name());
            }
        } catch (ModelSyntaxException e) {
            throw ApiException.badRequest(null, problems(e.problems()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(null, r.name() + ": " + e.getMessage());
        }
        CompiledModel compiled;
        try {
            compiled = ModelCompiler.compile(model);
        } catch (CompileException e) {
            throw ApiException.badRequest(null, r.name() + ": " + e.getMessage());
        } catch (ModelSyntaxException e) {
            throw ApiException.badRequest(null, problems(e.problems()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(null, r.name() + ": " + e.getMessage());
        }
        WebCatalog.Upload upload = new WebCatalog.Upload(id, r.name(), r.format(), r.text(), model, compiled, warnings);
        catalog.add(upload);
        return upload;
    }

    private static String problems(List<SyntaxProblem> problems) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(problems.size(), MAX_PROBLEMS); i++) {
            sb.append(i == 0 ? "" : "\n").append(problems.get(i));
        }
        if (problems.size() > MAX_PROBLEMS) {
            sb.append("\n... and ").append(problems.size() - MAX_PROBLEMS).append(" more problems");
        }
        return sb.toString();
    }
}
