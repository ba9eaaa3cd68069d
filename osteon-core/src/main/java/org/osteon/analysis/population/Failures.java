package org.osteon.analysis.population;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Patients whose simulation failed: how many, how many for each reason, and the first few by
 * patient index (the same whatever order the patients ran in). Mergeable like the sketches.
 */
public final class Failures implements Serializable {
    private static final long serialVersionUID = 1L;
    /** How many example failures are kept. */
    public static final int EXAMPLES = 10;

    /** A failed patient and the solver's or model's message. */
    public record Example(int patient, String message) implements Serializable {
    }

    private long count;
    private final TreeMap<String, Long> reasons = new TreeMap<>();
    private final List<Example> examples = new ArrayList<>();

    public void add(PatientResult r) {
        if (r.succeeded()) {
            return;
        }
        count++;
        reasons.merge(reason(r.failure()), 1L, Long::sum);
        addExample(new Example(r.patient(), r.failure()));
    }

    public void merge(Failures other) {
        count += other.count;
        other.reasons.forEach((k, v) -> reasons.merge(k, v, Long::sum));
        other.examples.forEach(this::addExample);
    }

    private void addExample(Example e) {
        examples.add(e);
        examples.sort(java.util.Comparator.comparingInt(Example::patient));
        if (examples.size() > EXAMPLES) {
            examples.remove(examples.size() - 1);
        }
    }

    public long count() {
        return count;
    }

    /** Counts by reason (the message with its numbers replaced by #), most frequent first. */
    public List<Map.Entry<String, Long>> reasons() {
        List<Map.Entry<String, Long>> out = new ArrayList<>(reasons.entrySet());
        out.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        return out;
    }

    public List<Example> examples() {
        return List.copyOf(examples);
    }

    /** Messages differ by times and values; their shape is the reason. */
    static String reason(String message) {
        String r = message.replaceAll("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?", "#");
        return r.length() > 160 ? r.substring(0, 160) + "…" : r;
    }
}
