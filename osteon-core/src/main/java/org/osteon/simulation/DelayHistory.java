package org.osteon.simulation;

import java.util.ArrayList;
import java.util.List;
import org.osteon.compile.CompiledModel;
import org.osteon.solve.DenseStep;
import org.osteon.solve.SolverException;

/**
 * The past of one run, for {@code delay(x, d)}: every accepted step's dense output sampled at five
 * equally spaced points (so the quartic through them keeps the order-4 accuracy of the solvers'
 * dense output), and the parameter vector from each segment start on. {@link #fill} writes each
 * delay's value x(t - d) into its parameter slot before the model is evaluated at t. Before the
 * start, x is evaluated with the initial state and parameters at the earlier time.
 */
final class DelayHistory {
    private static final int NODES = 5;

    private record Piece(double start, double end, double[][] states) {
    }

    private record Parameters(double time, double[] values) {
    }

    private final CompiledModel model;
    private final double t0;
    private final double[] y0;
    private final double[] p0;
    private final List<Piece> pieces = new ArrayList<>();
    private final List<Parameters> parameters = new ArrayList<>();
    private final double[] scratch;

    DelayHistory(CompiledModel model, double t0, double[] y0, double[] p0) {
        this.model = model;
        this.t0 = t0;
        this.y0 = y0.clone();
        this.p0 = p0.clone();
        this.scratch = new double[Math.max(1, y0.length)];
    }

    /** The parameters as they are from time t on (at the start of a segment). */
    void parametersFrom(double t, double[] p) {
        parameters.add(new Parameters(t, p.clone()));
    }

    /** Stores the accepted step's trajectory on [start, end], end being the step's end or an event inside it. */
    void record(DenseStep step, double end) {
        double a = step.startTime();
        if (!(end > a)) {
            return;
        }
        double[][] states = new double[NODES][];
        for (int j = 0; j < NODES; j++) {
            double t = j == NODES - 1 ? end : a + j * (end - a) / (NODES - 1);
            step.interpolate(t, scratch);
            states[j] = java.util.Arrays.copyOf(scratch, y0.length);
        }
        pieces.add(new Piece(a, end, states));
    }

    /** Writes every delay's value at (t, y, p) into its slot of p. */
    void fill(double t, double[] y, double[] p) {
        for (int k = 0; k < model.delayCount(); k++) {
            double lag = model.delayLag(k, t, y, p);
            if (!(lag >= 0) || Double.isInfinite(lag)) {
                throw new SolverException(SolverException.Reason.INVALID_INPUT, t, -1,
                        "a delay is " + lag + " at t=" + t + "; a delay must be finite and not negative");
            }
            p[model.delaySlot(k)] = value(k, t - lag, t, y, p);
        }
    }

    /** Lowest lag of all delays at the start, positive, or infinity: the largest safe step. */
    double smallestLag() {
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < model.delayCount(); k++) {
            double lag = model.delayLag(k, t0, y0, p0);
            if (lag > 0) {
                min = Math.min(min, lag);
            }
        }
        return min;
    }

    private double value(int k, double tau, double t, double[] y, double[] p) {
        if (tau == t0) {
            return model.delayedValue(k, t0, y0, p0);
        }
        if (tau < t0) {
            // Before the start nothing changes but time: the start's values with the initial
            // assignments evaluated at tau, rates of change zero (the SBML Test Suite's reading:
            // delay(1 + time, 1) at time 0 is 0, cases 01318-01319; an initial assignment
            // sin(10 time) is the species' past, case 00938; delay(rateOf(S), 1) is 0, case 01400).
            double[] past = y0.clone();
            double[] pastParameters = p0.clone();
            model.initialize(tau, past, pastParameters, null, null);
            return model.delayedValueBeforeStart(k, tau, past, pastParameters);
        }
        if (pieces.isEmpty() || tau >= pieces.get(pieces.size() - 1).end()) {
            // inside the step being taken (a lag shorter than the step): the current point
            return model.delayedValue(k, t, y, p);
        }
        Piece piece = pieces.get(pieceAt(tau));
        double[] yt = new double[y0.length];
        interpolate(piece, tau, yt);
        return model.delayedValue(k, tau, yt, parametersAt(tau));
    }

    /** The last piece starting at or before tau (after an event, the piece that starts there). */
    private int pieceAt(double tau) {
        int lo = 0;
        int hi = pieces.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (pieces.get(mid).start() <= tau) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The parameters of the last segment starting at or before tau (binary search: runs may have many events). */
    private double[] parametersAt(double tau) {
        int lo = 0;
        int hi = parameters.size() - 1;
        if (hi < 0 || parameters.get(0).time() > tau) {
            return p0;
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (parameters.get(mid).time() <= tau) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return parameters.get(lo).values();
    }

    /** Lagrange interpolation through the piece's equally spaced nodes. */
    private static void interpolate(Piece piece, double tau, double[] out) {
        double h = (piece.end() - piece.start()) / (NODES - 1);
        double s = (tau - piece.start()) / h;
        double[] w = new double[NODES];
        for (int j = 0; j < NODES; j++) {
            double l = 1;
            for (int m = 0; m < NODES; m++) {
                if (m != j) {
                    l *= (s - m) / (j - m);
                }
            }
            w[j] = l;
        }
        for (int i = 0; i < out.length; i++) {
            double v = 0;
            for (int j = 0; j < NODES; j++) {
                v += w[j] * piece.states()[j][i];
            }
            out[i] = v;
        }
    }
}
