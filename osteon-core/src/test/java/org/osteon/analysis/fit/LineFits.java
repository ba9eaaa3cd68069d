package org.osteon.analysis.fit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.ScenarioRunner;

/**
 * Fit specifications over models whose least-squares answer has a closed form, for the tests of
 * the fit's input and results side ({@link FitSpecReader}, {@link Fit}, {@link FitOutput}).
 * {@link #LINE}: {@code y' = b, y(0) = y0}, so {@code y(t) = y0 + b t}, linear in both estimates:
 * with a fixed additive sd the fit is ordinary least squares, whose estimates, standard errors and
 * correlation {@link #ols} computes by the textbook formulas.
 */
final class LineFits {
    /** y(t) = y + b t with y(0) = 1, b = 1. */
    static final String LINE = "model line\n  y' = b\n  y = 1\n  b = 1\nend\n";
    /** y(t) = y + k1 k2 t: only the product k1 k2 is determined by data. */
    static final String PRODUCT = "model product\n  y' = k1*k2\n  y = 1\n  k1 = 1\n  k2 = 1\nend\n";
    /** y' = c y^2, y(0) = 1: y = 1 / (1 - c t), no solution from t = 1/c on. */
    static final String BLOWUP = "model blowup\n  y' = c*y^2\n  y = 1\n  c = 0.1\nend\n";
    /** Four points at t = 1..4 (by hand: mean t 2.5, Sxx 5, mean y 6, Sxy 9.7, so b = 1.94, y0 = 1.15). */
    static final String FOUR_POINTS = "time,output,value\n1,y,3.1\n2,y,4.9\n3,y,7.2\n4,y,8.8\n";

    private LineFits() {
    }

    static ScenarioRunner runner() {
        return new ScenarioRunner(ModelCatalog.EMPTY);
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the model as m.ant and the data as d.csv into dir, then reads {@code model: m.ant, data: d.csv} plus the rest. */
    static FitSpec spec(Path dir, ScenarioRunner runner, String model, String csv, String rest) {
        write(dir.resolve("m.ant"), model);
        write(dir.resolve("d.csv"), csv);
        return FitSpecReader.parse("model: m.ant\ndata: d.csv\n" + rest, "fit.yaml", dir, runner);
    }

    /** Long-format CSV of output y at the given times. */
    static String csv(double[] t, double[] y) {
        StringBuilder sb = new StringBuilder("time,output,value\n");
        for (int i = 0; i < t.length; i++) {
            sb.append(t[i]).append(",y,").append(y[i]).append('\n');
        }
        return sb.toString();
    }

    /**
     * Ordinary least squares of y = a + b t with known sd: {a, b, se(a), se(b), corr(a, b), SSR}.
     * se(b) = sd / sqrt(Sxx), se(a) = sd sqrt(1/n + mean(t)^2 / Sxx), corr = -sum t / sqrt(n sum t^2).
     */
    static double[] ols(double[] t, double[] y, double sd) {
        int n = t.length;
        double mt = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mt += t[i] / n;
            my += y[i] / n;
        }
        double sxx = 0;
        double sxy = 0;
        double st2 = 0;
        for (int i = 0; i < n; i++) {
            sxx += (t[i] - mt) * (t[i] - mt);
            sxy += (t[i] - mt) * (y[i] - my);
            st2 += t[i] * t[i];
        }
        double b = sxy / sxx;
        double a = my - b * mt;
        double ssr = 0;
        for (int i = 0; i < n; i++) {
            ssr += Math.pow(y[i] - a - b * t[i], 2);
        }
        return new double[] {a, b, sd * Math.sqrt(1.0 / n + mt * mt / sxx), sd / Math.sqrt(sxx), -n * mt / Math.sqrt(n * st2), ssr};
    }
}
