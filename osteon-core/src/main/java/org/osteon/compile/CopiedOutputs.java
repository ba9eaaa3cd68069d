package org.osteon.compile;

/**
 * An {@link OutputSelection} that evaluates every output and copies the selected ones: what a
 * model without a specialised evaluator gives. Keeps a scratch vector, so it serves one run
 * (one thread) at a time.
 */
final class CopiedOutputs implements OutputSelection {
    private final CompiledModel model;
    private final int[] indices;
    private final double[] all;

    CopiedOutputs(CompiledModel model, int[] indices) {
        this.model = model;
        this.indices = indices.clone();
        this.all = new double[model.layout().outputCount()];
    }

    @Override
    public void evaluate(double t, double[] y, double[] p, double[] out) {
        model.outputs(t, y, p, all);
        for (int k = 0; k < indices.length; k++) {
            out[k] = all[indices[k]];
        }
    }

    @Override
    public int computedValues() {
        return all.length;
    }
}
