package org.osteon.analysis.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Makes engines of one kind; found on the class path with {@link ServiceLoader} (the
 * {@code osteon-spark} module registers {@code spark}), so the core never depends on them.
 */
public interface EngineProvider {
    /** The name users choose it by: {@code --engine NAME}. */
    String name();

    /**
     * @param master where to run (for Spark a master URL such as {@code local[2]} or
     *               {@code spark://host:7077}; null for the environment's default)
     * @param threads for local engines, how many threads; ignored by cluster engines
     */
    Engine open(String master, int threads);

    /** The engine called {@code name}: {@code local} always, others when their module is on the class path. */
    static Engine open(String name, String master, int threads) {
        if (name.equals("local")) {
            return new LocalEngine(threads);
        }
        List<String> names = new ArrayList<>(List.of("local"));
        for (EngineProvider p : ServiceLoader.load(EngineProvider.class)) {
            if (p.name().equals(name)) {
                return p.open(master, threads);
            }
            names.add(p.name());
        }
        String hint = name.equals("spark") ? ": the Spark engine is in the osteon-spark module, which this program does"
                + " not include; run osteon-spark/target/osteon-spark.jar with spark-submit, or osteon-spark/osteon"
                + " (see docs/pharmacometrics.md)" : "";
        throw new IllegalArgumentException("unknown engine '" + name + "'" + hint + "; engines available here: "
                + String.join(", ", names));
    }
}
