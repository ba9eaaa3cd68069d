package org.osteon.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.Parameter;
import org.osteon.model.Rule;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.Expr.BinaryOp;

/**
 * Random smooth models (seeded): the bytecode and interpreter backends agree to the last bit, and
 * the symbolic Jacobian agrees with central finite differences (tolerance 1e-6 relative: the
 * truncation plus rounding error of a central difference with h = 1e-6 relative step).
 */
class CompilerPropertyTest {
    private static final String[] UNARY = {"exp", "ln", "sqrt", "sin", "cos", "tanh", "atan"};

    /** A random expression over positive states, parameters and earlier rule variables; values stay finite. */
    private static Expr randomExpr(Random rnd, List<String> symbols, int depth) {
        if (depth == 0 || rnd.nextInt(4) == 0) {
            return rnd.nextInt(4) == 0 ? new Expr.Num(0.5 + rnd.nextDouble()) : new Expr.Sym(symbols.get(rnd.nextInt(symbols.size())));
        }
        int kind = rnd.nextInt(9);
        Expr a = randomExpr(rnd, symbols, depth - 1);
        Expr b = randomExpr(rnd, symbols, depth - 1);
        switch (kind) {
            case 0: return new Expr.Binary(BinaryOp.ADD, a, b);
            case 1: return new Expr.Binary(BinaryOp.SUB, a, b);
            case 2: return new Expr.Binary(BinaryOp.MUL, a, b);
            case 3: // keep the denominator away from zero
                return new Expr.Binary(BinaryOp.DIV, a, new Expr.Binary(BinaryOp.ADD, new Expr.Num(1), Expr.call("sqr", b)));
            case 4: // positive base for powers
                return new Expr.Binary(BinaryOp.POW, new Expr.Binary(BinaryOp.ADD, new Expr.Num(1), Expr.call("sqr", a)),
                        new Expr.Num(rnd.nextInt(5) - 2 + 0.5 * rnd.nextInt(2)));
            case 5: {
                String f = UNARY[rnd.nextInt(UNARY.length)];
                Expr arg = f.equals("ln") || f.equals("sqrt") ? new Expr.Binary(BinaryOp.ADD, new Expr.Num(1), Expr.call("sqr", a))
                        : f.equals("exp") ? Expr.call("tanh", a) : a;
                return Expr.call(f, arg);
            }
            case 6: return new Expr.Unary(Expr.UnaryOp.NEG, a);
            case 7: return Expr.call("piecewise", a, new Expr.Binary(BinaryOp.GT, a, b), b);
            default: return Expr.call("max", a, b);
        }
    }

    private static Model randomModel(long seed) {
        Random rnd = new Random(seed);
        Model.Builder b = Model.builder("random" + seed);
        List<String> symbols = new ArrayList<>();
        int states = 1 + rnd.nextInt(5);
        for (int i = 0; i < states; i++) {
            b.parameter(new Parameter("x" + i, 0.2 + rnd.nextDouble(), false, Metadata.EMPTY));
            symbols.add("x" + i);
        }
        for (int i = 0; i < 3; i++) {
            b.parameter(new Parameter("k" + i, 0.1 + rnd.nextDouble(), true, Metadata.EMPTY));
            symbols.add("k" + i);
        }
        int rules = rnd.nextInt(4);
        for (int i = 0; i < rules; i++) {
            b.parameter(new Parameter("a" + i, Double.NaN, false, Metadata.EMPTY));
            b.rule(new Rule.Assignment("a" + i, randomExpr(rnd, symbols, 3)));
            symbols.add("a" + i);
        }
        symbols.add("time");
        for (int i = 0; i < states; i++) {
            b.rule(new Rule.Rate("x" + i, randomExpr(rnd, symbols, 4)));
        }
        return b.build();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
        21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40})
    void backendsAgreeAndJacobianMatchesFiniteDifferences(long seed) {
        Model model = randomModel(seed);
        CompiledModel fast = ModelCompiler.compile(model);
        CompiledModel slow = ModelCompiler.compile(model, CompileOptions.DEFAULT.withBackend(CompileOptions.Backend.INTERPRETER));
        Random rnd = new Random(seed * 31);
        int n = fast.layout().stateCount();
        double[] p = fast.defaultParameters();
        for (int trial = 0; trial < 5; trial++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = 0.3 + rnd.nextDouble();
            }
            double t = rnd.nextDouble() * 10;
            double[] f1 = new double[n];
            double[] f2 = new double[n];
            fast.derivatives(t, y, p, f1);
            slow.derivatives(t, y, p, f2);
            for (int i = 0; i < n; i++) {
                assertThat(f1[i]).as("seed %d f[%d]", seed, i).isCloseTo(f2[i], org.assertj.core.data.Offset.offset(1e-12 * (1 + Math.abs(f2[i]))));
            }
            double[] jac = new double[n * n];
            double[] jacSlow = new double[n * n];
            fast.jacobian(t, y, p, jac);
            slow.jacobian(t, y, p, jacSlow);
            for (int j = 0; j < n; j++) {
                double h = 1e-6 * Math.max(1, Math.abs(y[j]));
                double[] up = y.clone();
                double[] down = y.clone();
                up[j] += h;
                down[j] -= h;
                double[] fu = new double[n];
                double[] fd = new double[n];
                fast.derivatives(t, up, p, fu);
                fast.derivatives(t, down, p, fd);
                for (int i = 0; i < n; i++) {
                    double numeric = (fu[i] - fd[i]) / (2 * h);
                    double analytic = jac[i * n + j];
                    // max/piecewise kinks make the finite difference meaningless within h of a switch: skip those.
                    boolean nearKink = Math.abs(fu[i] - 2 * f1[i] + fd[i]) > 1e-3 * h * (1 + Math.abs(f1[i]));
                    if (!nearKink) {
                        assertThat(analytic).as("seed %d J[%d][%d]", seed, i, j)
                                .isCloseTo(numeric, org.assertj.core.data.Offset.offset(1e-6 * (1 + Math.abs(numeric))));
                    }
                    assertThat(analytic).isCloseTo(jacSlow[i * n + j], org.assertj.core.data.Offset.offset(1e-12 * (1 + Math.abs(analytic))));
                }
            }
        }
    }
}
