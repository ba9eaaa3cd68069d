package org.osteon.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osteon.compile.CompileException;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.model.Model;
import org.osteon.scenario.ModelCatalogs;
import org.osteon.scenario.ModelFiles;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioException;
import org.osteon.scenario.ScenarioReader;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.InitialConditions;
import org.osteon.solve.Integrators;
import org.osteon.text.AntimonyReader;
import org.osteon.text.AntimonyReading;
import org.osteon.text.ModelSyntaxException;
import org.osteon.text.SourceLines;
import org.osteon.text.SyntaxProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code osteon validate}: checks model and scenario files and reports every problem in one go. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check model files (.ant Antimony or .xml/.sbml SBML: read and compile) and scenario files (.yaml: read, resolve the",
                "model, build the problem) without simulating. Every problem is reported, as file:line:column where",
                "known; defaults the reader applied (a species without an initial value starts at 0) are reported as",
                "warnings and do not make a file invalid. The units a model declares are checked for consistency",
                "(docs/units.md): an inconsistent model is invalid; undeclared units are one warning; a model opts out with",
                "'model notes \"units: unchecked: REASON\"'. Exit code 0 when all files are valid, 2 otherwise."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Model (.ant, .xml, .sbml) and scenario (.yaml) files.")
    List<Path> files;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScenarioRunner runner = new ScenarioRunner(ModelCatalogs.discover());
        int bad = 0;
        int total = 0;
        for (Path f : files) {
            List<String> warnings = new ArrayList<>();
            List<String> problems = check(f, runner, warnings);
            warnings.forEach(err::println);
            if (problems.isEmpty()) {
                out.println(f + ": ok");
            } else {
                bad++;
                total += problems.size();
                problems.forEach(p -> err.println(p));
            }
        }
        if (bad > 0) {
            err.println(total + (total == 1 ? " problem" : " problems") + " in " + bad + " of " + files.size()
                    + (files.size() == 1 ? " file" : " files"));
            return Osteon.EXIT_USER_ERROR;
        }
        return 0;
    }

    /** The problems of one file; what was accepted with a default goes to {@code warnings}. */
    static List<String> check(Path f, ScenarioRunner runner, List<String> warnings) {
        String name = f.toString();
        if (!Files.isRegularFile(f)) {
            return List.of(name + ": file not found");
        }
        if (ModelFiles.looksLikeModelFile(name)) {
            return checkModel(f, warnings);
        }
        if (ModelFiles.looksLikeScenarioFile(name)) {
            return checkScenario(f, runner);
        }
        return List.of(name + ": unknown file type; expected a model (" + ModelFiles.knownTypes() + ") or a scenario (.yaml)");
    }

    private static List<String> checkModel(Path f, List<String> warnings) {
        List<String> problems = new ArrayList<>();
        try {
            Model m;
            String text = null;
            if (isAntimony(f)) {
                text = Files.readString(f, java.nio.charset.StandardCharsets.UTF_8);
                AntimonyReading reading = AntimonyReader.parseWithWarnings(text, f.toString());
                reading.warnings().forEach(w -> warnings.add(w.file() + ":" + w.line() + ":" + w.column()
                        + ": warning: " + w.message()));
                m = reading.model();
            } else {
                m = ModelFiles.read(f);
            }
            ModelCompiler.compile(m);
            UnitCheck units = UnitCheck.of(f.toString(), text != null ? SourceLines.of(text) : ModelFiles.lines(f), m);
            warnings.addAll(units.notes());
            problems.addAll(units.errors());
        } catch (java.io.IOException e) {
            problems.add(f + ": cannot read model file (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            problems.addAll(messages(f.toString(), e));
        }
        return problems;
    }

    private static boolean isAntimony(Path f) {
        String lower = f.toString().toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".ant") || lower.endsWith(".antimony") || lower.endsWith(".txt");
    }

    /** Reading, then the model, then the problem: each stage needs the one before, so its problems come only if it succeeded. */
    private static List<String> checkScenario(Path f, ScenarioRunner runner) {
        List<String> problems = new ArrayList<>();
        Scenario s;
        try {
            s = ScenarioReader.read(f);
        } catch (RuntimeException e) {
            return messages(f.toString(), e);
        }
        if (s.solver() != null) {
            try {
                Integrators.byName(s.solver());
            } catch (IllegalArgumentException e) {
                problems.add(s.where("solver") + e.getMessage());
            }
        }
        try {
            runner.settings(s);
        } catch (ScenarioException e) {
            if (!problems.contains(e.getMessage())) { // the solver name, checked above
                problems.add(e.getMessage());
            }
        } catch (IllegalArgumentException e) {
            problems.add(s.where("rtol") + e.getMessage());
        }
        CompiledModel model;
        try {
            model = runner.model(s);
        } catch (ModelSyntaxException e) {
            problems.addAll(messages(s.model(), e)); // positions in the model file itself
            return problems;
        } catch (RuntimeException e) {
            for (String p : messages("", e)) {
                String text = p.startsWith(": ") ? p.substring(2) : p;
                problems.add(text.startsWith(f.toString()) ? text : s.where("model") + text);
            }
            return problems;
        }
        // The problem builder stops at the first bad 'set' entry; check those one by one so that the
        // interventions, doses and outputs are still checked with the good ones.
        Map<String, Double> good = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : s.set().entrySet()) {
            try {
                InitialConditions.prepare(model, Map.of(e.getKey(), e.getValue()), s.start() != null ? s.start() : 0);
                good.put(e.getKey(), e.getValue());
            } catch (RuntimeException ex) {
                problems.add(s.where("set." + e.getKey()) + ex.getMessage());
            }
        }
        Scenario checked = new Scenario(s.name(), s.description(), s.model(), s.baseDir(), s.start(), s.until(), s.step(),
                s.solver(), s.rtol(), s.atol(), good, s.interventions(), s.doses(), s.outputs(), s.source(), s.positions(),
                s.tolerances(), s.calendar(), s.covariates(), s.doseTables(), s.timeQuantities());
        try {
            runner.problem(checked, model);
        } catch (RuntimeException e) {
            problems.addAll(messages(s.where("").replaceFirst(": $", ""), e));
        }
        return problems;
    }

    /** The problems an exception carries, each with the best location known. */
    private static List<String> messages(String where, RuntimeException e) {
        List<String> out = new ArrayList<>();
        if (e instanceof ModelSyntaxException mse) {
            for (SyntaxProblem p : mse.problems()) {
                out.add(p.toString());
            }
        } else if (e instanceof CompileException ce) {
            ce.problems().forEach(p -> out.add(where + ": " + p));
        } else if (e instanceof ScenarioException se) {
            out.addAll(se.problems());
        } else {
            out.add(where + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        return out;
    }
}
