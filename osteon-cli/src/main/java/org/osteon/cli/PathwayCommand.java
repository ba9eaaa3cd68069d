package org.osteon.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.osteon.model.Model;
import org.osteon.models.pathway.Pathway;
import org.osteon.models.pathway.PathwaySvg;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.scenario.ModelFiles;
import org.osteon.util.Suggestions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code osteon pathway}: a model's pathway as JSON, Graphviz DOT, or an SVG picture Osteon draws itself. */
@Command(name = "pathway", mixinStandardHelpOptions = true,
        description = {"Print a model's pathway: cells, molecules, drugs and diseases as nodes; produces, binds,",
                "activates and inhibits as edges, each with the model term and the outline sentence behind it.",
                "A model without a curated pathway is drawn from its reactions, or else from its equations (which",
                "quantity appears in which rule). '--format svg' draws the picture without Graphviz:",
                "'osteon pathway --format svg > pathway.svg'; DOT is for 'dot -Tsvg' and other Graphviz tools."})
final class PathwayCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "MODEL", description = "Built-in model id or model file (default: rankl-pathway).")
    String model = "rankl-pathway";

    @Option(names = "--format", paramLabel = "FMT", description = "json (default), dot or svg.")
    String format = "json";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String fmt = format.toLowerCase(java.util.Locale.ROOT);
        if (!fmt.equals("json") && !fmt.equals("dot") && !fmt.equals("svg")) {
            throw new UserException("unknown --format '" + format + "': use json, dot or svg");
        }
        Pathway pathway = pathway();
        String text;
        switch (fmt) {
            case "dot":
                text = pathway.toDot();
                break;
            case "svg":
                try {
                    text = PathwaySvg.render(pathway);
                } catch (IllegalArgumentException e) {
                    throw new UserException(e.getMessage());
                }
                break;
            default:
                text = pathway.toJson() + System.lineSeparator();
        }
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The curated pathway of a built-in model, else the network of the model's reactions or rules. */
    private Pathway pathway() {
        ModelCatalog catalog = ModelCatalogs.discover();
        Model m;
        if (ModelFiles.looksLikeModelFile(model) || model.contains("/")) {
            Path file = Path.of(model);
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new UserException(model + ": model file not found");
            }
            m = ModelFiles.read(file);
        } else {
            java.util.Optional<Pathway> curated = Pathway.forModel(model);
            if (curated.isPresent()) {
                return curated.get();
            }
            m = catalog.model(model).orElseThrow(() -> new UserException("no model '" + model + "'"
                    + Suggestions.didYouMean(model, catalog.modelIds()) + "; see 'osteon models'"));
        }
        return Pathway.ofModel(m).orElseThrow(() -> new UserException("model '" + model + "' has "
                + (m.reactions().isEmpty() ? "no rate or assignment rules linking its quantities, so there is no pathway to draw"
                : "more reactions and species than the " + org.osteon.models.pathway.ReactionNetwork.MAX_NODES
                + " nodes a pathway picture shows")));
    }
}
