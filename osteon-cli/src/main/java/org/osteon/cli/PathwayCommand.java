package org.osteon.cli;

import java.util.concurrent.Callable;
import org.osteon.models.pathway.Pathway;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.util.Suggestions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code osteon pathway}: the pathway description of a built-in model as JSON or Graphviz DOT. */
@Command(name = "pathway", mixinStandardHelpOptions = true,
        description = {"Print a model's pathway: cells, molecules, drugs and diseases as nodes; produces, binds,",
                "activates and inhibits as edges, each with the model term and the outline sentence behind it.",
                "Render DOT with e.g. 'osteon pathway --format dot | dot -Tsvg > pathway.svg'."})
final class PathwayCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "ID", description = "Built-in model (default: rankl-pathway).")
    String model = "rankl-pathway";

    @Option(names = "--format", paramLabel = "FMT", description = "json (default) or dot.")
    String format = "json";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Pathway pathway = Pathway.forModel(model).orElseThrow(() -> new UserException("no pathway description for model '"
                + model + "'" + Suggestions.didYouMean(model, ModelCatalogs.discover().modelIds())
                + " (rankl-pathway has one)"));
        switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "json":
                spec.commandLine().getOut().println(pathway.toJson());
                break;
            case "dot":
                spec.commandLine().getOut().print(pathway.toDot());
                break;
            default:
                throw new UserException("unknown --format '" + format + "': use json or dot");
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
