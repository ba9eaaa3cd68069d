package org.osteon.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.osteon.compile.CompiledModel;
import org.osteon.explain.Explainer;
import org.osteon.explain.Explanation;
import org.osteon.model.Model;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.scenario.ModelFiles;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.Simulator;
import org.osteon.trajectory.Trajectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code osteon explain}: which mechanisms moved bone volume, osteoclasts and the RANKL/OPG balance. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Rank the mechanisms that moved bone volume in a run: the formation and resorption",
                "fluxes, what changed osteoclast numbers and activity, and what tilted the RANKL/OPG balance."})
final class ExplainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file or built-in scenario id.")
    String target;

    @picocli.CommandLine.Mixin
    TimeLimitOption timeLimit;

    @Option(names = "--at", split = ",", paramLabel = "T", description = "Times to report (default: a quarter, half, three quarters and the end of the run).")
    double[] at;

    @Option(names = "--format", paramLabel = "FMT", description = "text (default) or json.")
    String format = "text";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    Osteon root;

    @Override
    public Integer call() throws Exception {
        ScenarioRunner runner = new ScenarioRunner(ModelCatalogs.discover());
        Scenario scenario = Targets.resolve(target, runner.catalog());
        CompiledModel compiled = runner.model(scenario);
        Model model = sourceModel(scenario, runner);
        SimulationProblem problem = runner.problem(scenario, compiled);
        Trajectory tr = Simulator.solve(problem, runner.settings(scenario), timeLimit.start(root.session()));
        double t0 = problem.t0();
        double t1 = problem.tEnd();
        double[] samples = at != null ? at : new double[] {t0 + 0.25 * (t1 - t0), t0 + 0.5 * (t1 - t0), t0 + 0.75 * (t1 - t0), t1};
        for (double s : samples) {
            if (s < t0 || s > t1) {
                throw new UserException("--at " + s + " is outside the run [" + t0 + ", " + t1 + "]");
            }
        }
        String name = scenario.name() != null ? scenario.name() : compiled.id();
        Explanation ex = Explainer.explain(name, model, compiled, problem, tr, samples);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equalsIgnoreCase("json")) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(ex));
        } else if (format.equalsIgnoreCase("text")) {
            printText(ex, tr, out);
        } else {
            throw new UserException("unknown --format '" + format + "': use text or json");
        }
        out.flush();
        return 0;
    }

    private static Model sourceModel(Scenario s, ScenarioRunner runner) {
        String ref = s.model();
        if (ModelFiles.looksLikeModelFile(ref) || ref.contains("/")) {
            return ModelFiles.read(s.baseDir() == null ? Path.of(ref) : s.baseDir().resolve(ref));
        }
        return runner.catalog().model(ref).orElseThrow();
    }

    static void printText(Explanation ex, Trajectory tr, PrintWriter out) {
        out.printf(Locale.ROOT, "Why did bone change? %s, %s-%s %s%n", ex.scenario(), num(tr.time(0)), num(tr.time(tr.size() - 1)), ex.timeUnit());
        if (tr.has("BV")) {
            out.printf(Locale.ROOT, "bone volume BV: %.4g -> %.4g (%+.1f %%)%n", tr.first("BV"), tr.last("BV"),
                    100 * (tr.last("BV") / tr.first("BV") - 1));
        }
        for (Explanation.Group g : ex.groups()) {
            out.println();
            out.println(g.additive()
                    ? g.name() + ": accumulated change (+ adds, - removes), relative to the healthy baseline rates"
                    : g.name() + ": change relative to the healthy baseline, each factor's share (they multiply)");
            int width = "actual".length();
            for (Explanation.Effect e : g.effects()) {
                width = Math.max(width, e.term().symbol().length());
            }
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-4s %-" + width + "s", "rank", "term"));
            for (double t : ex.times()) {
                header.append(String.format(Locale.ROOT, " %12s", "t=" + num(t)));
            }
            out.println(header.append("  meaning"));
            int rank = 1;
            java.util.List<String> inactive = new java.util.ArrayList<>();
            for (Explanation.Effect e : g.effects()) {
                if (!e.active()) {
                    inactive.add(e.term().symbol());
                    continue;
                }
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-4d %-" + width + "s", rank++, e.term().symbol()));
                for (double v : e.values()) {
                    row.append(String.format(Locale.ROOT, " %12s", cell(v, g.additive())));
                }
                out.println(row.append("  ").append(meaning(e, g, ex)));
            }
            StringBuilder total = new StringBuilder(String.format(Locale.ROOT, "  %-4s %-" + width + "s", "", "total"));
            for (double v : g.total()) {
                total.append(String.format(Locale.ROOT, " %12s", cell(v, g.additive())));
            }
            out.println(total);
            if (g.quantity() != null) {
                StringBuilder actual = new StringBuilder(String.format(Locale.ROOT, "  %-4s %-" + width + "s", "", "actual"));
                for (double v : g.actual()) {
                    actual.append(String.format(Locale.ROOT, " %12s", cell(v, g.additive())));
                }
                out.println(actual.append("  actual change of ").append(g.quantity())
                        .append("; a difference from the total is what the listed terms do not capture"));
            }
            if (!inactive.isEmpty()) {
                out.println("  not active in this run: " + String.join(", ", inactive));
            }
        }
    }

    /**
     * A row's meaning in plain words: what the mechanism is, which way it moved, what that did to
     * the group's quantity and, where the groups chain to bone volume, which way bone went. E.g.
     * "osteoclast apoptosis: F_OCapo fell, raising osteoclasts, towards bone loss" (issue 13: the
     * terse "raises: osteoclast apoptosis" read as if apoptosis had risen).
     */
    static String meaning(Explanation.Effect e, Explanation.Group g, Explanation ex) {
        boolean raised = e.mean() >= 0;
        String what = e.term().meaning() + ": ";
        if (g.additive()) {
            // A lower removal rate adds bone: say which way the rate itself moved, then what it did.
            boolean rateUp = raised == (e.term().op() == '+');
            return what + "rate " + (rateUp ? "above" : "below") + " baseline, " + (raised ? "adding" : "removing") + " "
                    + g.name();
        }
        boolean factorUp = raised == (e.term().op() != '/');
        String bone = "";
        Boolean towardsGain = boneDirection(g, ex, raised, 0);
        if (towardsGain != null) {
            bone = towardsGain ? ", towards bone gain" : ", towards bone loss";
        }
        return what + e.term().symbol() + (factorUp ? " rose" : " fell") + ", " + (raised ? "raising " : "lowering ") + g.name()
                + bone;
    }

    /**
     * Whether a rise (or fall) of group g's quantity moves bone up, following the quantity into the
     * group whose term it is, down to an additive group ("bone +/-"); null where the chain breaks.
     */
    private static Boolean boneDirection(Explanation.Group g, Explanation ex, boolean up, int depth) {
        if (g.quantity() == null || depth > ex.groups().size()) {
            return null;
        }
        for (Explanation.Group h : ex.groups()) {
            for (Explanation.Effect e : h.effects()) {
                if (h != g && e.term().symbol().equals(g.quantity())) {
                    boolean hUp = up == (e.term().op() == 'x' || e.term().op() == '+');
                    return h.additive() ? Boolean.valueOf(hUp) : boneDirection(h, ex, hUp, depth + 1);
                }
            }
        }
        return null;
    }

    private static String cell(double v, boolean additive) {
        if (additive) {
            return String.format(Locale.ROOT, "%+.3g", v);
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "knocked out+" : "knocked out-";
        }
        return String.format(Locale.ROOT, "%+.1f %%", 100 * (Math.exp(v) - 1));
    }

    private static String num(double t) {
        return t == Math.rint(t) ? Long.toString((long) t) : String.format(Locale.ROOT, "%.4g", t);
    }
}
