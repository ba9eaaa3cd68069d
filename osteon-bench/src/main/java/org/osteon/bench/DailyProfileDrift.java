package org.osteon.bench;

import java.util.Locale;
import org.osteon.simulation.Simulator;
import org.osteon.solve.Cancellation;
import org.osteon.trajectory.Column;
import org.osteon.trajectory.Trajectory;

/**
 * Could a year of daily teriparatide be simulated on a few days and the rest filled in? That is
 * what envelope-following ("multirevolution") methods do for periodically forced systems: solve
 * some periods exactly and interpolate the others from the slow drift between them. Their error
 * is set by how much the daily profile curves from day to day. For each output, this prints the
 * largest |(y(d - K, h) + y(d + K, h)) / 2 - y(d, h)| over days d and hours h, relative to the
 * output's peak: the error of rebuilding day d, hour h, from the days K before and after it.
 * The same from day 60 on, after the first weeks' transient (which such a method would solve day by
 * day anyway). Reference: the shipped scenario solved with rodas5p at rtol 1e-9, atol 1e-15 on its
 * hourly grid.
 * Issue 11, docs/performance.md.
 */
public final class DailyProfileDrift {
    private static final int HOURS_PER_DAY = 24;
    private static final int DAYS = 365;

    private DailyProfileDrift() {
    }

    public static void main(String[] args) {
        BuiltInScenarios year = BuiltInScenarios.prepare("petersonriggs2010-teriparatide-20ug-1y");
        Trajectory t = Simulator.solve(year.problem(), year.settings().withMethod("rodas5p").withTolerances(1e-9, 1e-15),
                Cancellation.NONE, year.recorded());
        if (t.size() != DAYS * HOURS_PER_DAY + 1 || t.time(1) - t.time(0) != 1) {
            throw new IllegalStateException("expected the hourly grid of a " + DAYS + "-day year, got " + t.size() + " points");
        }
        int[] spans = {1, 4, 8};
        System.out.printf(Locale.ROOT, "%-16s %s%n", "output", "largest rebuild error / peak for K = 1, 4, 8 days: all days | from day 60");
        for (Column c : t.columns()) {
            double peak = 0;
            for (int i = 0; i < t.size(); i++) {
                peak = Math.max(peak, Math.abs(t.value(c.id(), i)));
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-16s", c.id()));
            for (int from : new int[] {0, 60}) {
                line.append(from > 0 ? " |" : "");
                for (int k : spans) {
                    line.append(String.format(Locale.ROOT, " %8.1e", peak == 0 ? 0 : rebuildError(t, c.id(), k, from) / peak));
                }
            }
            System.out.println(line);
        }
    }

    /** Largest |(y(d - k, h) + y(d + k, h)) / 2 - y(d, h)| over days d >= from (and >= k) and hours h. */
    private static double rebuildError(Trajectory t, String id, int k, int from) {
        double worst = 0;
        for (int day = Math.max(k, from); day + k < DAYS; day++) {
            for (int h = 0; h < HOURS_PER_DAY; h++) {
                double before = t.value(id, (day - k) * HOURS_PER_DAY + h);
                double after = t.value(id, (day + k) * HOURS_PER_DAY + h);
                double now = t.value(id, day * HOURS_PER_DAY + h);
                worst = Math.max(worst, Math.abs(0.5 * (before + after) - now));
            }
        }
        return worst;
    }
}
