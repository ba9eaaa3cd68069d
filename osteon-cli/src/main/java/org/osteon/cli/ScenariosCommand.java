package org.osteon.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.scenario.Scenario;
import org.osteon.util.Suggestions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code osteon scenarios}: the built-in scenarios, optionally of one model. */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = "List the built-in scenarios: id, model and a one-line description.")
final class ScenariosCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "ID", description = "Only the scenarios of this built-in model.")
    String model;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ModelCatalog catalog = ModelCatalogs.discover();
        if (model != null && !catalog.modelIds().contains(model)) {
            throw new UserException("--model " + model + ": no such built-in model" + Suggestions.didYouMean(model, catalog.modelIds())
                    + (catalog.modelIds().isEmpty() ? "" : "; built-in models: " + String.join(", ", catalog.modelIds())));
        }
        PrintWriter out = spec.commandLine().getOut();
        TextTable table = new TextTable("ID", "MODEL", "DESCRIPTION");
        for (String id : catalog.scenarioIds()) {
            Scenario s = catalog.scenario(id).orElseThrow();
            if (model == null || model.equals(s.model())) {
                table.row(id, s.model(), ModelInfo.first(ModelsCommand.oneLine(s.description()), s.name()));
            }
        }
        if (table.isEmpty()) {
            out.println(model == null ? "No built-in scenarios are installed." : "Model " + model + " has no built-in scenarios.");
            return 0;
        }
        table.print(out, "");
        return 0;
    }
}
