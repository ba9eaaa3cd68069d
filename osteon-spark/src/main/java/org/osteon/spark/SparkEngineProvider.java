package org.osteon.spark;

import org.osteon.analysis.batch.Engine;
import org.osteon.analysis.batch.EngineProvider;

/** Registers the {@code spark} engine (META-INF/services), so {@code --engine spark} finds it. */
public final class SparkEngineProvider implements EngineProvider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Engine open(String master, int threads) {
        return SparkEngine.start(master);
    }
}
