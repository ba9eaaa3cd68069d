package org.osteon.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteon.trajectory.Trajectory;

/**
 * A reference trajectory from {@code src/test/resources/reference} (copied from the shared
 * reference material; see the README there) and comparisons against Osteon results.
 */
public final class ReferenceData {
    private final String name;
    private final Map<String, double[]> columns;

    private ReferenceData(String name, Map<String, double[]> columns) {
        this.name = name;
        this.columns = columns;
    }

    public static ReferenceData load(String file) {
        try (InputStream in = ReferenceData.class.getResourceAsStream("/reference/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /reference/" + file);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = r.readLine().split(",");
            List<double[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(",");
                double[] row = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    row[i] = Double.parseDouble(parts[i]);
                }
                rows.add(row);
            }
            Map<String, double[]> cols = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                double[] col = new double[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    col[i] = rows.get(i)[c];
                }
                cols.put(header[c].trim(), col);
            }
            return new ReferenceData(file, cols);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public double[] column(String header) {
        double[] c = columns.get(header);
        if (c == null) {
            throw new IllegalArgumentException(name + " has no column " + header + "; it has " + columns.keySet());
        }
        return c;
    }

    public double[] times() {
        return column("t_day");
    }

    public int rows() {
        return times().length;
    }

    /**
     * max_i |osteon(t_i) - ref(t_i)| / max_i |ref(t_i)| over the reference grid, which must equal
     * the trajectory's grid (the first rows of it when the reference stops early).
     */
    public double maxErrorRelativeToPeak(Trajectory tr, String osteonColumn, String referenceColumn) {
        double[] ref = column(referenceColumn);
        double[] t = times();
        double peak = 0;
        for (double v : ref) {
            peak = Math.max(peak, Math.abs(v));
        }
        double worst = 0;
        for (int i = 0; i < ref.length; i++) {
            if (Math.abs(tr.time(i) - t[i]) > 1e-9 * Math.max(1, Math.abs(t[i]))) {
                throw new IllegalStateException("time grids differ at row " + i + ": " + tr.time(i) + " vs " + t[i]);
            }
            worst = Math.max(worst, Math.abs(tr.value(osteonColumn, i) - ref[i]));
        }
        return worst / peak;
    }
}
