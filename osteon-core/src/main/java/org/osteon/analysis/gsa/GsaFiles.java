package org.osteon.analysis.gsa;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.osteon.trajectory.AtomicFiles;

/**
 * The tables of a sensitivity analysis: {@code sobol.csv}
 * ({@code output,parameter,S1,S1_low,S1_high,ST,ST_low,ST_high}) or {@code morris.csv}
 * ({@code output,parameter,mu,mu_star,mu_star_low,mu_star_high,sigma}); "output" is the measure,
 * e.g. {@code max(OCa)}. Written atomically; NaN is left empty.
 */
public final class GsaFiles {
    public static final String SOBOL = "sobol.csv";
    public static final String MORRIS = "morris.csv";

    private GsaFiles() {
    }

    public static String table(GsaResult r) {
        StringBuilder b = new StringBuilder();
        List<String> factors = r.factors();
        List<Measure> measures = r.spec().measures();
        if (r.spec().method() == GsaSpec.Method.SOBOL) {
            b.append("output,parameter,S1,S1_low,S1_high,ST,ST_low,ST_high\n");
            for (int m = 0; m < measures.size(); m++) {
                Sobol.Indices s = r.sobol().get(m);
                for (int i = 0; i < factors.size(); i++) {
                    b.append(measures.get(m).label()).append(',').append(factors.get(i));
                    for (double v : new double[] {s.first()[i], s.firstLow()[i], s.firstHigh()[i], s.total()[i],
                            s.totalLow()[i], s.totalHigh()[i]}) {
                        b.append(',').append(Double.isNaN(v) ? "" : Double.toString(v));
                    }
                    b.append('\n');
                }
            }
        } else {
            b.append("output,parameter,mu,mu_star,mu_star_low,mu_star_high,sigma\n");
            for (int m = 0; m < measures.size(); m++) {
                Morris.Effects e = r.morris().get(m);
                for (int i = 0; i < factors.size(); i++) {
                    b.append(measures.get(m).label()).append(',').append(factors.get(i));
                    for (double v : new double[] {e.mu()[i], e.muStar()[i], e.muStarLow()[i], e.muStarHigh()[i],
                            e.sigma()[i]}) {
                        b.append(',').append(Double.isNaN(v) ? "" : Double.toString(v));
                    }
                    b.append('\n');
                }
            }
        }
        return b.toString();
    }

    /** Writes the table into {@code dir} and returns its path. */
    public static Path write(GsaResult r, Path dir) throws IOException {
        Path file = dir.resolve(r.spec().method() == GsaSpec.Method.SOBOL ? SOBOL : MORRIS);
        AtomicFiles.writeString(file, table(r));
        return file;
    }
}
