package org.osteon.analysis.fit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osteon.trajectory.AtomicFiles;

/**
 * The files of a fit in one directory: {@code estimates.csv}
 * ({@code parameter,estimate,se,ci_low,ci_high}, then scale, bounds, profile interval, flag),
 * {@code residuals.csv}, {@code correlation.csv}, {@code predictions.csv} (fitted curves),
 * {@code starts.csv} (each local fit) and {@code fit.json} (objective, criteria, convergence,
 * identifiability, everything above). Each file is written atomically.
 */
public final class FitOutput {
    private FitOutput() {
    }

    public static List<Path> write(FitResult r, List<Curve> curves, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        written.add(text(dir.resolve("estimates.csv"), estimates(r)));
        written.add(text(dir.resolve("residuals.csv"), residuals(r)));
        written.add(text(dir.resolve("correlation.csv"), correlation(r)));
        written.add(text(dir.resolve("predictions.csv"), predictions(curves)));
        written.add(text(dir.resolve("starts.csv"), starts(r)));
        written.add(text(dir.resolve("fit.json"), json(r)));
        return written;
    }

    private static Path text(Path p, String s) throws IOException {
        AtomicFiles.writeString(p, s);
        return p;
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return Double.toString(v);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    public static String estimates(FitResult r) {
        StringBuilder sb = new StringBuilder("parameter,estimate,se,ci_low,ci_high,rse_percent,scale,initial,lower,upper,"
                + "profile_low,profile_high,flag\n");
        for (FitResult.Parameter p : r.parameters()) {
            sb.append(csv(p.name())).append(',').append(num(p.estimate())).append(',').append(num(p.se())).append(',')
                    .append(num(p.ciLow())).append(',').append(num(p.ciHigh())).append(',').append(num(p.rsePercent()))
                    .append(',').append(p.scale()).append(',').append(num(p.initial())).append(',').append(num(p.lower()))
                    .append(',').append(num(p.upper())).append(',').append(num(p.profileLow())).append(',')
                    .append(num(p.profileHigh())).append(',').append(csv(p.flag())).append('\n');
        }
        return sb.toString();
    }

    static String residuals(FitResult r) {
        StringBuilder sb = new StringBuilder("group,output,time,observed,predicted,sd,residual,weighted_residual,source\n");
        for (FitResult.Residual x : r.residuals()) {
            Observation o = x.observation();
            sb.append(csv(o.group())).append(',').append(csv(o.output())).append(',').append(num(o.time())).append(',')
                    .append(num(o.value())).append(',').append(num(x.predicted())).append(',').append(num(x.sd())).append(',')
                    .append(num(x.residual())).append(',').append(num(x.weighted())).append(',').append(csv(o.origin())).append('\n');
        }
        return sb.toString();
    }

    static String correlation(FitResult r) {
        StringBuilder sb = new StringBuilder("parameter");
        r.parameters().forEach(p -> sb.append(',').append(csv(p.name())));
        sb.append('\n');
        for (int a = 0; a < r.parameters().size(); a++) {
            sb.append(csv(r.parameters().get(a).name()));
            for (int b = 0; b < r.parameters().size(); b++) {
                sb.append(',').append(num(r.correlation()[a][b]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String predictions(List<Curve> curves) {
        StringBuilder sb = new StringBuilder("group,output,time,predicted\n");
        for (Curve c : curves) {
            for (int i = 0; i < c.times().length; i++) {
                sb.append(csv(c.group())).append(',').append(csv(c.output())).append(',').append(num(c.times()[i])).append(',')
                        .append(num(c.values()[i])).append('\n');
            }
        }
        return sb.toString();
    }

    static String starts(FitResult r) {
        StringBuilder sb = new StringBuilder("start");
        r.parameters().forEach(p -> sb.append(',').append(csv("start_" + p.name())));
        sb.append(",objective,converged,evaluations,message\n");
        for (FitResult.Start s : r.starts()) {
            sb.append(s.index());
            for (double v : s.start()) {
                sb.append(',').append(num(v));
            }
            sb.append(',').append(num(s.objective())).append(',').append(s.converged()).append(',').append(s.evaluations())
                    .append(',').append(csv(s.message())).append('\n');
        }
        return sb.toString();
    }

    public static String json(FitResult r) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        return mapper.writeValueAsString(toJson(r, mapper)) + "\n";
    }

    public static ObjectNode toJson(FitResult r, ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode();
        o.put("converged", r.converged());
        o.put("message", r.message());
        putNumber(o, "objective", r.objective());
        o.put("objective_is", "-2 log likelihood (Gaussian, including constants)");
        putNumber(o, "weighted_ssr", r.weightedSsr());
        putNumber(o, "aic", r.aic());
        putNumber(o, "bic", r.bic());
        o.put("observations", r.observations());
        o.put("evaluations", r.evaluations());
        o.put("gradient", r.gradientMethod());
        o.put("error_model", r.errorModel());
        putNumber(o, "seconds", r.seconds());
        ArrayNode ps = o.putArray("parameters");
        for (FitResult.Parameter p : r.parameters()) {
            ObjectNode n = ps.addObject();
            n.put("name", p.name());
            putNumber(n, "estimate", p.estimate());
            putNumber(n, "se", p.se());
            putNumber(n, "ci_low", p.ciLow());
            putNumber(n, "ci_high", p.ciHigh());
            n.put("scale", p.scale());
            putNumber(n, "profile_low", p.profileLow());
            putNumber(n, "profile_high", p.profileHigh());
            n.put("flag", p.flag());
        }
        ArrayNode id = o.putArray("identifiability");
        r.identifiability().forEach(id::add);
        ArrayNode corr = o.putArray("correlation");
        for (double[] row : r.correlation()) {
            ArrayNode a = corr.addArray();
            for (double v : row) {
                if (Double.isFinite(v)) {
                    a.add(v);
                } else {
                    a.addNull();
                }
            }
        }
        return o;
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
