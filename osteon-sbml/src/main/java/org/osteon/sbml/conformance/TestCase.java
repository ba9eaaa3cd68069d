package org.osteon.sbml.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One SBML Test Suite case folder ({@code NNNNN/}): its description header ({@code NNNNN-model.m}),
 * settings ({@code NNNNN-settings.txt}), expected results ({@code NNNNN-results.csv}) and model
 * files (Level 3 Version 2 where present, else Level 2 Version 4), as the suite's README lays out.
 */
record TestCase(String id, Path dir, String testType, List<String> componentTags, List<String> testTags) {

    static TestCase load(Path dir) throws IOException {
        String id = dir.getFileName().toString();
        Path header = dir.resolve(id + "-model.m");
        Map<String, String> h = Files.isRegularFile(header) ? keyValues(header) : Map.of();
        return new TestCase(id, dir, h.getOrDefault("testType", ""), tags(h.get("componentTags")), tags(h.get("testTags")));
    }

    private static List<String> tags(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    /** Component and test tags together. */
    List<String> allTags() {
        List<String> all = new ArrayList<>(componentTags);
        all.addAll(testTags);
        return all;
    }

    /** The SBML packages the case needs ({@code comp}, {@code fbc}), from tags such as {@code comp:Submodel}. */
    List<String> packages() {
        return allTags().stream().filter(t -> t.contains(":")).map(t -> t.substring(0, t.indexOf(':'))).distinct().toList();
    }

    /** The model file to run: Level 3 Version 2 where present, else Level 2 Version 4. */
    Optional<Path> modelFile() {
        for (String v : List.of("l3v2", "l2v4")) {
            Path p = dir.resolve(id + "-sbml-" + v + ".xml");
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    Settings settings() throws IOException {
        Map<String, String> s = keyValues(dir.resolve(id + "-settings.txt"));
        return new Settings(number(s, "start", 0), number(s, "duration", Double.NaN), (int) number(s, "steps", Double.NaN),
                names(s.get("variables")), number(s, "absolute", 0), number(s, "relative", 0),
                names(s.get("amount")), names(s.get("concentration")));
    }

    /** The expected table: column names (time first) and rows. */
    Expected expected() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(id + "-results.csv"));
        List<String> columns = Arrays.stream(lines.get(0).split(",")).map(String::trim).toList();
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(",");
            double[] row = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                row[j] = parse(cells[j].trim());
            }
            rows.add(row);
        }
        return new Expected(columns, rows);
    }

    private static double parse(String cell) {
        switch (cell.toLowerCase(java.util.Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "inf":
            case "infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf":
            case "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.parseDouble(cell);
        }
    }

    private static Map<String, String> keyValues(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith(" ")) {
                String key = line.substring(0, colon).trim();
                if (key.matches("[A-Za-z]+") && !out.containsKey(key)) {
                    out.put(key, line.substring(colon + 1).trim());
                }
            }
        }
        return out;
    }

    private static double number(Map<String, String> s, String key, double fallback) {
        String v = s.get(key);
        return v == null || v.isBlank() ? fallback : Double.parseDouble(v);
    }

    private static List<String> names(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    /** A case's settings file. */
    record Settings(double start, double duration, int steps, List<String> variables, double absolute, double relative,
                    List<String> amount, List<String> concentration) {
    }

    /** A case's expected results. */
    record Expected(List<String> columns, List<double[]> rows) {
    }
}
