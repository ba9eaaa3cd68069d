package org.osteon.report;

import java.nio.file.Path;
import java.util.List;

/**
 * Not a test: regenerates the images in {@code docs/img} from synthetic trajectories, after a
 * change to how plots look. From the repository root:
 *
 * <pre>
 * mvn -q -pl osteon-core,osteon-report test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Djava.awt.headless=true \
 *   -cp "$(cat osteon-report/target/cp.txt):osteon-report/target/classes:osteon-report/target/test-classes" \
 *   org.osteon.report.DocExamples docs/img
 * </pre>
 */
final class DocExamples {
    private DocExamples() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/img");
        List<NamedTrajectory> runs = List.of(
                new NamedTrajectory("baseline", Synthetic.remodelling(0.2)),
                new NamedTrajectory("denosumab", Synthetic.remodelling(1)));
        Figure f = Plots.timeSeries(runs, PlotSpec.titled("Bone remodelling: baseline vs denosumab (synthetic)"));
        Plots.writePng(f, dir.resolve("time-series.png"));
    }
}
