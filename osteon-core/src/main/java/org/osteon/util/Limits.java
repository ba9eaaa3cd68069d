package org.osteon.util;

/**
 * Osteon's documented limits on what it accepts (docs/limits.md). Each is far above what a
 * model of this field needs and far below what would exhaust memory or take hours; going over
 * one is a clear error naming the limit, not a hang or a crash.
 */
public final class Limits {
    private Limits() {
    }

    /** Size of a model file (Antimony text). */
    public static final long MAX_MODEL_BYTES = 16L << 20;

    /** Nodes of one expression after user functions are inlined (a function calling another twice, 39 deep, would make 2^39). */
    public static final long MAX_INLINED_NODES = 1_000_000;

    /** Output times of one run ((until - start) / step + 1). */
    public static final int MAX_OUTPUT_POINTS = 1_000_000;

    /** Operands of one chain of + and - (or * and /, && or ||) that are kept in written order; longer chains are balanced. */
    public static final int BALANCED_CHAIN_FROM = 32;
}
