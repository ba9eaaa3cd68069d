package org.osteon.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hostile-input corpus as data: YAML files under {@code src/test/resources/hostile/}, each a
 * list of cases with the inputs and what must happen (docs/testing.md describes the format). This
 * class turns the YAML into {@link Case}s: matrices are expanded, {@code ${...}} generators filled.
 */
final class HostileCorpus {
    private HostileCorpus() {
    }

    /** One HTTP request of a web case. */
    record Request(String method, String path, String body, String contentType) {
    }

    /** A numeric check of a CSV result: the value of {@code column} at time {@code t}. */
    record CsvValue(String source, double t, String column, double value, double tolerance) {
    }

    /**
     * One case. For a command-line case {@code args} is set; for a web case {@code request}.
     * Expectations: the exit code (or HTTP status), substrings that must or must not appear,
     * files that must or must not exist afterwards, and numeric values of CSV results.
     */
    record Case(String family, String id, Map<String, String> files, Map<String, String> links, List<String> args,
                Request request,
                List<Integer> exit, List<String> stdoutHas, List<String> stdoutNot, List<String> stderrHas,
                List<String> stderrNot, List<String> filesExist, List<String> filesAbsent,
                Map<String, List<String>> fileHas, Map<String, List<String>> fileNot, List<String> xml,
                List<CsvValue> csv, String field, double timeoutSeconds) {
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final double DEFAULT_TIMEOUT = 20;

    @SuppressWarnings("unchecked")
    static List<Case> parse(String family, Object yaml) {
        Map<String, Object> root = (Map<String, Object>) yaml;
        Map<String, Object> defaults = (Map<String, Object>) root.getOrDefault("defaults", Map.of());
        Map<String, String> commonFiles = strings((Map<String, Object>) root.getOrDefault("files", Map.of()));
        List<Case> out = new ArrayList<>();
        for (Object o : (List<Object>) root.get("cases")) {
            Map<String, Object> raw = new LinkedHashMap<>(defaults);
            raw.putAll((Map<String, Object>) o);
            List<Map<String, String>> bindings = raw.containsKey("each") ? each((List<Object>) raw.get("each"))
                    : matrix((Map<String, Object>) raw.get("matrix"));
            for (Map<String, String> binding : bindings) {
                out.add(build(family, raw, commonFiles, binding));
            }
        }
        return out;
    }

    /** Bindings listed one by one: {@code each: [{name: a, text: "..."}, ...]}. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> each(List<Object> rows) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Object row : rows) {
            Map<String, String> b = new LinkedHashMap<>();
            ((Map<String, Object>) row).forEach((k, v) -> b.put(k, String.valueOf(v)));
            out.add(b);
        }
        return out;
    }

    /** Every combination of the matrix's values (one empty binding without a matrix). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> matrix(Map<String, Object> m) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        if (m == null) {
            return out;
        }
        for (Map.Entry<String, Object> axis : m.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> b : out) {
                for (Object v : (List<Object>) axis.getValue()) {
                    Map<String, String> c = new LinkedHashMap<>(b);
                    c.put(axis.getKey(), String.valueOf(v));
                    next.add(c);
                }
            }
            out = next;
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Case build(String family, Map<String, Object> raw, Map<String, String> commonFiles, Map<String, String> b) {
        String id = fill(String.valueOf(raw.get("id")), b);
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, String> own = strings((Map<String, Object>) raw.getOrDefault("files", Map.of()));
        List<String> used = new ArrayList<>(own.keySet());
        // Common files a case names ("uses") are added; its own files override them.
        for (Object u : (List<Object>) raw.getOrDefault("uses", List.of())) {
            String name = String.valueOf(u);
            files.put(name, generate(fill(commonFiles.get(name), b)));
        }
        for (String name : used) {
            files.put(fill(name, b), generate(fill(own.get(name), b)));
        }
        // "run" is a list of arguments, or one string split at spaces (for arguments from a matrix).
        List<String> args = raw.get("run") instanceof String line
                ? java.util.Arrays.stream(fill(line, b).trim().split(" +")).map(HostileCorpus::generate).toList()
                : raw.containsKey("run") ? list(raw.get("run"), b) : null;
        Request request = null;
        if (raw.containsKey("http")) {
            Map<String, Object> h = (Map<String, Object>) raw.get("http");
            request = new Request(fill(String.valueOf(h.getOrDefault("method", "GET")), b),
                    generate(fill(String.valueOf(h.get("path")), b)),
                    h.containsKey("body") ? generate(fill(String.valueOf(h.get("body")), b)) : null,
                    String.valueOf(h.getOrDefault("content_type", "application/json")));
        }
        Object exit = raw.containsKey("exit") ? raw.get("exit") : raw.get("status");
        List<Integer> codes = new ArrayList<>();
        if (exit instanceof List<?> l) {
            l.forEach(x -> codes.add(Integer.parseInt(fill(String.valueOf(x), b))));
        } else if (exit != null) {
            // "${status}" from a matrix may itself be a list such as [400, 413]
            for (String part : fill(String.valueOf(exit), b).replaceAll("[\\[\\]]", "").split(",")) {
                codes.add(Integer.parseInt(part.trim()));
            }
        }
        List<CsvValue> csv = new ArrayList<>();
        for (Object c : (List<Object>) raw.getOrDefault("csv", List.of())) {
            Map<String, Object> m = (Map<String, Object>) c;
            csv.add(new CsvValue(String.valueOf(m.getOrDefault("source", "stdout")), number(m.get("t")),
                    String.valueOf(m.get("column")), number(m.get("value")), number(m.getOrDefault("tol", 0))));
        }
        // Web cases say "body" for the answer and "error" for its message; command-line cases "stdout" and "stderr".
        Map<String, String> links = new LinkedHashMap<>();
        strings((Map<String, Object>) raw.getOrDefault("links", Map.of())).forEach((k, v) -> links.put(fill(k, b), fill(v, b)));
        return new Case(family, id, files, links, args, request, codes, list(raw.getOrDefault("stdout", raw.get("body")), b),
                list(raw.getOrDefault("stdout_not", raw.get("body_not")), b),
                list(raw.getOrDefault("stderr", raw.get("error")), b), list(raw.get("stderr_not"), b), list(raw.get("exists"), b),
                list(raw.get("absent"), b), fileMap(raw.get("file_has"), b), fileMap(raw.get("file_not"), b),
                list(raw.get("xml"), b), csv, raw.containsKey("field") ? fill(String.valueOf(raw.get("field")), b) : null,
                raw.containsKey("timeout") ? number(raw.get("timeout")) : DEFAULT_TIMEOUT);
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(o));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> fileMap(Object o, Map<String, String> b) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (o != null) {
            ((Map<String, Object>) o).forEach((k, v) -> out.put(fill(k, b), list(v, b)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object o, Map<String, String> b) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            l.forEach(x -> out.add(generate(fill(String.valueOf(x), b))));
        } else if (o != null) {
            out.add(generate(fill(String.valueOf(o), b)));
        }
        return out;
    }

    private static Map<String, String> strings(Map<String, Object> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v == null ? "" : String.valueOf(v)));
        return out;
    }

    /** Replaces ${name} by the matrix binding; ${dir} and the generators are left for later. */
    private static String fill(String s, Map<String, String> b) {
        if (s == null) {
            return null;
        }
        Matcher m = VARIABLE.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = b.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * Generators for inputs too large to write out: {@code ${repeat:N:TEXT}} is TEXT N times, and
     * {@code ${for:A:B:TEXT}} is TEXT for i = A..B with {i}, {i-1} and {i+1} replaced. TEXT runs to
     * the matching closing brace (braces inside it must balance).
     */
    static String generate(String s) {
        if (s == null || !s.contains("${repeat:") && !s.contains("${for:")) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int r = s.indexOf("${repeat:", i);
            int f = s.indexOf("${for:", i);
            int start = r < 0 ? f : f < 0 ? r : Math.min(r, f);
            if (start < 0) {
                out.append(s, i, s.length());
                break;
            }
            out.append(s, i, start);
            int end = closing(s, start + 1);
            String body = s.substring(start + 2, end);
            String[] parts = body.split(":", body.startsWith("for:") ? 4 : 3);
            if (parts[0].equals("repeat")) {
                out.append(generate(parts[2]).repeat(Integer.parseInt(parts[1])));
            } else {
                String text = generate(parts[3]);
                for (int k = Integer.parseInt(parts[1]); k <= Integer.parseInt(parts[2]); k++) {
                    out.append(text.replace("{i}", String.valueOf(k)).replace("{i-1}", String.valueOf(k - 1))
                            .replace("{i+1}", String.valueOf(k + 1)));
                }
            }
            i = end + 1;
        }
        return out.toString();
    }

    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '{') {
                depth++;
            } else if (s.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced generator in corpus text: " + s.substring(open - 1, Math.min(s.length(), open + 40)));
    }
}
