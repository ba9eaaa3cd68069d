package org.osteon.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osteon.compile.CompiledModel;
import org.osteon.model.Model;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.Scenario;

/**
 * The models a request may name: the built-in ones, and those users uploaded ({@code POST /api/models}).
 * An uploaded model's id is {@code upload-} and the start of its text's SHA-256, so uploading the
 * same text again gives the same id and a link to it keeps working while the server holds it. The
 * server holds the {@link WebLimits#maxUploadedModels} most recently used uploads; the others are
 * dropped and must be uploaded again. Uploads are not listed ({@link #modelIds()} is the built-in
 * models): a user sees only the models whose text they have.
 */
final class WebCatalog implements ModelCatalog {
    static final String PREFIX = "upload-";

    /** An uploaded model: its text, the name it came with, its format and what the reader warned about. */
    record Upload(String id, String name, String format, String text, Model model, CompiledModel compiled, List<String> warnings) {
        Upload {
            warnings = List.copyOf(warnings);
        }
    }

    private final ModelCatalog builtIn;
    private final int capacity;
    private final Map<String, Upload> uploads;

    WebCatalog(ModelCatalog builtIn, int capacity) {
        this.builtIn = builtIn;
        this.capacity = capacity;
        this.uploads = new LinkedHashMap<>(16, 0.75f, true);
    }

    ModelCatalog builtIn() {
        return builtIn;
    }

    /** The id an uploaded text gets. */
    static String idOf(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(PREFIX);
            for (int i = 0; i < 8; i++) {
                sb.append(String.format("%02x", hash[i]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    static boolean isUploadId(String id) {
        return id != null && id.startsWith(PREFIX);
    }

    synchronized Optional<Upload> upload(String id) {
        return Optional.ofNullable(uploads.get(id));
    }

    /** Keeps {@code u}, dropping the least recently used upload when the store is full. */
    synchronized void add(Upload u) {
        uploads.put(u.id(), u);
        while (uploads.size() > capacity) {
            String eldest = uploads.keySet().iterator().next();
            uploads.remove(eldest);
        }
    }

    synchronized int uploadCount() {
        return uploads.size();
    }

    /** Why {@code id} names no model, for a 400 or 404 message. */
    String unknown(String id) {
        if (isUploadId(id)) {
            return "uploaded model '" + id + "' is not on the server (it keeps the " + capacity
                    + " most recently used uploads, and forgets them when it restarts): upload the model text again";
        }
        return "unknown model '" + id + "'" + org.osteon.util.Suggestions.didYouMean(id, builtIn.modelIds())
                + "; built-in models: " + String.join(", ", builtIn.modelIds()) + " (or upload a model: POST /api/models)";
    }

    @Override
    public Set<String> modelIds() {
        return builtIn.modelIds();
    }

    @Override
    public Optional<Model> model(String id) {
        return isUploadId(id) ? upload(id).map(Upload::model) : builtIn.model(id);
    }

    @Override
    public Optional<CompiledModel> compiled(String id) {
        return isUploadId(id) ? upload(id).map(Upload::compiled) : builtIn.compiled(id);
    }

    @Override
    public Set<String> scenarioIds() {
        return builtIn.scenarioIds();
    }

    @Override
    public Optional<Scenario> scenario(String id) {
        return builtIn.scenario(id);
    }
}
