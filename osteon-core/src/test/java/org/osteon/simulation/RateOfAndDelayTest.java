package org.osteon.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.compile.CompileException;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.Parameter;
import org.osteon.model.Rule;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.Expr.BinaryOp;
import org.osteon.trajectory.Trajectory;

/**
 * rateOf of time, constants and of a symbol an algebraic rule determines (implicit
 * differentiation), and delays of assigned values and rates before the start, each against a
 * closed form (method of steps by hand). Solver at rtol 1e-10; bounds 1e-7 as in
 * SbmlSemanticsTest (the stored past is the dense output at that tolerance).
 */
class RateOfAndDelayTest {
    private static final SolverSettings TIGHT = SolverSettings.DEFAULT.withTolerances(1e-10, 1e-12);

    @Test
    void rateOfTimeIsOneAndOfAConstantZero() {
        Trajectory t = Models.run("x' = -x; x = 1\nk = 2\nrt := rateOf(time)\nrk := rateOf(k)\ns := 3 * time + k", 1, 0.5);
        assertThat(t.value("rt", 1)).isEqualTo(1);
        assertThat(t.value("rk", 1)).isEqualTo(0);
        assertThat(t.value("s", 2)).isEqualTo(5);
    }

    @Test
    void rateOfNeedsTheNameOfOneSymbol() {
        assertThatThrownBy(() -> Models.compile("x' = -x; x = 1\nr := rateOf(2 * x)")).isInstanceOf(CompileException.class)
                .hasMessageContaining("rateOf takes the name of one symbol, found rateOf(1 arguments)");
    }

    @Test
    void rateOfASymbolDeterminedByAnAlgebraicRule() {
        // x' = -k x, x = e^-kt; w := y and 0 = y w - x determine y = e^(-kt/2) (positive guess 1), so
        // rateOf(y) = -k/2 e^(-kt/2); implicitly, with w inlined into g = y^2 - x:
        // -(dg/dt, y held) / (dg/dy) = -(k x) / (2 y).
        Model m = Model.builder("m")
                .parameter(var("x", 1)).parameter(new Parameter("k", 0.4, true, Metadata.EMPTY)).parameter(var("y", 1))
                .parameter(var("w", Double.NaN)).parameter(var("ry", Double.NaN))
                .rule(new Rule.Rate("x", Expr.bin(BinaryOp.MUL, new Expr.Unary(Expr.UnaryOp.NEG, Expr.sym("k")), Expr.sym("x"))))
                .rule(new Rule.Assignment("w", Expr.sym("y")))
                .rule(new Rule.Algebraic(Expr.bin(BinaryOp.SUB, Expr.bin(BinaryOp.MUL, Expr.sym("y"), Expr.sym("w")), Expr.sym("x"))))
                .rule(new Rule.Assignment("ry", Expr.call("rateOf", Expr.sym("y"))))
                .build();
        CompiledModel c = ModelCompiler.compile(m);
        Trajectory t = Models.run(c, 3, 0.5, TIGHT, List.of());
        for (int i = 0; i < t.size(); i++) {
            double y = Math.exp(-0.2 * t.time(i));
            assertThat(t.value("y", i)).isCloseTo(y, within(1e-8));
            assertThat(t.value("ry", i)).as("t = %s", t.time(i)).isCloseTo(-0.2 * y, within(1e-8));
        }
    }

    @Test
    void delaysOfAssignedValuesAndRatesUseTheirStartValuesBeforeTheStart() {
        // x = 3 + t; z := 2 x. Before the start z is held at 2 * 3 and rateOf(x) at 0 (nothing has a past).
        // y' = z(t - 1): y = 6 t on [0, 1], 6 + (t^2 - 1) + 4 (t - 1) on [1, 2].
        // v' = r(t - 1) with r = rateOf(x) = 1: v = 0 on [0, 1], t - 1 on [1, 2].
        // Initial values read x itself: w = 2 delay(x, 1) = 6; u = max(x, 5) = 5 (other calls kept).
        CompiledModel m = Models.compile("x' = 1; x = 3\nz := 2 * x\nr := rateOf(x)\ny' = delay(z, 1); y = 0\n"
                + "v' = delay(r, 1); v = 0\nq := delay(z, 1) + delay(z, 1)\nw = 2 * delay(x, 1)\nu = max(x, 5)");
        assertThat(m.delayCount()).as("delay(z, 1) three times shares one slot; delay(r, 1) has its own").isEqualTo(2);
        Trajectory t = Models.run(m, 2, 0.25, TIGHT, List.of());
        for (int i = 0; i < t.size(); i++) {
            double s = t.time(i);
            double y = s <= 1 ? 6 * s : 6 + (s * s - 1) + 4 * (s - 1);
            assertThat(t.value("y", i)).as("y at %s", s).isCloseTo(y, within(1e-7));
            assertThat(t.value("v", i)).as("v at %s", s).isCloseTo(Math.max(0, s - 1), within(1e-7));
            assertThat(t.value("q", i)).as("q at %s", s).isCloseTo(s <= 1 ? 12 : 2 * 2 * (3 + s - 1), within(1e-7));
        }
        assertThat(t.value("w", 0)).isEqualTo(6);
        assertThat(t.value("u", 0)).isEqualTo(5);
    }

    private static Parameter var(String id, double value) {
        return new Parameter(id, value, false, Metadata.EMPTY);
    }
}
