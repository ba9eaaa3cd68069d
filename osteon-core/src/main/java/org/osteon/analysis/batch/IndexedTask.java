package org.osteon.analysis.batch;

import java.io.Serializable;
import org.osteon.simulation.SimulationWorkspace;

/**
 * Item {@code i} of a batch of independent evaluations (a scan point, a sensitivity sample).
 * Serializable so that an engine can send it to other JVMs: it carries recipes, not compiled
 * models, and rebuilds what it needs once per JVM.
 */
@FunctionalInterface
public interface IndexedTask<T extends Serializable> extends Serializable {
    T apply(int i);

    /**
     * Item {@code i}, run with the calling worker's {@code workspace} (engines give each thread or
     * partition one, reused for all its items); the result is {@link #apply(int)}'s, bit for bit.
     * Tasks that simulate override it; the default ignores the workspace.
     */
    default T apply(int i, SimulationWorkspace workspace) {
        return apply(i);
    }
}
