package org.osteon.analysis.fit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.osteon.scenario.ModelCatalog;
import org.osteon.scenario.Scenario;
import org.osteon.scenario.ScenarioReader;
import org.osteon.scenario.ScenarioRunner;
import org.osteon.simulation.SolverSettings;

/**
 * Test support for the estimation side of fitting: a model text and a scenario written to a
 * directory, the predictor and fit problem built on them, and central differences of functions
 * written in closed form (the reference derivatives of the sensitivity tests).
 */
final class FitFixtures {
    /** Tight enough that the solver's error (about 1e-10 relative) is far below every bound used with it. */
    static final SolverSettings TIGHT = new SolverSettings("auto", 1e-10, 1e-14, Map.of(), 1_000_000, 0);

    private final Path dir;
    final ScenarioRunner runner = new ScenarioRunner(ModelCatalog.EMPTY);

    FitFixtures(Path dir) {
        this.dir = dir;
    }

    private int files;

    /**
     * The scenario {@code "model: mN.ant\n" + yaml} with {@code model} written as mN.ant, a new
     * file each time (the runner caches compiled models by file).
     */
    Scenario scenario(String model, String yaml) {
        String name = "m" + (++files) + ".ant";
        try {
            Files.writeString(dir.resolve(name), model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ScenarioReader.parse("model: " + name + "\n" + yaml, "s.yaml", dir);
    }

    ModelPredictor predictor(String model, String yaml, List<String> theta, double[] at, List<String> observed, double[] times,
                             SolverSettings settings) {
        return new ModelPredictor(runner, scenario(model, yaml), theta, at, observed, times, settings);
    }

    /** A closed-form function of the parameters. */
    interface Closed {
        double value(double[] theta);
    }

    /**
     * d f / d theta_j of a closed form by Richardson-extrapolated central differences (steps h and
     * h/2, h = 1e-3 |theta_j|): the error is O(h^4), below 1e-10 relative for the smooth forms used.
     */
    static double derivative(Closed f, double[] theta, int j) {
        double h = 1e-3 * (theta[j] == 0 ? 1 : Math.abs(theta[j]));
        return (4 * central(f, theta, j, h / 2) - central(f, theta, j, h)) / 3;
    }

    private static double central(Closed f, double[] theta, int j, double h) {
        double[] up = theta.clone();
        double[] down = theta.clone();
        up[j] += h;
        down[j] -= h;
        return (f.value(up) - f.value(down)) / (2 * h);
    }
}
