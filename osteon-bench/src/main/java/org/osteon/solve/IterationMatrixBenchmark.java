package org.osteon.solve;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.osteon.bench.ChainModel;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.simulation.InitialConditions;
import org.osteon.simulation.ModelFunction;
import org.osteon.text.AntimonyReader;

/**
 * One factorisation of W = c I - J plus one solve, dense against sparse, on the Jacobian of the
 * BMU chain ({@link ChainModel}, 3N states) at its initial state: where sparse LU starts to win
 * sets {@link IterationMatrix#SPARSE_MIN_SIZE}. Also EJML's sparse LU on the same matrix
 * ({@code SparseLU}'s comparison). In package org.osteon.solve to reach the package-private classes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IterationMatrixBenchmark {
    @Param({"4", "8", "12", "16", "24", "32", "1000"})
    public int units;

    private org.ejml.interfaces.linsol.LinearSolverSparse<org.ejml.data.DMatrixSparseCSC, org.ejml.data.DMatrixRMaj> ejml;
    private org.ejml.data.DMatrixSparseCSC ejmlW;
    private org.ejml.data.DMatrixRMaj ejmlB;
    private org.ejml.data.DMatrixRMaj ejmlX;
    private IterationMatrix dense;
    private IterationMatrix sparse;
    private double[] b;
    private double c = 1.0 / (0.5 * 0.21);

    @Setup
    public void setup() {
        CompiledModel m = ModelCompiler.compile(AntimonyReader.parse(ChainModel.antimony(units), "chain.ant"));
        InitialConditions init = InitialConditions.prepare(m, java.util.Map.of(), 0);
        ModelFunction f = ModelFunction.of(m, init.parameters());
        int n = f.dimension();
        double[] y = init.state();
        SolverStatistics stats = new SolverStatistics();
        double[] f0 = new double[n];
        f.derivatives(0, y, f0);
        sparse = IterationMatrix.sparse(f);
        sparse.evaluate(f, 0, y, f0, new double[n], new double[n], stats);
        if (n <= 3000) {
            dense = IterationMatrix.dense(f);
            dense.evaluate(f, 0, y, f0, new double[n], new double[n], stats);
        }
        b = new double[n];
        // EJML on W = c I - J in the minimum-degree order (rows and columns), which it cannot compute itself
        double[] values = new double[f.jacobianPattern().nonZeros()];
        f.jacobianValues(0, y, values);
        int[] order = MinimumDegree.order(f.jacobianPattern());
        int[] position = new int[n];
        for (int k = 0; k < n; k++) {
            position[order[k]] = k;
        }
        org.ejml.data.DMatrixSparseTriplet t = new org.ejml.data.DMatrixSparseTriplet(n, n, values.length + n);
        for (int i = 0; i < n; i++) {
            t.addItemCheck(position[i], position[i], c);
            for (int k = f.jacobianPattern().rowStart(i); k < f.jacobianPattern().rowStart(i + 1); k++) {
                t.addItemCheck(position[i], position[f.jacobianPattern().column(k)], -values[k]);
            }
        }
        ejmlW = org.ejml.ops.DConvertMatrixStruct.convert(t, (org.ejml.data.DMatrixSparseCSC) null);
        ejml = org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC.lu(org.ejml.sparse.FillReducing.NONE);
        ejmlB = new org.ejml.data.DMatrixRMaj(n, 1);
        ejmlX = new org.ejml.data.DMatrixRMaj(n, 1);
    }

    @Benchmark
    public org.ejml.data.DMatrixRMaj ejmlFactorSolve() {
        ejml.setA(ejmlW);
        ejmlB.fill(1);
        ejml.solve(ejmlB, ejmlX);
        return ejmlX;
    }

    @Benchmark
    public double[] denseFactorSolve() {
        if (dense == null) {
            return b;
        }
        dense.factor(c);
        java.util.Arrays.fill(b, 1);
        dense.solve(b);
        return b;
    }

    @Benchmark
    public double[] sparseFactorSolve() {
        sparse.factor(c);
        java.util.Arrays.fill(b, 1);
        sparse.solve(b);
        return b;
    }
}
