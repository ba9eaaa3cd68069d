package org.osteon.cli;

import java.util.ArrayList;
import java.util.List;
import org.osteon.report.PlotSpec;
import picocli.CommandLine.Option;

/** {@code --plot}, {@code --plot-outputs}, {@code --log-y}: a figure of the results. */
final class PlotOptions {
    static final List<String> TYPES = List.of("png", "svg");

    @Option(names = "--plot", paramLabel = "FILE", description = "Write a plot: FILE.png or FILE.svg.")
    String plot;

    @Option(names = "--plot-outputs", split = ",", paramLabel = "A,B", description = "Outputs to plot (default: the scenario's outputs, else the states).")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--log-y", description = "Logarithmic y axis.")
    boolean logY;

    void validate() {
        OutputFiles.requireExtension("--plot", plot, TYPES);
    }

    boolean wanted() {
        return plot != null;
    }

    /** A spec with a height that leaves each panel readable when many outputs are drawn. */
    PlotSpec spec(String title, int seriesCount) {
        int height = Math.min(1400, PlotSpec.DEFAULT_HEIGHT + 100 * Math.max(0, seriesCount - 3));
        return PlotSpec.titled(title).withLogY(logY).withSize(PlotSpec.DEFAULT_WIDTH, height);
    }
}
