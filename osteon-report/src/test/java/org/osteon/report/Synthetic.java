package org.osteon.report;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.osteon.compile.Variable.Kind;
import org.osteon.trajectory.Column;
import org.osteon.trajectory.RunInfo;
import org.osteon.trajectory.Trajectory;

/** Trajectories with known shapes, standing in for solver output. */
final class Synthetic {
    static final RunInfo RUN_INFO = new RunInfo("rodas5p", 1e-8, 1e-12, 1234, 56, 7890, 12, 34, 1, true, 3, 42.5, java.util.List.of(20.0));

    private Synthetic() {
    }

    /**
     * A bone-remodelling-like run over a year: cell populations around 1e-3 pM, ligand and decoy
     * receptor around 1e1 and 1e4 pM, bone volume in %. {@code effect} scales the response to a
     * perturbation at t = 0 (0 = steady state wobble only).
     */
    static Trajectory remodelling(double effect) {
        int n = 366;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
        }
        List<Column> cols = List.of(
                new Column("OBp", Kind.SPECIES, "pM", "Osteoblast precursors"),
                new Column("OBa", Kind.SPECIES, "pM", "Active osteoblasts"),
                new Column("OCa", Kind.SPECIES, "pM", "Active osteoclasts"),
                new Column("RANKL", Kind.SPECIES, "pM", null),
                new Column("OPG", Kind.SPECIES, "pM", "Osteoprotegerin"),
                new Column("BV", Kind.RATE_RULE, "%", "Bone volume"),
                new Column("k_res", Kind.PARAMETER, "1/day", "Resorption rate"),
                new Column("J_form", Kind.FLUX, "pM/day", null));
        double[][] v = {
                fill(t, x -> 1.2e-3 * (1 + 0.3 * effect * damped(x, 60, 90))),
                fill(t, x -> 7.0e-4 * (1 + 0.5 * effect * damped(x - 10, 70, 100))),
                fill(t, x -> 9.0e-4 * (1 - 0.6 * effect * Math.exp(-x / 40))),
                fill(t, x -> 12.0 * (1 + 0.2 * effect * damped(x, 50, 120))),
                fill(t, x -> 1.5e4 * (1 + 0.8 * effect * (1 - Math.exp(-x / 30)))),
                fill(t, x -> 100 + 4 * effect * (1 - Math.exp(-x / 150))),
                fill(t, x -> 0.7),
                fill(t, x -> 3e-5 * (1 + Math.sin(x / 20)))};
        return new Trajectory("pivonka2008", "day", t, cols, v, RUN_INFO);
    }

    /** Exponential decay from 1 with rate k, and a damped oscillation, both in nM. */
    static Trajectory decayAndOscillation() {
        int n = 201;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 0.1;
        }
        List<Column> cols = List.of(
                new Column("A", Kind.SPECIES, "nM", "Decaying species"),
                new Column("B", Kind.SPECIES, "nM", "Oscillator"));
        double[][] v = {fill(t, x -> Math.exp(-0.3 * x)), fill(t, x -> 1 + 0.5 * Math.exp(-0.1 * x) * Math.cos(2 * x))};
        return new Trajectory("toy", "h", t, cols, v, RUN_INFO);
    }

    private static double damped(double x, double decay, double period) {
        return x < 0 ? 0 : Math.exp(-x / decay) * Math.sin(2 * Math.PI * x / period);
    }

    private static double[] fill(double[] t, DoubleUnaryOperator f) {
        double[] out = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = f.applyAsDouble(t[i]);
        }
        return out;
    }
}
