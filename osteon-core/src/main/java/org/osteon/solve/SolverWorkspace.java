package org.osteon.solve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osteon.util.SparsityPattern;

/**
 * Working storage that the integrators reuse from one integrate() call to the next, so that many
 * runs of one compiled model on one thread (a scan, a population, a fit, a global sensitivity
 * analysis, or the segments of one run between doses) allocate their stage vectors and iteration
 * matrices once instead of on every segment: the state vectors of each method, and the iteration
 * matrix with its sparse LU's ordering and symbolic work arrays.
 *
 * <p>Owned by one thread (not thread-safe): give each worker thread its own, through
 * {@link IntegrationContext}. Nothing that affects a result carries over: every vector is written
 * before it is read within a run, and a reused iteration matrix forgets the pivot order of its
 * previous run ({@link IterationMatrix#forgetFactorisation}), so a run with a workspace gives the
 * same numbers, bit for bit, as a run without one. Storage is checked out for the length of an
 * integrate() call and returned at its end, or, for storage a method keeps across the segments
 * of one run ({@link Bdf}'s iteration matrix and history), until {@link IntegrationContext#endRun};
 * a nested call (an integration inside another's right-hand side) gets storage of its own.
 */
public final class SolverWorkspace {
    /** Kinds of storage kept at most (methods times dimensions, matrices by pattern): a thread serves a few models. */
    private static final int MAX_KINDS = 32;
    private final Map<VectorKey, ArrayDeque<Vectors>> idleVectors = new HashMap<>();
    private final Map<MatrixKey, ArrayDeque<IterationMatrix>> idleMatrices = new HashMap<>();
    private long created;
    private long reused;

    /** Vector sets and iteration matrices made so far, and handed out again: for tests and benchmarks. */
    public long created() {
        return created;
    }

    public long reused() {
        return reused;
    }

    /** The stage vectors of one integrate() call of a method, handed out in the order the method asks for them. */
    static final class Vectors {
        private final VectorKey key;
        private final List<double[]> arrays = new ArrayList<>();
        private int next;

        private Vectors(VectorKey key) {
            this.key = key;
        }

        /** The next vector of length n (contents undefined: the method writes before it reads). */
        double[] next() {
            return next(key.n());
        }

        /**
         * The next array of the given length (a method's small matrices, say): a method asks in
         * the same order on every call, so the array handed out at each position is the one of
         * that length it had before.
         */
        double[] next(int length) {
            if (next == arrays.size()) {
                arrays.add(new double[length]);
            }
            double[] a = arrays.get(next);
            if (a.length != length) {
                a = new double[length];
                arrays.set(next, a);
            }
            next++;
            return a;
        }
    }

    private record VectorKey(Class<?> method, int n) {
    }

    /** Identity of the pattern (one per compiled model), the dimension, the algebraic rows and the Jacobian kind. */
    private record MatrixKey(SparsityPattern pattern, int n, int[] algebraic, boolean analytic) {
        @Override
        public boolean equals(Object o) {
            return o instanceof MatrixKey k && k.pattern == pattern && k.n == n && Arrays.equals(k.algebraic, algebraic)
                    && k.analytic == analytic;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(pattern) * 31 + n * 7 + Arrays.hashCode(algebraic) + (analytic ? 1 : 0);
        }
    }

    Vectors takeVectors(Class<?> method, int n) {
        VectorKey key = new VectorKey(method, n);
        ArrayDeque<Vectors> idle = idleVectors.get(key);
        Vectors v = idle == null ? null : idle.pollFirst();
        if (v == null) {
            created++;
            return new Vectors(key);
        }
        reused++;
        v.next = 0;
        return v;
    }

    void giveBack(Vectors v) {
        if (idleVectors.size() >= MAX_KINDS) {
            idleVectors.clear();
        }
        idleVectors.computeIfAbsent(v.key, k -> new ArrayDeque<>()).addFirst(v);
    }

    /** An iteration matrix for f, as {@link IterationMatrix#of} chooses, made or reused. */
    IterationMatrix takeMatrix(OdeFunction f) {
        MatrixKey key = matrixKey(f);
        ArrayDeque<IterationMatrix> idle = idleMatrices.get(key);
        IterationMatrix m = idle == null ? null : idle.pollFirst();
        if (m == null) {
            created++;
            return IterationMatrix.of(f);
        }
        reused++;
        m.forgetFactorisation();
        return m;
    }

    void giveBack(OdeFunction f, IterationMatrix m) {
        if (idleMatrices.size() >= MAX_KINDS) {
            idleMatrices.clear(); // a function that makes a new pattern on every call: keep memory bounded
        }
        idleMatrices.computeIfAbsent(matrixKey(f), k -> new ArrayDeque<>()).addFirst(m);
    }

    private static MatrixKey matrixKey(OdeFunction f) {
        boolean analytic = f.hasAnalyticJacobian();
        return new MatrixKey(analytic ? f.jacobianPattern() : null, f.dimension(), f.algebraicComponents(), analytic);
    }
}
