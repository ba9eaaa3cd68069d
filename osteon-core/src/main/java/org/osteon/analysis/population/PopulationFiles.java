package org.osteon.analysis.population;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.osteon.analysis.sampling.RandomVariable;
import org.osteon.trajectory.AtomicFiles;

/**
 * The files of a population run, each written atomically: {@code percentiles.csv}
 * ({@code time,output,p05,p25,p50,p75,p95,min,max}), {@code population.json} (counts, failures,
 * accuracy, timing), and per patient {@code patients.csv} and {@code trajectories.csv}.
 */
public final class PopulationFiles {
    public static final String PERCENTILES = "percentiles.csv";
    public static final String SUMMARY = "population.json";
    public static final String PATIENTS = "patients.csv";
    public static final String TRAJECTORIES = "trajectories.csv";

    private PopulationFiles() {
    }

    /** Rows by output, then time; values as Java writes doubles (exact round trip), empty for NaN. */
    public static void writePercentiles(PopulationResult r, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = writer(out);
            w.write("time,output," + String.join(",", PercentileSketches.COLUMNS) + ",min,max\n");
            PercentileSketches s = r.percentiles();
            for (int o = 0; o < r.outputs().size(); o++) {
                for (int t = 0; t < r.times().length; t++) {
                    StringBuilder line = new StringBuilder().append(number(r.times()[t])).append(',')
                            .append(r.outputs().get(o));
                    for (double q : s.quantiles(o, t)) {
                        line.append(',').append(number(q));
                    }
                    line.append(',').append(number(s.min(o, t))).append(',').append(number(s.max(o, t))).append('\n');
                    w.write(line.toString());
                }
            }
            w.flush();
        });
    }

    public static void writeSummary(PopulationResult r, PopulationSpec spec, Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = mapper.createObjectNode();
        o.put("name", r.name());
        o.put("scenario", spec.scenario().source());
        o.put("seed", spec.seed());
        o.put("patients", r.patients());
        o.put("succeeded", r.succeeded());
        o.put("failed", r.failures().count());
        o.put("initial", spec.initial().label());
        o.put("percentileAccuracy", spec.accuracy());
        o.put("percentileDefinition", "within accuracy*|x| of x, the order statistic of 0-based rank floor(q*(n-1))");
        o.put("engine", r.engine());
        o.put("workers", r.workers());
        o.put("seconds", r.seconds());
        o.put("patientsPerSecond", r.patientsPerSecond());
        o.put("cpuSeconds", r.cpuSeconds());
        o.put("patientsPerCpuSecond", r.patientsPerCpuSecond());
        ArrayNode vars = o.putArray("variables");
        for (RandomVariable v : spec.variables().variables()) {
            ObjectNode n = vars.addObject();
            n.put("name", v.name());
            n.put("kind", v.covariate() ? "covariate" : "parameter");
            n.put("distribution", v.distribution().describe());
            v.effects().forEach(e -> n.withArray("effects").add(e.describe()));
            if (v.target() != null) {
                n.put("sets", v.target());
            }
        }
        ArrayNode reasons = o.putArray("failureReasons");
        for (Map.Entry<String, Long> e : r.failures().reasons()) {
            reasons.addObject().put("reason", e.getKey()).put("count", e.getValue());
        }
        ArrayNode examples = o.putArray("failureExamples");
        for (Failures.Example e : r.failures().examples()) {
            examples.addObject().put("patient", e.patient()).put("message", e.message());
        }
        AtomicFiles.write(file, out -> mapper.writeValue(out, o));
    }

    /** Header of {@code patients.csv}: patient, status, each covariate and parameter, message. */
    public static String patientsHeader(PopulationSpec spec) {
        return "patient,status," + String.join(",", spec.variables().names()) + ",message\n";
    }

    public static String patientRow(PatientResult r) {
        StringBuilder b = new StringBuilder().append(r.patient()).append(',').append(r.succeeded() ? "ok" : "failed");
        for (double v : r.variables()) {
            b.append(',').append(number(v));
        }
        b.append(',');
        if (!r.succeeded()) {
            b.append('"').append(r.failure().replace("\"", "\"\"").replace('\n', ' ')).append('"');
        }
        return b.append('\n').toString();
    }

    /** Header of {@code trajectories.csv}: patient, time, each output. */
    public static String trajectoriesHeader(List<String> outputs) {
        return "patient,time," + String.join(",", outputs) + "\n";
    }

    public static void trajectoryRows(PatientResult r, double[] times, Writer w) throws IOException {
        if (!r.succeeded()) {
            return;
        }
        StringBuilder b = new StringBuilder();
        for (int t = 0; t < times.length; t++) {
            b.setLength(0);
            b.append(r.patient()).append(',').append(number(times[t]));
            for (double[] out : r.values()) {
                b.append(',').append(number(out[t]));
            }
            w.write(b.append('\n').toString());
        }
    }

    /**
     * Runs {@code run} with a sink writing the per-patient files the spec asks for, each atomically:
     * they appear complete when the run ends, or not at all.
     */
    public static PopulationResult runWithPatientFiles(PopulationSpec spec, List<String> outputs, double[] times, Path dir,
                                                       java.util.function.Function<PatientSink, PopulationResult> run)
            throws IOException {
        PopulationResult[] result = new PopulationResult[1];
        if (!spec.savePatients() && !spec.saveTrajectories()) {
            return run.apply(PatientSink.NONE);
        }
        Files.createDirectories(dir); // the output directory the caller named (AtomicFiles creates none by itself)
        if (spec.savePatients() && spec.saveTrajectories()) {
            AtomicFiles.write(dir.resolve(PATIENTS), p -> {
                Writer pw = writer(p);
                pw.write(patientsHeader(spec));
                AtomicFiles.write(dir.resolve(TRAJECTORIES), tOut -> {
                    Writer tw = writer(tOut);
                    tw.write(trajectoriesHeader(outputs));
                    result[0] = run.apply(r -> {
                        pw.write(patientRow(r));
                        trajectoryRows(r, times, tw);
                    });
                    tw.flush();
                });
                pw.flush();
            });
        } else if (spec.savePatients()) {
            AtomicFiles.write(dir.resolve(PATIENTS), p -> {
                Writer pw = writer(p);
                pw.write(patientsHeader(spec));
                result[0] = run.apply(r -> pw.write(patientRow(r)));
                pw.flush();
            });
        } else {
            AtomicFiles.write(dir.resolve(TRAJECTORIES), tOut -> {
                Writer tw = writer(tOut);
                tw.write(trajectoriesHeader(outputs));
                result[0] = run.apply(r -> trajectoryRows(r, times, tw));
                tw.flush();
            });
        }
        return result[0];
    }

    private static Writer writer(java.io.OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
