package org.osteon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code osteon describe}: a model's states, parameters, rules, events and steady state. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = {"Describe a model: states, parameters (value, unit, description, source), rules, events,",
                "and its steady state with eigenvalues and stability. TARGET is a model file, a built-in model id,",
                "or a scenario (its model, with the scenario's 'set' values)."})
final class DescribeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TARGET", description = "Model file (.ant, or SBML .xml/.sbml), scenario (.yaml), or built-in id.")
    String target;

    @Option(names = "--format", paramLabel = "FMT", description = "text (default), markdown or json.")
    String format = "text";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("text") && !fmt.equals("markdown") && !fmt.equals("md") && !fmt.equals("json")) {
            throw new UserException("--format " + format + ": use text, markdown or json");
        }
        ScenarioRunner runner = new ScenarioRunner(ModelCatalogs.discover());
        Scenario scenario = Targets.resolve(target, runner.catalog());
        boolean isScenario = scenario.source() != null && scenario.source().matches(".*\\.ya?ml$");
        ModelDescription d = ModelDescription.of(ModelInfo.of(scenario, runner), scenario.set(),
                isScenario ? Targets.name(scenario, target) : null);
        PrintWriter out = spec.commandLine().getOut();
        if (fmt.equals("json")) {
            DescriptionJson.write(d, out);
        } else {
            new DescriptionText(out, !fmt.equals("text")).print(d);
        }
        out.flush();
        return 0;
    }
}
