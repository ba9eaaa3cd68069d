package org.osteon.compile;

import java.util.List;

/**
 * A Java part of a text model, for behaviour text expresses badly, such as a 1000-day
 * mineralisation age queue updated once a day. It owns {@link #memorySize()} hidden slots at the
 * end of the parameter vector and may add events that read and write them (and any state or
 * parameter). It must be stateless itself: all run data lives in the vectors it is given.
 */
public interface ModelExtension {
    /** Number of hidden parameter-vector slots this part needs. */
    int memorySize();

    /**
     * Completes the initial condition after the text model's own initial assignments.
     *
     * @param memoryOffset index in p of this part's first hidden slot
     */
    void initialize(double t0, double[] y, double[] p, Layout layout, int memoryOffset, CompiledModel model);

    /** Events of this part, bound to the compiled layout. */
    List<CompiledEvent> events(Layout layout, int memoryOffset, CompiledModel model);
}
