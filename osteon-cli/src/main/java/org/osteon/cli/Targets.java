package org.osteon.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osteon.compile.CompiledModel;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ModelFiles;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioReader;
import org.osteon.simulation.SimulationProblem;
import org.osteon.util.Suggestions;

/** Resolves what a user names on the command line: a scenario file, a model file, or a built-in id. */
final class Targets {
    private Targets() {
    }

    static Scenario resolve(String target, ModelCatalog catalog) {
        if (ModelFiles.looksLikeScenarioFile(target)) {
            Path p = Path.of(target);
            if (!Files.isRegularFile(p)) {
                throw new UserException(target + ": scenario file not found");
            }
            return ScenarioReader.read(p);
        }
        if (ModelFiles.looksLikeModelFile(target) || target.contains("/")) {
            Path p = Path.of(target);
            if (!Files.isRegularFile(p)) {
                throw new UserException(target + ": model file not found");
            }
            String name = p.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            Scenario s = Scenario.ofModel(p.toAbsolutePath().toString());
            return new Scenario(name, null, s.model(), null, null, null, null, null, null, null, s.set(), List.of(),
                    List.of(), List.of(), target, java.util.Map.of());
        }
        if (catalog.scenario(target).isPresent()) {
            return catalog.scenario(target).get();
        }
        if (catalog.modelIds().contains(target)) {
            return Scenario.ofModel(target);
        }
        List<String> known = new ArrayList<>(catalog.modelIds());
        known.addAll(catalog.scenarioIds());
        throw new UserException("'" + target + "' is not a file, a built-in model or a built-in scenario"
                + Suggestions.didYouMean(target, known)
                + (known.isEmpty() ? "" : "; see 'osteon models' and 'osteon scenarios'"));
    }

    /** The name a run goes by in tables and legends: the scenario's name, else what the user typed. */
    static String name(Scenario s, String target) {
        if (s.name() != null && !s.name().isBlank()) {
            return s.name();
        }
        String t = Path.of(target).getFileName().toString();
        return t.replaceFirst("\\.(ya?ml|ant|antimony|txt)$", "");
    }

    /** The names, if each is a symbol of the model; otherwise a user error naming the option and the closest name. */
    static List<String> checkSymbols(String option, List<String> names, CompiledModel model) {
        for (String n : names) {
            if (model.layout().find(n).isEmpty()) {
                throw new UserException(option + ": model '" + model.id() + "' has no symbol '" + n + "'"
                        + Suggestions.didYouMean(n, model.layout().allIds()));
            }
        }
        return List.copyOf(names);
    }

    /** Like {@link #checkSymbols}, and each must change over time: a state, a rule's variable or a parameter the problem records. */
    static List<String> checkOutputs(String option, List<String> names, SimulationProblem problem) {
        CompiledModel model = problem.model();
        checkSymbols(option, names, model);
        for (String n : names) {
            if (model.layout().parameterIndex(n) >= 0 && !problem.recordedParameters().contains(n)) {
                throw new UserException(option + ": '" + n + "' is a constant parameter of model '" + model.id()
                        + "', not something that changes over time");
            }
        }
        return List.copyOf(names);
    }
}
