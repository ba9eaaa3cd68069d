package org.osteon.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osteon.dosing.DoseTable;
import org.osteon.dosing.Regimen;
import org.osteon.dosing.Route;
import org.osteon.units.Calendar;
import org.osteon.units.Quantity;
import org.osteon.units.Unit;
import org.osteon.units.Units;
import org.osteon.util.FiniteNumbers;
import org.osteon.util.Suggestions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads scenario YAML. It works on SnakeYAML's node tree rather than binding to classes, so every
 * message can name the key, its line and column, and what was expected; all problems are
 * reported together.
 */
public final class ScenarioReader {
    static final Set<String> TOP_KEYS = Set.of("name", "description", "model", "start", "until", "step", "solver",
            "rtol", "atol", "set", "interventions", "doses", "outputs", "tolerances", "month", "year", "covariates",
            "dose_table");
    private static final Set<String> TOLERANCE_KEYS = Set.of("rtol", "atol");
    private static final Set<String> INTERVENTION_KEYS = Set.of("set", "value", "from", "to");
    private static final Set<String> DOSE_KEYS = Set.of("target", "amount", "at", "start", "every", "count", "for",
            "route", "duration", "rate", "regimen");
    private static final Set<String> DOSE_TABLE_KEYS = Set.of("file", "time_unit", "amount_unit", "cmt", "id");
    private static final long MAX_BYTES = 1 << 20;

    private final String source;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Scenario.Position> positions = new HashMap<>();
    private final Map<String, Quantity> timeQuantities = new LinkedHashMap<>();

    private ScenarioReader(String source) {
        this.source = source;
    }

    public static Scenario read(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ScenarioException(file + ": scenario file larger than 1 MiB");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read scenario (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir);
    }

    public static Scenario parse(String yaml, String source, Path baseDir) {
        return new ScenarioReader(source).run(yaml, baseDir);
    }

    private Scenario run(String yaml, Path baseDir) {
        MappingNode map = SafeYaml.mapping(yaml, source,
                "a scenario must be a YAML mapping of keys such as model, until, interventions");
        Map<String, Node> top = entries(map, "", TOP_KEYS);
        String model = string(top, "model", "");
        if (model == null) {
            problems.add(source + ": missing key 'model' (a built-in model id or a path to a model file)");
        }
        Double start = time(top, "start", "");
        Double until = time(top, "until", "");
        Double step = time(top, "step", "");
        Double rtol = number(top, "rtol", "");
        Double atol = number(top, "atol", "");
        positive(until, "until", "");
        positive(step, "step", "");
        positiveTime("until");
        positiveTime("step");
        positive(rtol, "rtol", "");
        positive(atol, "atol", "");
        if (start != null && until != null && until <= start) {
            problems.add(at("until") + "'until' (" + until + ") must be after 'start' (" + start + ")");
        }
        Map<String, Double> set = setOverrides(top.get("set"));
        List<Scenario.Intervention> interventions = interventions(top.get("interventions"));
        List<Regimen> doses = doses(top.get("doses"));
        List<String> outputs = outputs(top.get("outputs"));
        Map<String, Scenario.Tolerance> tolerances = tolerances(top.get("tolerances"));
        Calendar calendar = calendar(top);
        Map<String, Quantity> covariates = covariates(top.get("covariates"));
        List<DoseTable> tables = doseTable(top.get("dose_table"), baseDir);
        String name = string(top, "name", "");
        String description = string(top, "description", "");
        String solver = string(top, "solver", "");
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new Scenario(name, description, model, baseDir, start, until, step, solver, rtol, atol, set, interventions, doses, outputs, source, positions, tolerances,
                calendar, covariates, tables, timeQuantities);
    }

    /**
     * A time: a plain number (the model's time unit) is returned; one with a unit ("4 years") is
     * kept in {@link #timeQuantities} for when the model's time unit is known, and null returned.
     */
    private Double time(Map<String, Node> e, String key, String prefix) {
        Node n = e.get(key);
        if (n == null) {
            return null;
        }
        Quantity q = quantity(n, prefix + key);
        if (q == null) {
            return null;
        }
        if (!q.hasUnit()) {
            return q.value();
        }
        try {
            Unit u = Units.standard(Calendar.DEFAULT).parse(q.unit());
            if (!u.isTime()) {
                problems.add(position(n) + "'" + prefix + key + "' must be a time, found '" + q + "' (" + u.dimension() + ")");
                return null;
            }
        } catch (IllegalArgumentException ex) {
            // a unit the model may define: checked when the model is known
        }
        timeQuantities.put(prefix + key, q);
        return null;
    }

    private Quantity quantity(Node n, String path) {
        if (!(n instanceof ScalarNode s)) {
            problems.add(position(n) + "'" + path + "' must be a number, optionally with a unit");
            return null;
        }
        String text = s.getValue().trim();
        if (FiniteNumbers.isInfinityOrNaNWord(text)) {
            problems.add(position(n) + "'" + path + "' must be a finite number, found '" + text + "'");
            return null;
        }
        try {
            return Quantity.parse(text);
        } catch (FiniteNumbers.NotFinite ex) {
            problems.add(position(n) + "'" + path + "' " + ex.getMessage());
            return null;
        } catch (IllegalArgumentException ex) {
            problems.add(position(n) + "'" + path + "' must be a number, found '" + text + "'");
            return null;
        }
    }

    private void positiveTime(String key) {
        Quantity q = timeQuantities.get(key);
        if (q != null && !(q.value() > 0)) {
            problems.add(at(key) + "'" + key + "' must be positive, found " + q);
        }
    }

    private Calendar calendar(Map<String, Node> top) {
        Calendar c = Calendar.DEFAULT;
        for (String key : List.of("month", "year")) {
            Node n = top.get(key);
            if (n == null) {
                continue;
            }
            Quantity q = quantity(n, key);
            if (q == null) {
                continue;
            }
            try {
                double days = q.hasUnit() ? q.value() * Units.standard(Calendar.DEFAULT).parse(q.unit())
                        .in(Units.standard(Calendar.DEFAULT).parse("d")) : q.value();
                if (!(days > 0)) {
                    throw new IllegalArgumentException("must be a positive time");
                }
                c = key.equals("month") ? c.withMonthDays(days) : c.withYearDays(days);
            } catch (IllegalArgumentException ex) {
                problems.add(position(n) + "'" + key + "' must be a length of time such as '28 d', found '" + q + "': "
                        + ex.getMessage());
            }
        }
        return c;
    }

    private Map<String, Quantity> covariates(Node node) {
        Map<String, Quantity> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof MappingNode map)) {
            problems.add(position(node) + "'covariates' must map names to values, e.g. covariates: {weight: 70 kg}");
            return out;
        }
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                problems.add(position(t.getKeyNode()) + "names under 'covariates' must be plain words");
                continue;
            }
            positions.put("covariates." + k.getValue(), pos(t.getValueNode()));
            Quantity q = quantity(t.getValueNode(), "covariates." + k.getValue());
            if (q != null) {
                out.put(k.getValue(), q);
            }
        }
        return out;
    }

    private List<DoseTable> doseTable(Node node, Path baseDir) {
        if (node == null) {
            return List.of();
        }
        String file;
        Map<String, Node> e = Map.of();
        if (node instanceof ScalarNode s) {
            file = s.getValue().trim();
        } else if (node instanceof MappingNode m) {
            e = entries(m, "dose_table.", DOSE_TABLE_KEYS);
            file = requiredString(e, "file", "dose_table.", m);
        } else {
            problems.add(position(node) + "'dose_table' must be a file name or {file: F, time_unit: h, amount_unit: mg, cmt: {1: NAME}, id: N}");
            return List.of();
        }
        if (file == null) {
            return List.of();
        }
        Map<String, String> cmt = new LinkedHashMap<>();
        Node cmtNode = e.get("cmt");
        if (cmtNode instanceof MappingNode cm) {
            for (NodeTuple t : cm.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v) {
                    cmt.put(k.getValue().trim(), v.getValue().trim());
                } else {
                    problems.add(position(t.getKeyNode()) + "'dose_table.cmt' maps cmt values to state names, e.g. {1: Den_depot}");
                }
            }
        } else if (cmtNode != null) {
            problems.add(position(cmtNode) + "'dose_table.cmt' maps cmt values to state names, e.g. {1: Den_depot}");
        }
        Path path = baseDir == null ? Path.of(file) : baseDir.resolve(file);
        try {
            return List.of(DoseTable.read(path, string(e, "time_unit", "dose_table."), string(e, "amount_unit", "dose_table."),
                    cmt, string(e, "id", "dose_table.")));
        } catch (IllegalArgumentException ex) {
            problems.add(position(node) + ex.getMessage());
            return List.of();
        }
    }

    private Map<String, Node> entries(MappingNode map, String prefix, Set<String> allowed) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode k)) {
                problems.add(position(keyNode) + "keys must be plain words");
                continue;
            }
            String key = k.getValue();
            String path = prefix + key;
            if (out.containsKey(key)) {
                problems.add(position(keyNode) + "duplicate key '" + key + "' (first given at line " + positions.get(path).line() + ")");
                continue;
            }
            positions.put(path, pos(tuple.getValueNode()));
            if (!allowed.contains(key)) {
                problems.add(position(keyNode) + "unknown key '" + key + "'" + Suggestions.didYouMean(key, allowed)
                        + "; expected one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
                continue;
            }
            out.put(key, tuple.getValueNode());
        }
        return out;
    }

    private Map<String, Double> setOverrides(Node node) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof MappingNode map)) {
            problems.add(position(node) + "'set' must map names to numbers, e.g. set: {I_P: 0, OBa: 1e-3}");
            return out;
        }
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                problems.add(position(t.getKeyNode()) + "names under 'set' must be plain words");
                continue;
            }
            String path = "set." + k.getValue();
            positions.put(path, pos(t.getValueNode()));
            Double v = toNumber(t.getValueNode(), "set." + k.getValue());
            if (v != null) {
                out.put(k.getValue(), v);
            }
        }
        return out;
    }

    private Map<String, Scenario.Tolerance> tolerances(Node node) {
        Map<String, Scenario.Tolerance> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof MappingNode map)) {
            problems.add(position(node) + "'tolerances' must map state names to {rtol: X, atol: Y}, e.g. tolerances: {OCa: {atol: 1e-15}}");
            return out;
        }
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k) || !(t.getValueNode() instanceof MappingNode entry)) {
                problems.add(position(t.getKeyNode()) + "each entry of 'tolerances' must be a state name mapped to {rtol: X, atol: Y}");
                continue;
            }
            String p = "tolerances." + k.getValue() + ".";
            positions.put("tolerances." + k.getValue(), pos(k));
            Map<String, Node> e = entries(entry, p, TOLERANCE_KEYS);
            Double r = number(e, "rtol", p);
            Double a = number(e, "atol", p);
            positive(r, "rtol", p);
            positive(a, "atol", p);
            out.put(k.getValue(), new Scenario.Tolerance(r, a));
        }
        return out;
    }

    private List<Scenario.Intervention> interventions(Node node) {
        List<Scenario.Intervention> out = new ArrayList<>();
        List<MappingNode> items = items(node, "interventions", "a list of {set: NAME, value: X, from: T1, to: T2}");
        for (int i = 0; i < items.size(); i++) {
            String p = "interventions[" + i + "].";
            Map<String, Node> e = entries(items.get(i), p, INTERVENTION_KEYS);
            String target = requiredString(e, "set", p, items.get(i));
            Double value = required(e, "value", p, items.get(i));
            Double from = null;
            if (!e.containsKey("from")) {
                problems.add(position(items.get(i)) + "missing key 'from' in " + p.replace(".", ""));
            } else {
                from = time(e, "from", p);
                if (from == null && timeQuantities.containsKey(p + "from")) {
                    from = Double.NaN; // given with a unit: set once the model's time unit is known
                }
            }
            Double to = Double.POSITIVE_INFINITY;
            if (e.containsKey("to") && !(e.get("to") instanceof ScalarNode sn
                    && FiniteNumbers.isPositiveInfinityWord(sn.getValue()))) { // 'to: .inf' means "to the end"
                to = time(e, "to", p);
                if (to == null && timeQuantities.containsKey(p + "to")) {
                    to = Double.NaN;
                }
            }
            if (from != null && to != null && to < from) {
                problems.add(at(p + "to") + "'to' (" + to + ") must not be before 'from' (" + from + ")");
            }
            if (target != null && value != null && from != null && to != null) {
                out.add(new Scenario.Intervention(target, value, from, to));
            }
        }
        return out;
    }

    private List<Regimen> doses(Node node) {
        List<Regimen> out = new ArrayList<>();
        List<MappingNode> items = items(node, "doses", "a list of {target: NAME, amount: X, at: T, every: DT, count: N}");
        for (int i = 0; i < items.size(); i++) {
            String p = "doses[" + i + "].";
            MappingNode item = items.get(i);
            int before = problems.size();
            positions.put("doses[" + i + "]", pos(item));
            Map<String, Node> e = entries(item, p, DOSE_KEYS);
            String target = requiredString(e, "target", p, item);
            if (e.containsKey("at") && e.containsKey("start")) {
                problems.add(at(p + "start") + "give the first dose's time as 'at' or 'start', not both");
            }
            String startKey = e.containsKey("start") ? "start" : "at";
            Quantity start = e.containsKey(startKey) ? quantity(e.get(startKey), p + startKey) : null;
            Regimen r = null;
            if (e.containsKey("regimen")) {
                for (String k : List.of("amount", "every", "count", "for", "route", "duration", "rate")) {
                    if (e.containsKey(k)) {
                        problems.add(at(p + k) + "'" + k + "' cannot be combined with 'regimen' (the compact form says it)");
                    }
                }
                String text = string(e, "regimen", p);
                if (text != null && target != null) {
                    try {
                        r = Regimen.compact(target, text);
                        if (start != null) {
                            r = r.start(start);
                        }
                    } catch (IllegalArgumentException ex) {
                        problems.add(at(p + "regimen") + ex.getMessage());
                    }
                }
            } else {
                boolean infusion = e.containsKey("duration") || e.containsKey("rate");
                Quantity amount = e.containsKey("amount") ? quantity(e.get("amount"), p + "amount") : null;
                if (!e.containsKey("amount") && !infusion) {
                    problems.add(position(item) + "missing key 'amount' in " + p.replace(".", ""));
                }
                if (!e.containsKey(startKey) && !e.containsKey("regimen")) {
                    problems.add(position(item) + "missing key 'at' in " + p.replace(".", "") + " (the time of the first dose)");
                }
                Route route = infusion ? Route.INFUSION : Route.BOLUS;
                String routeText = string(e, "route", p);
                if (routeText != null) {
                    try {
                        route = Route.parse(routeText);
                    } catch (IllegalArgumentException ex) {
                        problems.add(at(p + "route") + ex.getMessage());
                    }
                }
                Quantity every = e.containsKey("every") ? quantity(e.get("every"), p + "every") : null;
                Quantity span = e.containsKey("for") ? quantity(e.get("for"), p + "for") : null;
                Double count = number(e, "count", p);
                int n = span != null ? 0 : 1;
                if (count != null) {
                    if (count != Math.rint(count) || count < 1 || count > Regimen.MAX_COUNT) {
                        problems.add(at(p + "count") + "'count' must be a whole number from 1 to " + Regimen.MAX_COUNT
                                + ", found " + count);
                    } else {
                        n = count.intValue();
                    }
                }
                if (n > 1 && every == null) {
                    problems.add(at(p + "count") + "'count' > 1 needs 'every' (the interval between doses)");
                }
                if (every != null && !(every.value() > 0)) {
                    problems.add(at(p + "every") + "'every' must be a positive time, found " + every);
                }
                Quantity duration = e.containsKey("duration") ? quantity(e.get("duration"), p + "duration") : null;
                Quantity rate = e.containsKey("rate") ? quantity(e.get("rate"), p + "rate") : null;
                if (problems.size() == before && target != null) {
                    try {
                        r = new Regimen(target, amount, route, start, n == 1 && span == null ? null : every, n, span,
                                duration, rate, null);
                    } catch (IllegalArgumentException ex) {
                        problems.add(position(item) + ex.getMessage());
                    }
                }
            }
            if (r != null && problems.size() == before) {
                Scenario.Position at = pos(item);
                out.add(r.origin(source + ":" + at.line() + ":" + at.column()));
            }
        }
        return out;
    }

    private List<String> outputs(Node node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node instanceof ScalarNode s) {
            for (String part : s.getValue().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return out;
        }
        if (!(node instanceof SequenceNode seq)) {
            problems.add(position(node) + "'outputs' must be a list of names, e.g. outputs: [OBa, OCa]");
            return out;
        }
        for (Node n : seq.getValue()) {
            if (n instanceof ScalarNode s) {
                out.add(s.getValue().trim());
            } else {
                problems.add(position(n) + "each output must be a name");
            }
        }
        return out;
    }

    private List<MappingNode> items(Node node, String key, String expected) {
        List<MappingNode> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof SequenceNode seq)) {
            problems.add(position(node) + "'" + key + "' must be " + expected);
            return out;
        }
        for (Node n : seq.getValue()) {
            if (n instanceof MappingNode m) {
                out.add(m);
            } else {
                problems.add(position(n) + "each item of '" + key + "' must be a mapping: " + expected);
            }
        }
        return out;
    }

    private String requiredString(Map<String, Node> e, String key, String prefix, Node owner) {
        if (!e.containsKey(key)) {
            problems.add(position(owner) + "missing key '" + key + "' in " + prefix.replace(".", ""));
            return null;
        }
        return string(e, key, prefix);
    }

    private Double required(Map<String, Node> e, String key, String prefix, Node owner) {
        if (!e.containsKey(key)) {
            problems.add(position(owner) + "missing key '" + key + "' in " + prefix.replace(".", ""));
            return null;
        }
        return number(e, key, prefix);
    }

    private String string(Map<String, Node> e, String key, String prefix) {
        Node n = e.get(key);
        if (n == null) {
            return null;
        }
        if (n instanceof ScalarNode s) {
            return s.getValue();
        }
        problems.add(position(n) + "'" + prefix + key + "' must be a single value");
        return null;
    }

    private Double number(Map<String, Node> e, String key, String prefix) {
        Node n = e.get(key);
        return n == null ? null : toNumber(n, prefix + key);
    }

    private Double toNumber(Node n, String path) {
        return toNumber(n, path, false);
    }

    /** A finite number (FiniteNumbers); {@code .inf} only where the key means "no end", such as an intervention's 'to'. */
    private Double toNumber(Node n, String path, boolean infinityMeansNoEnd) {
        if (!(n instanceof ScalarNode s)) {
            problems.add(position(n) + "'" + path + "' must be a number");
            return null;
        }
        String text = s.getValue().trim();
        if (infinityMeansNoEnd && FiniteNumbers.isPositiveInfinityWord(text)) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            return FiniteNumbers.parse(text);
        } catch (FiniteNumbers.NotFinite e) {
            problems.add(position(n) + "'" + path + "' " + e.getMessage());
            return null;
        }
    }

    private void positive(Double v, String key, String prefix) {
        if (v != null && (!(v > 0) || Double.isInfinite(v))) {
            problems.add(at(prefix + key) + "'" + key + "' must be a positive finite number, found " + v);
        }
    }

    private String at(String path) {
        Scenario.Position p = positions.get(path);
        return p == null ? source + ": " : source + ":" + p.line() + ":" + p.column() + ": ";
    }

    private String position(Node n) {
        Scenario.Position p = pos(n);
        return source + ":" + p.line() + ":" + p.column() + ": ";
    }

    private static Scenario.Position pos(Node n) {
        Mark m = n.getStartMark();
        return m == null ? new Scenario.Position(1, 1) : new Scenario.Position(m.getLine() + 1, m.getColumn() + 1);
    }
}
