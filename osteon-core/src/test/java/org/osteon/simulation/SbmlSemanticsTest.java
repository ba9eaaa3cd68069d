package org.osteon.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.compile.CompileException;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.compile.Variable;
import org.osteon.model.Compartment;
import org.osteon.model.Event;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.Parameter;
import org.osteon.model.Rule;
import org.osteon.model.Species;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.Expr.BinaryOp;
import org.osteon.solve.SolverException;
import org.osteon.trajectory.Trajectory;

/**
 * SBML core semantics of the compiler and simulator, each against a closed-form solution (solver
 * at rtol 1e-10; bounds state the error allowed and why): models without states, rateOf, delay
 * (a delay differential equation solved by the method of steps), algebraic rules (a
 * differential-algebraic system), and compartments that change size while amounts are kept.
 */
class SbmlSemanticsTest {
    private static final SolverSettings TIGHT = SolverSettings.DEFAULT.withTolerances(1e-10, 1e-14);

    private static Parameter var(String id, double value) {
        return new Parameter(id, value, false, Metadata.EMPTY);
    }

    private static Parameter constant(String id, double value) {
        return new Parameter(id, value, true, Metadata.EMPTY);
    }

    private static Expr sym(String s) {
        return Expr.sym(s);
    }

    private static Trajectory run(Model m, double until, double step) {
        return Models.run(ModelCompiler.compile(m), until, step, TIGHT, List.of());
    }

    @Test
    void modelWithoutStatesRunsRulesAndEvents() {
        // p := sin(time); an event counts the times p rises through 0.5 (at pi/6 + 2 k pi)
        Model m = Model.builder("m")
                .parameter(var("p", Double.NaN)).parameter(var("count", 0))
                .rule(new Rule.Assignment("p", Expr.call("sin", sym("time"))))
                .event(new Event("up", Expr.bin(BinaryOp.GT, sym("p"), Expr.num(0.5)), null,
                        List.of(new Event.Assignment("count", Expr.bin(BinaryOp.ADD, sym("count"), Expr.num(1)))),
                        null, true, true, true, Metadata.EMPTY))
                .build();
        Trajectory t = run(m, 20, 0.5);
        assertThat(ModelCompiler.compile(m).layout().stateCount()).isZero();
        for (int i = 0; i < t.size(); i++) {
            double time = t.time(i);
            assertThat(t.value("p", i)).isCloseTo(Math.sin(time), within(1e-15));
            // crossings at pi/6, pi/6 + 2 pi, pi/6 + 4 pi (0.52, 6.81, 13.09, 19.37)
            long crossings = java.util.stream.IntStream.range(0, 4).filter(k -> Math.PI / 6 + 2 * Math.PI * k < time).count();
            assertThat(t.value("count", i)).as("t=%s", time).isEqualTo(crossings);
        }
    }

    @Test
    void rateOfStatesAndAssignedValues() {
        // x' = -x (x = e^-t); r := rateOf(x) = -e^-t; q := x^2, rateOf(q) = 2 x x' = -2 e^-2t
        Model m = Model.builder("m")
                .parameter(var("x", 1)).parameter(var("r", Double.NaN)).parameter(var("q", Double.NaN))
                .parameter(var("rq", Double.NaN))
                .rule(new Rule.Rate("x", new Expr.Unary(Expr.UnaryOp.NEG, sym("x"))))
                .rule(new Rule.Assignment("r", Expr.call("rateOf", sym("x"))))
                .rule(new Rule.Assignment("q", Expr.bin(BinaryOp.POW, sym("x"), Expr.num(2))))
                .rule(new Rule.Assignment("rq", Expr.call("rateOf", sym("q"))))
                .build();
        Trajectory t = run(m, 3, 0.5);
        for (int i = 0; i < t.size(); i++) {
            double e = Math.exp(-t.time(i));
            assertThat(t.value("r", i)).isCloseTo(-e, within(1e-9));
            assertThat(t.value("rq", i)).isCloseTo(-2 * e * e, within(1e-9));
        }
    }

    @Test
    void delayDifferentialEquationByTheMethodOfSteps() {
        // y' = -y(t - 1), y = 1 up to 0: y = 1 - t on [0, 1], 1 - t + (t - 1)^2 / 2 on [1, 2],
        // and 1 - t + (t-1)^2/2 - (t-2)^3/6 on [2, 3]. Bound 1e-7: the history is interpolated by
        // quartics through each step's dense output, accurate to about the solver tolerance.
        Model m = Model.builder("m")
                .parameter(var("y", 1))
                .rule(new Rule.Rate("y", new Expr.Unary(Expr.UnaryOp.NEG, Expr.call("delay", sym("y"), Expr.num(1)))))
                .build();
        Trajectory t = run(m, 3, 0.25);
        for (int i = 0; i < t.size(); i++) {
            double s = t.time(i);
            double expected = 1 - s + (s > 1 ? Math.pow(s - 1, 2) / 2 : 0) - (s > 2 ? Math.pow(s - 2, 3) / 6 : 0);
            assertThat(t.value("y", i)).as("t=%s", s).isCloseTo(expected, within(1e-7));
        }
    }

    @Test
    void algebraicRulesFormADifferentialAlgebraicSystem() {
        // x' = -k x; 0 = y^2 - x (y = sqrt(x) = e^{-kt/2}, from the positive guess 1); 0 = z - 2 y
        Model m = Model.builder("m")
                .parameter(var("x", 1)).parameter(constant("k", 0.4)).parameter(var("y", 1)).parameter(var("z", Double.NaN))
                .rule(new Rule.Rate("x", Expr.bin(BinaryOp.MUL, new Expr.Unary(Expr.UnaryOp.NEG, sym("k")), sym("x"))))
                .rule(new Rule.Algebraic(Expr.bin(BinaryOp.SUB, Expr.bin(BinaryOp.POW, sym("y"), Expr.num(2)), sym("x"))))
                .rule(new Rule.Algebraic(Expr.bin(BinaryOp.SUB, sym("z"), Expr.bin(BinaryOp.MUL, Expr.num(2), sym("y")))))
                .build();
        CompiledModel c = ModelCompiler.compile(m);
        assertThat(c.layout().states()).extracting(Variable::kind)
                .containsExactly(Variable.Kind.RATE_RULE, Variable.Kind.ALGEBRAIC, Variable.Kind.ALGEBRAIC);
        Trajectory t = run(m, 5, 0.5);
        for (int i = 0; i < t.size(); i++) {
            double y = Math.exp(-0.4 * t.time(i) / 2);
            assertThat(t.value("y", i)).isCloseTo(y, within(1e-8));
            assertThat(t.value("z", i)).isCloseTo(2 * y, within(2e-8));
        }
        assertThatThrownBy(() -> Models.run(c, 1, 1, TIGHT.withMethod("dopri5"), List.of()))
                .isInstanceOf(SolverException.class).hasMessageContaining("algebraic rules").hasMessageContaining("rodas5p");
    }

    @Test
    void overdeterminedAlgebraicRuleIsReported() {
        Model m = Model.builder("m").parameter(constant("k", 1))
                .rule(new Rule.Algebraic(Expr.bin(BinaryOp.SUB, sym("k"), Expr.num(1)))).build();
        assertThatThrownBy(() -> ModelCompiler.compile(m)).isInstanceOf(CompileException.class)
                .hasMessageContaining("algebraic rule 0 = k - 1 has no symbol left to determine");
    }

    @Test
    void growingCompartmentKeepsAmounts() {
        // V' = 1 from V = 1; S (concentration, no reactions) keeps its amount 2: [S] = 2 / (1 + t).
        // A reaction -> P at rate 1 (amount per time) into the same compartment: amount t, [P] = t / (1 + t).
        Model m = Model.builder("m")
                .compartment(new Compartment("V", 1, false, Metadata.EMPTY))
                .species(new Species("S", "V", 2, false, false, false, Metadata.EMPTY))
                .species(new Species("P", "V", 0, false, false, false, Metadata.EMPTY))
                .reaction(new org.osteon.model.Reaction("make", List.of(), List.of(new org.osteon.model.SpeciesReference("P", 1)),
                        Expr.num(1), false, Metadata.EMPTY))
                .rule(new Rule.Rate("V", Expr.num(1)))
                .build();
        Trajectory t = run(m, 4, 0.5);
        for (int i = 0; i < t.size(); i++) {
            double s = t.time(i);
            assertThat(t.value("S", i)).isCloseTo(2 / (1 + s), within(1e-9));
            assertThat(t.value("P", i)).isCloseTo(s / (1 + s), within(1e-9));
        }
    }

    @Test
    void eventResizingACompartmentKeepsAmounts() {
        // at t = 1 the compartment doubles: [S] halves (amount kept)
        Model m = Model.builder("m")
                .compartment(new Compartment("V", 1, false, Metadata.EMPTY))
                .species(new Species("S", "V", 3, false, false, false, Metadata.EMPTY))
                .event(new Event("grow", Expr.bin(BinaryOp.GE, sym("time"), Expr.num(1)), null,
                        List.of(new Event.Assignment("V", Expr.num(2))), null, true, true, true, Metadata.EMPTY))
                .build();
        Trajectory t = run(m, 2, 0.5);
        assertThat(t.valueAt("S", 0.5)).isEqualTo(3);
        assertThat(t.valueAt("S", 1.5)).isEqualTo(1.5);
    }
}
