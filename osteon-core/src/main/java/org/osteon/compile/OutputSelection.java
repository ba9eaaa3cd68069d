package org.osteon.compile;

/**
 * Some of a model's outputs (assignment-rule values and reaction rates), evaluated without the
 * others: {@link CompiledModel#outputSelection} builds one for a list of output indices. A run
 * that records three of petersonriggs2010's outputs computes the assigned values those three
 * depend on, not all of them. Public only because generated classes implement it.
 */
public interface OutputSelection {
    /**
     * Writes the k-th selected output into {@code out[k]}: the same number, bit for bit, as
     * {@link CompiledModel#outputs} writes for it.
     */
    void evaluate(double t, double[] y, double[] p, double[] out);

    /**
     * How many assigned values one evaluation computes: the selected outputs and the assigned
     * values they depend on, or every output when the model evaluates them all anyway.
     */
    int computedValues();
}
