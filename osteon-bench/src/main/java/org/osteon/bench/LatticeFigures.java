package org.osteon.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.osteon.models.BuiltInCatalog;
import org.osteon.models.bmulattice.BmuLattice;
import org.osteon.models.bmulattice.BmuLatticeModels;
import org.osteon.report.PlotSpec;
import org.osteon.report.Plots;
import org.osteon.report.ScanGrid;
import org.osteon.report.Series;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.trajectory.Trajectory;

/**
 * The figures of docs/models/bmu-lattice.md: bone loss over space and time in the metastasis
 * scenarios. Run on demand:
 * {@code java -cp osteon-bench/target/benchmarks.jar org.osteon.bench.LatticeFigures docs/img}.
 */
public final class LatticeFigures {
    private LatticeFigures() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/img");
        Files.createDirectories(dir);
        BuiltInCatalog catalog = new BuiltInCatalog();
        ScenarioRunner runner = new ScenarioRunner(catalog);

        BmuLattice chain = BmuLatticeModels.CHAIN;
        Trajectory tr = run(runner, catalog, "bmu-lattice-1d-metastasis");
        double[] x = new double[chain.nx()];
        double[][] z = new double[tr.size()][chain.nx()];
        for (int i = 0; i < chain.nx(); i++) {
            x[i] = i + 1;
            double[] bv = tr.column("BV_" + (i + 1));
            for (int k = 0; k < tr.size(); k++) {
                z[k][i] = bv[k] - 100;
            }
        }
        ScanGrid spaceTime = new ScanGrid("position x [mm] (tumour at 11 mm)", x, "time [day]", tr.times(), z,
                "bone volume change [%]");
        Plots.writePng(Plots.heatMap(spaceTime, PlotSpec.titled("bmu-lattice-1d-metastasis: bone loss along the chain")),
                dir.resolve("bmu-lattice-1d-space-time.png"));

        Trajectory opg = run(runner, catalog, "bmu-lattice-1d-metastasis-opg");
        double[] last = new double[chain.nx()];
        double[] lastOpg = new double[chain.nx()];
        for (int i = 0; i < chain.nx(); i++) {
            last[i] = tr.last("BV_" + (i + 1)) - 100;
            lastOpg[i] = opg.last("BV_" + (i + 1)) - 100;
        }
        Plots.writePng(Plots.line("position x [mm]", x, List.of(
                        new Series("tumour", "tumour (PTHrP + RANKL)", "%", last),
                        new Series("tumour+OPG", "tumour, systemic OPG", "%", lastOpg)),
                PlotSpec.titled("Bone volume change at day 365 along the chain")), dir.resolve("bmu-lattice-1d-day365.png"));

        BmuLattice square = BmuLatticeModels.SQUARE;
        Trajectory sq = run(runner, catalog, "bmu-lattice-2d-metastasis");
        double[] xs = new double[square.nx()];
        double[] ys = new double[square.ny()];
        double[][] map = new double[square.ny()][square.nx()];
        for (int j = 0; j < square.ny(); j++) {
            ys[j] = j + 1;
            for (int i = 0; i < square.nx(); i++) {
                xs[i] = i + 1;
                map[j][i] = sq.last("BV_" + (i + 1) + "_" + (j + 1)) - 100;
            }
        }
        Plots.writePng(Plots.heatMap(new ScanGrid("x [mm]", xs, "y [mm]", ys, map, "bone volume change [%]"),
                        PlotSpec.titled("bmu-lattice-2d-metastasis: bone volume change at day 365")),
                dir.resolve("bmu-lattice-2d-day365.png"));
        System.out.printf(Locale.ROOT, "1-D: lesion %.2f %%, neighbour %.2f %%, 2 mm %.2f %%, 5 mm %.3f %%, mean %.3f %%; "
                        + "with OPG: lesion %.2f %%%n", last[10], last[9], last[8], last[5], tr.last("BV_mean") - 100,
                lastOpg[10]);
        System.out.printf(Locale.ROOT, "2-D: lesion %.2f %%, neighbour %.2f %%, diagonal %.2f %%, mean %.3f %%%n",
                map[5][5], map[5][4], map[4][4], sq.last("BV_mean") - 100);
    }

    private static Trajectory run(ScenarioRunner runner, BuiltInCatalog catalog, String id) {
        Scenario s = catalog.scenario(id).orElseThrow();
        Scenario all = new Scenario(s.name(), s.description(), s.model(), s.baseDir(), s.start(), s.until(), s.step(),
                s.solver(), s.rtol(), s.atol(), s.set(), s.interventions(), s.doses(), List.of(), s.source(), s.positions());
        return runner.run(all);
    }
}
