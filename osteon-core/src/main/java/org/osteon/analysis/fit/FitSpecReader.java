package org.osteon.analysis.fit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.Layout;
import org.osteon.scenario.ModelFiles;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.SafeYaml;
import org.osteon.scenario.ScenarioException;
import org.osteon.scenario.ScenarioReader;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.InitialConditions;
import org.osteon.units.Quantity;
import org.osteon.util.Suggestions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a fit specification (YAML; see docs/pharmacometrics.md):
 * <pre>
 * model: pivonka2008            # a model id or file, or a scenario file or id whose regimen applies
 * data: observed.csv            # long format: time, output, value[, sd][, group]; or {file: F, time_unit: h}
 * groups: {A: {scenario: arm-a.yaml}, B: arm-b.yaml}
 * transform: {CTX: percent_of_baseline}
 * estimate:
 *   - {name: K_D8, initial: 2, lower: 0.1, upper: 100, scale: log}
 * error: {proportional: 0.1}    # additive, proportional, combined: {additive: a, proportional: b};
 *                               # a value 'estimate' (or {estimate: x}) estimates it; or per output {CTX: {...}}
 * global: {method: multistart, starts: 8, seed: 1}   # or method: cmaes
 * profile: [K_D8]               # or true: profile-likelihood intervals
 * max_evaluations: 400
 * rtol: 1e-8
 * </pre>
 * Every problem names the file, line and column; all are reported together.
 */
public final class FitSpecReader {
    private static final Set<String> TOP = Set.of("name", "description", "model", "scenario", "data", "groups", "transform",
            "estimate", "error", "global", "profile", "max_evaluations", "rtol", "until");
    private static final Set<String> ESTIMATE_KEYS = Set.of("name", "initial", "lower", "upper", "scale");
    private static final Set<String> ERROR_KEYS = Set.of("additive", "proportional", "combined");

    private final String source;
    private final Path dir;
    private final List<String> problems = new ArrayList<>();

    private FitSpecReader(String source, Path dir) {
        this.source = source;
        this.dir = dir;
    }

    /**
     * @throws ScenarioException listing every problem with its position
     */
    public static FitSpec read(Path file, ScenarioRunner runner) {
        String text;
        try {
            if (!Files.isRegularFile(file)) {
                throw new ScenarioException(file + ": fit specification not found");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(text, file.toString(), file.toAbsolutePath().getParent(), runner);
    }

    public static FitSpec parse(String yaml, String source, Path dir, ScenarioRunner runner) {
        return new FitSpecReader(source, dir).run(yaml, runner);
    }

    private FitSpec run(String yaml, ScenarioRunner runner) {
        MappingNode map = SafeYaml.mapping(yaml, source, "a fit specification is a mapping with model, data and estimate");
        Map<String, Node> top = entries(map, TOP);
        Scenario base = null;
        Node modelNode = top.containsKey("scenario") ? top.get("scenario") : top.get("model");
        if (top.containsKey("scenario") && top.containsKey("model")) {
            problems.add(at(top.get("scenario")) + "give 'model' or 'scenario', not both");
        }
        if (modelNode == null) {
            problems.add(source + ": missing key 'model' (a model id or file, or a scenario file or id)");
        } else {
            base = scenario(modelNode, runner);
        }
        Map<String, Scenario> groups = groups(top.get("groups"), runner);
        DataSpec data = top.containsKey("data") ? data(top.get("data")) : null;
        if (data == null && !top.containsKey("data")) {
            problems.add(source + ": missing key 'data' (a CSV file: time, output, value[, sd][, group])");
        }
        Map<String, Transform> transforms = transforms(top.get("transform"));
        FitSpec.Options options = options(top);
        List<String> profile = new ArrayList<>();
        ErrorSpec errors = errors(top.get("error"));
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        DataSet dataSet;
        try {
            dataSet = DataSet.read(dir == null ? Path.of(data.file) : dir.resolve(data.file));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(at(data.node) + e.getMessage());
        }
        Double until = top.containsKey("until") ? number(top.get("until"), "until") : null;
        base = spanTheData(base, dataSet, data, groups, until, runner);
        Map<String, Scenario> spanned = new LinkedHashMap<>();
        for (Map.Entry<String, Scenario> g : groups.entrySet()) {
            spanned.put(g.getKey(), spanTheData(g.getValue(), dataSet, data, Map.of(), until, runner));
        }
        dataSet = inModelTime(dataSet, data, base, spanned, runner);
        List<Estimate> estimates = estimates(top.get("estimate"), base, runner);
        Node prof = top.get("profile");
        if (prof instanceof ScalarNode s && s.getValue().equalsIgnoreCase("true")) {
            estimates.forEach(e -> profile.add(e.name()));
        } else if (prof instanceof SequenceNode seq) {
            for (Node n : seq.getValue()) {
                String name = ((ScalarNode) n).getValue();
                if (estimates.stream().noneMatch(e -> e.name().equals(name))) {
                    problems.add(at(n) + "cannot profile '" + name + "': it is not under 'estimate'");
                }
                profile.add(name);
            }
        } else if (prof != null && !(prof instanceof ScalarNode s2 && s2.getValue().equalsIgnoreCase("false"))) {
            problems.add(at(prof) + "'profile' must be true, false or a list of estimated names");
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        try {
            return new FitSpec(base, spanned, dataSet, transforms, estimates, errors.general, errors.byOutput, options, profile);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(source + ": " + e.getMessage());
        }
    }

    private record DataSpec(String file, String timeUnit, Node node) {
    }

    private record ErrorSpec(ErrorModel general, Map<String, ErrorModel> byOutput) {
    }

    private Scenario scenario(Node node, ScenarioRunner runner) {
        String ref = scalar(node, "model");
        if (ref == null) {
            return null;
        }
        try {
            if (ModelFiles.looksLikeScenarioFile(ref)) {
                Path p = dir == null ? Path.of(ref) : dir.resolve(ref);
                if (!Files.isRegularFile(p)) {
                    problems.add(at(node) + "scenario file '" + ref + "' not found");
                    return null;
                }
                return ScenarioReader.read(p);
            }
            if (runner.catalog().scenario(ref).isPresent()) {
                return runner.catalog().scenario(ref).get();
            }
            Scenario s = Scenario.ofModel(ref);
            s = new Scenario(s.name(), null, ref, dir, null, null, null, null, null, null, Map.of(), List.of(), List.of(),
                    List.of(), source, Map.of());
            runner.model(s);
            return s;
        } catch (ScenarioException e) {
            problems.add(at(node) + e.getMessage());
            return null;
        } catch (RuntimeException e) {
            problems.add(at(node) + e.getMessage());
            return null;
        }
    }

    private Map<String, Scenario> groups(Node node, ScenarioRunner runner) {
        Map<String, Scenario> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof MappingNode map)) {
            problems.add(at(node) + "'groups' maps group names to scenarios, e.g. groups: {A: {scenario: arm-a.yaml}}");
            return out;
        }
        for (NodeTuple t : map.getValue()) {
            String name = ((ScalarNode) t.getKeyNode()).getValue();
            Node v = t.getValueNode();
            if (v instanceof MappingNode m) {
                Map<String, Node> e = entries(m, Set.of("scenario"));
                if (!e.containsKey("scenario")) {
                    problems.add(at(v) + "group '" + name + "' needs a scenario");
                    continue;
                }
                v = e.get("scenario");
            }
            Scenario s = scenario(v, runner);
            if (s != null) {
                out.put(name, s);
            }
        }
        return out;
    }

    /** Without an end time of its own, a scenario runs to the last data time. */
    private Scenario spanTheData(Scenario s, DataSet data, DataSpec spec, Map<String, Scenario> groups, Double until,
                                 ScenarioRunner runner) {
        if (until != null) {
            return s.withOverrides(until, null, null, null, null, Map.of());
        }
        if (s.until() != null || s.timeQuantities().containsKey("until")) {
            return s;
        }
        var dosing = runner.dosing(s, runner.model(s));
        double last = 0;
        for (Observation o : data.rows()) {
            if (groups.isEmpty() || !groups.containsKey(o.group())) {
                last = Math.max(last, dosing.time(Quantity.of(o.time(), spec.timeUnit)));
            }
        }
        return last > 0 ? s.withOverrides(last, null, null, null, null, Map.of()) : s;
    }

    private DataSet inModelTime(DataSet data, DataSpec spec, Scenario base, Map<String, Scenario> groups, ScenarioRunner runner) {
        if (spec.timeUnit == null) {
            return data;
        }
        List<Observation> rows = new ArrayList<>();
        for (Observation o : data.rows()) {
            Scenario s = groups.getOrDefault(o.group(), base);
            double t = runner.dosing(s, runner.model(s)).time(Quantity.of(o.time(), spec.timeUnit));
            rows.add(new Observation(o.group(), o.output(), t, o.value(), o.sd(), o.origin()));
        }
        return DataSet.of(data.source(), rows);
    }

    private DataSpec data(Node node) {
        if (node instanceof ScalarNode s) {
            return new DataSpec(s.getValue().trim(), null, node);
        }
        if (node instanceof MappingNode m) {
            Map<String, Node> e = entries(m, Set.of("file", "time_unit"));
            String file = e.containsKey("file") ? scalar(e.get("file"), "data.file") : null;
            if (file == null) {
                problems.add(at(node) + "'data' needs a file");
                return null;
            }
            String unit = e.containsKey("time_unit") ? scalar(e.get("time_unit"), "data.time_unit") : null;
            return new DataSpec(file, unit, node);
        }
        problems.add(at(node) + "'data' is a CSV file name or {file: F, time_unit: h}");
        return null;
    }

    private Map<String, Transform> transforms(Node node) {
        Map<String, Transform> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof MappingNode map)) {
            problems.add(at(node) + "'transform' maps outputs to transforms, e.g. {CTX: percent_of_baseline}");
            return out;
        }
        for (NodeTuple t : map.getValue()) {
            String output = ((ScalarNode) t.getKeyNode()).getValue();
            String v = scalar(t.getValueNode(), "transform." + output);
            if (v != null) {
                try {
                    out.put(output, Transform.parse(v));
                } catch (IllegalArgumentException e) {
                    problems.add(at(t.getValueNode()) + e.getMessage());
                }
            }
        }
        return out;
    }

    private ErrorSpec errors(Node node) {
        if (node == null) {
            problems.add(source + ": missing key 'error' (e.g. error: {proportional: 0.1}, {additive: 2}, or {additive: estimate})");
            return new ErrorSpec(null, Map.of());
        }
        if (!(node instanceof MappingNode map)) {
            problems.add(at(node) + "'error' must be a mapping such as {proportional: 0.1}");
            return new ErrorSpec(null, Map.of());
        }
        boolean general = map.getValue().stream().anyMatch(t -> ERROR_KEYS.contains(((ScalarNode) t.getKeyNode()).getValue()));
        if (general) {
            return new ErrorSpec(errorModel(map), Map.of());
        }
        Map<String, ErrorModel> byOutput = new LinkedHashMap<>();
        ErrorModel first = null;
        for (NodeTuple t : map.getValue()) {
            String output = ((ScalarNode) t.getKeyNode()).getValue();
            if (!(t.getValueNode() instanceof MappingNode m)) {
                problems.add(at(t.getValueNode()) + "the error model of '" + output + "' must be a mapping such as {additive: 2}");
                continue;
            }
            ErrorModel em = errorModel(m);
            if (em != null) {
                byOutput.put(output, em);
                first = first == null ? em : first;
            }
        }
        return new ErrorSpec(first, byOutput);
    }

    private ErrorModel errorModel(MappingNode map) {
        Map<String, Node> e = entries(map, ERROR_KEYS);
        Node add = e.get("additive");
        Node prop = e.get("proportional");
        if (e.containsKey("combined")) {
            if (!(e.get("combined") instanceof MappingNode c)) {
                problems.add(at(e.get("combined")) + "'combined' is {additive: a, proportional: b}");
                return null;
            }
            Map<String, Node> ce = entries(c, Set.of("additive", "proportional"));
            add = ce.get("additive");
            prop = ce.get("proportional");
            if (add == null || prop == null) {
                problems.add(at(c) + "'combined' needs both additive and proportional");
                return null;
            }
        }
        double[] a = term(add, 1);
        double[] b = term(prop, 0.1);
        if (a == null || b == null) {
            return null;
        }
        try {
            return new ErrorModel(a[0], b[0], a[1] > 0, b[1] > 0);
        } catch (IllegalArgumentException ex) {
            problems.add(at(map) + ex.getMessage());
            return null;
        }
    }

    /** {value, estimated?}: a number, 'estimate', or {estimate: start}. */
    private double[] term(Node n, double defaultStart) {
        if (n == null) {
            return new double[] {0, 0};
        }
        if (n instanceof ScalarNode s && s.getValue().trim().equalsIgnoreCase("estimate")) {
            return new double[] {defaultStart, 1};
        }
        if (n instanceof MappingNode m) {
            Map<String, Node> e = entries(m, Set.of("estimate"));
            Double v = e.containsKey("estimate") ? number(e.get("estimate"), "estimate") : null;
            return v == null ? null : new double[] {v, 1};
        }
        Double v = number(n, "error");
        if (v != null && !(v > 0)) {
            problems.add(at(n) + "an error term must be positive, found " + v);
            return null;
        }
        return v == null ? null : new double[] {v, 0};
    }

    private FitSpec.Options options(Map<String, Node> top) {
        FitSpec.Options o = FitSpec.Options.DEFAULT;
        int starts = o.starts();
        String method = o.global();
        long seed = o.seed();
        Node g = top.get("global");
        if (g instanceof MappingNode m) {
            Map<String, Node> e = entries(m, Set.of("method", "starts", "seed"));
            if (e.containsKey("method")) {
                method = scalar(e.get("method"), "global.method").toLowerCase(Locale.ROOT);
                if (!method.equals("multistart") && !method.equals("cmaes")) {
                    problems.add(at(e.get("method")) + "global method must be multistart or cmaes, found '" + method + "'");
                    method = o.global();
                }
            }
            if (e.containsKey("starts")) {
                Double v = number(e.get("starts"), "starts");
                if (v != null && (v != Math.rint(v) || v < 1 || v > 10_000)) {
                    problems.add(at(e.get("starts")) + "'starts' must be a whole number from 1 to 10000");
                } else if (v != null) {
                    starts = v.intValue();
                }
            } else {
                starts = method.equals("multistart") ? 10 : 1;
            }
            if (e.containsKey("seed")) {
                Double v = number(e.get("seed"), "seed");
                seed = v == null ? seed : v.longValue();
            }
        } else if (g != null) {
            problems.add(at(g) + "'global' is {method: multistart|cmaes, starts: N, seed: S}");
        }
        int maxEval = o.maxEvaluations();
        if (top.containsKey("max_evaluations")) {
            Double v = number(top.get("max_evaluations"), "max_evaluations");
            if (v != null && (v < 2 || v > 1e7 || v != Math.rint(v))) {
                problems.add(at(top.get("max_evaluations")) + "'max_evaluations' must be a whole number from 2 to 1e7");
            } else if (v != null) {
                maxEval = v.intValue();
            }
        }
        double rtol = o.rtol();
        if (top.containsKey("rtol")) {
            Double v = number(top.get("rtol"), "rtol");
            if (v != null && !(v > 0 && v < 1e-3)) {
                problems.add(at(top.get("rtol")) + "'rtol' must be between 0 and 1e-3 (fits need accurate runs)");
            } else if (v != null) {
                rtol = v;
            }
        }
        return new FitSpec.Options(starts, method, seed, maxEval, rtol, o.threads());
    }

    private List<Estimate> estimates(Node node, Scenario base, ScenarioRunner runner) {
        List<Estimate> out = new ArrayList<>();
        if (node == null) {
            problems.add(source + ": missing key 'estimate' (a list of {name, initial, lower, upper, scale})");
            return out;
        }
        if (!(node instanceof SequenceNode seq)) {
            problems.add(at(node) + "'estimate' is a list of {name: P, initial: X, lower: L, upper: U, scale: log}");
            return out;
        }
        CompiledModel model = runner.model(base);
        Layout layout = model.layout();
        InitialConditions init = InitialConditions.prepare(model, runner.inModelTime(base).set(), 0);
        for (Node item : seq.getValue()) {
            if (!(item instanceof MappingNode m)) {
                problems.add(at(item) + "each estimate is a mapping {name: P, initial: X, ...}");
                continue;
            }
            Map<String, Node> e = entries(m, ESTIMATE_KEYS);
            String name = e.containsKey("name") ? scalar(e.get("name"), "name") : null;
            if (name == null) {
                problems.add(at(item) + "an estimate needs a name");
                continue;
            }
            int k = layout.parameterIndex(name);
            int s = layout.stateIndex(name);
            if (k < 0 && s < 0) {
                List<String> names = new ArrayList<>();
                layout.parameters().forEach(v -> names.add(v.id()));
                layout.states().forEach(v -> names.add(v.id()));
                problems.add(at(e.get("name")) + "cannot estimate '" + name + "': model '" + model.id()
                        + "' has no such parameter or state" + Suggestions.didYouMean(name, names));
                continue;
            }
            double current = k >= 0 ? init.parameters()[k] : init.state()[s];
            Double initial = e.containsKey("initial") ? number(e.get("initial"), "initial") : Double.valueOf(current);
            boolean log = initial != null && initial > 0;
            if (e.containsKey("scale")) {
                try {
                    log = Estimate.parseScale(scalar(e.get("scale"), "scale"));
                } catch (IllegalArgumentException ex) {
                    problems.add(at(e.get("scale")) + ex.getMessage());
                }
            }
            Double lower = e.containsKey("lower") ? number(e.get("lower"), "lower") : Double.valueOf(log ? 0 : Double.NEGATIVE_INFINITY);
            Double upper = e.containsKey("upper") ? number(e.get("upper"), "upper") : Double.valueOf(Double.POSITIVE_INFINITY);
            if (initial == null || lower == null || upper == null) {
                continue;
            }
            try {
                out.add(new Estimate(name, initial, lower, upper, log));
            } catch (IllegalArgumentException ex) {
                problems.add(at(item) + ex.getMessage());
            }
        }
        return out;
    }

    private Map<String, Node> entries(MappingNode map, Set<String> allowed) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                problems.add(at(t.getKeyNode()) + "keys must be plain words");
                continue;
            }
            if (!allowed.contains(k.getValue())) {
                problems.add(at(k) + "unknown key '" + k.getValue() + "'" + Suggestions.didYouMean(k.getValue(), allowed)
                        + "; expected one of " + String.join(", ", new TreeSet<>(allowed)));
                continue;
            }
            out.put(k.getValue(), t.getValueNode());
        }
        return out;
    }

    private String scalar(Node n, String what) {
        if (n instanceof ScalarNode s) {
            return s.getValue().trim();
        }
        problems.add(at(n) + "'" + what + "' must be a single value");
        return null;
    }

    private Double number(Node n, String what) {
        String s = scalar(n, what);
        if (s == null) {
            return null;
        }
        String l = s.toLowerCase(Locale.ROOT);
        if (l.equals("inf") || l.equals(".inf") || l.equals("+inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (l.equals("-inf") || l.equals("-.inf")) {
            return Double.NEGATIVE_INFINITY;
        }
        try {
            double v = Double.parseDouble(s);
            if (Double.isNaN(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(at(n) + "'" + what + "' must be a number, found '" + s + "'");
            return null;
        }
    }

    private String at(Node n) {
        Mark m = n.getStartMark();
        return m == null ? source + ": " : source + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1) + ": ";
    }
}
