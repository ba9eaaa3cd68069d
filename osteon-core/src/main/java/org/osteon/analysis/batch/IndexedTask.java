package org.osteon.analysis.batch;

import java.io.Serializable;

/**
 * Item {@code i} of a batch of independent evaluations (a scan point, a sensitivity sample).
 * Serializable so that an engine can send it to other JVMs: it carries recipes, not compiled
 * models, and rebuilds what it needs once per JVM.
 */
@FunctionalInterface
public interface IndexedTask<T extends Serializable> extends Serializable {
    T apply(int i);
}
