package org.osteon.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
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
            ModelInfo.Texts t = ModelInfo.texts(catalog.model(id).orElse(null), catalog, id);
            table.row(id, ModelInfo.first(t.title(), oneLine(t.description()), ""), ModelInfo.first(t.citation(), ""));
        }
        table.print(out, "");
        return 0;
    }

    /** The first sentence or line, for one-line listings. */
    static String oneLine(String text) {
        return HelpLayout.firstSentence(text);
    }
}
