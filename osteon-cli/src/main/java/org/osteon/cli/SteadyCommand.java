package org.osteon.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.Layout;
import org.osteon.compile.Variable;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.solve.SteadyState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code osteon steady}: the model's steady state, its Jacobian's eigenvalues and its stability. */
@Command(name = "steady", mixinStandardHelpOptions = true,
        description = {"Find the steady state (damped Newton, then pseudo-transient continuation, then",
                "integration to equilibrium) and classify its stability from the Jacobian's eigenvalues."})
final class SteadyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "Model file (.ant, or SBML .xml/.sbml), built-in model id, or scenario (its 'set' values are used).")
    String target;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Override a parameter or the initial guess of a state (repeatable).")
    Map<String, String> set = new LinkedHashMap<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ScenarioRunner runner = new ScenarioRunner(ModelCatalogs.discover());
        Scenario scenario = Targets.resolve(target, runner.catalog()).withOverrides(null, null, null, null, null,
                SimulationOptions.parseSet(set));
        CompiledModel model = runner.model(scenario);
        SteadyStates.Result r = SteadyStates.solve(model, scenario.set());
        SteadyState ss = r.state();
        double[] p = r.parameters();
        print(model, ss, p, spec.commandLine().getOut());
        return 0;
    }

    static void print(CompiledModel model, SteadyState ss, double[] p, PrintWriter out) {
        Layout layout = model.layout();
        double[] y = ss.state();
        out.println("steady state of " + model.id() + " (found by " + ss.method().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " in " + ss.iterations() + " iterations, residual " + fmt(ss.residualNorm()) + ")");
        int width = 8;
        for (Variable v : layout.states()) {
            width = Math.max(width, v.id().length());
        }
        for (int i = 0; i < y.length; i++) {
            Variable v = layout.states().get(i);
            out.printf(Locale.ROOT, "  %-" + width + "s %-22s %s%n", v.id(), fmt(y[i]), label(v));
        }
        double[] outputs = new double[layout.outputCount()];
        model.outputs(0, y, p, outputs);
        if (outputs.length > 0) {
            out.println("derived values:");
            for (int i = 0; i < outputs.length; i++) {
                Variable v = layout.outputs().get(i);
                if (v.kind() == Variable.Kind.ASSIGNED) {
                    out.printf(Locale.ROOT, "  %-" + Math.max(width, v.id().length()) + "s %-22s %s%n", v.id(), fmt(outputs[i]), label(v));
                }
            }
        }
        out.println("eigenvalues of the Jacobian:");
        for (SteadyState.Eigenvalue e : ss.eigenvalues()) {
            String along = e.dominant() >= 0 ? "   (mostly " + layout.states().get(e.dominant()).id() + ")" : "";
            out.println("  " + e + along);
        }
        String stability = SteadyStates.stability(ss.stability());
        if (ss.stability() == SteadyState.Stability.UNSTABLE) {
            java.util.Set<String> growing = new java.util.LinkedHashSet<>();
            for (SteadyState.Eigenvalue e : ss.eigenvalues()) {
                if (e.real() > 0 && e.dominant() >= 0) {
                    growing.add(layout.states().get(e.dominant()).id());
                }
            }
            if (!growing.isEmpty()) {
                stability += "; a small perturbation grows along " + String.join(", ", growing);
            }
        }
        out.println("stability: " + stability + (ss.oscillatory() ? String.format(Locale.ROOT, " (period %.4g %s)", ss.period(), model.timeUnit()) : ""));
    }

    private static String label(Variable v) {
        StringBuilder sb = new StringBuilder();
        if (v.unit() != null) {
            sb.append('[').append(v.unit()).append("] ");
        }
        if (v.displayName() != null) {
            sb.append(v.displayName());
        }
        return sb.toString().trim();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.10g", v);
    }
}
