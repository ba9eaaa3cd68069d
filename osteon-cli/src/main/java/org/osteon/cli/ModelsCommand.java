package org.osteon.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.models.BuiltInCatalog;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ModelCatalogs;
import picocli.CommandLine.Command;

/** {@code osteon models}: the built-in models with their titles and citations. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the built-in models: id, title and citation. Use the id with run, describe, scan, ...")
final class ModelsCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ModelCatalog catalog = ModelCatalogs.discover();
        PrintWriter out = spec.commandLine().getOut();
        if (catalog.modelIds().isEmpty()) {
            out.println("No built-in models are installed. Model files (.ant) and scenario files (.yaml) work with every command.");
            return 0;
        }
        TextTable table = new TextTable("ID", "TITLE", "CITATION");
        for (String id : catalog.modelIds()) {
            Texts t = texts(catalog, id);
            table.row(id, t.title(), t.citation());
        }
        table.print(out, "");
        return 0;
    }

    /** Title and citation of a built-in model, from its metadata, else from the catalog entry. */
    record Texts(String title, String citation, String description) {
    }

    static Texts texts(ModelCatalog catalog, String id) {
        Metadata md = catalog.model(id).map(Model::metadata).orElse(Metadata.EMPTY);
        var entry = catalog instanceof BuiltInCatalog b ? b.descriptor(id) : java.util.Optional.<org.osteon.models.BuiltInModel>empty();
        String title = firstOf(md.displayName(), md.attribute("title"), entry.map(e -> e.title()).orElse(null),
                oneLine(md.description()));
        String citation = firstOf(md.attribute("citation"), entry.map(e -> e.citation()).orElse(null));
        return new Texts(title == null ? "" : title, citation == null ? "" : citation,
                firstOf(md.description(), entry.map(e -> e.summary()).orElse(null)));
    }

    /** The first sentence or line, for one-line listings. */
    static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replaceAll("\\s+", " ");
        int end = t.indexOf(". ");
        return end > 0 ? t.substring(0, end + 1) : t;
    }

    static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
