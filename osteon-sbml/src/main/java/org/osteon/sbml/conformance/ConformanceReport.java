package org.osteon.sbml.conformance;

import java.io.IOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The results.csv ({@code case,result,reason}) and the per-tag summary table of a conformance run. */
public final class ConformanceReport {
    private ConformanceReport() {
    }

    /** One row per case, in case order. */
    public static void writeCsv(List<CaseResult> results, Writer out) throws IOException {
        out.write("case,result,reason\n");
        for (CaseResult r : results) {
            out.write(r.caseId() + "," + r.result().label() + "," + csv(r.reason()) + "\n");
        }
    }

    private static String csv(String s) {
        if (s.isEmpty()) {
            return "";
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** Counts by result over a set of cases. */
    public static Map<CaseResult.Result, Integer> counts(List<CaseResult> results) {
        Map<CaseResult.Result, Integer> c = new EnumMap<>(CaseResult.Result.class);
        for (CaseResult.Result r : CaseResult.Result.values()) {
            c.put(r, 0);
        }
        results.forEach(r -> c.merge(r.result(), 1, Integer::sum));
        return c;
    }

    /** The summary: totals, core time-course totals, and one line per tag. */
    public static String table(List<CaseResult> results) {
        StringBuilder sb = new StringBuilder();
        Map<String, Map<CaseResult.Result, Integer>> byTag = new TreeMap<>();
        for (CaseResult r : results) {
            for (String tag : r.tags()) {
                byTag.computeIfAbsent(tag, k -> {
                    Map<CaseResult.Result, Integer> m = new EnumMap<>(CaseResult.Result.class);
                    for (CaseResult.Result x : CaseResult.Result.values()) {
                        m.put(x, 0);
                    }
                    return m;
                }).merge(r.result(), 1, Integer::sum);
            }
        }
        String format = "%-32s %6s %6s %6s %12s %6s%n";
        sb.append(String.format(format, "tag", "cases", "pass", "fail", "unsupported", "error"));
        byTag.forEach((tag, m) -> sb.append(row(format, tag, m)));
        sb.append(row(format, "all cases", counts(results)));
        sb.append(row(format, "core time courses", counts(results.stream().filter(CaseResult::coreTimeCourse).toList())));
        return sb.toString();
    }

    private static String row(String format, String label, Map<CaseResult.Result, Integer> m) {
        int total = m.values().stream().mapToInt(Integer::intValue).sum();
        return String.format(format, label, total, m.get(CaseResult.Result.PASS), m.get(CaseResult.Result.FAIL),
                m.get(CaseResult.Result.UNSUPPORTED), m.get(CaseResult.Result.ERROR));
    }
}
