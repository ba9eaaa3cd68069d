package org.osteon.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osteon.text.AntimonyReader;

/**
 * What a compiled model tells the solver about itself, each read off the model text by hand:
 * whether it depends on time explicitly, the times where a comparison with time switches (the
 * solver restarts there), the time unit, the Jacobian's form and where delay memory sits.
 */
class CompiledModelPropertiesTest {

    private static CompiledModel compile(String body) {
        return ModelCompiler.compile(AntimonyReader.parse("model m()\n" + body + "\nend\n", "m.ant"));
    }

    @Test
    void aModelIsAutonomousUnlessTimeOrADelayAppearsInItsEquations() {
        assertThat(compile("x' = -k*x; x = 1; k = 2").isAutonomous()).isTrue();
        assertThat(compile("x' = -k*x + time; x = 1; k = 2").isAutonomous()).isFalse();
        // time only in an assigned value that the equations read
        assertThat(compile("x' = -u; x = 1; u := 2*time").isAutonomous()).isFalse();
        assertThat(compile("x' = -delay(x, 1); x = 1").isAutonomous()).isFalse();
        // time in an event guard only: the right-hand side itself does not change with t
        assertThat(compile("x' = -x; x = 1; E: at (time > 2): x = 5").isAutonomous()).isTrue();
    }

    @Test
    void discontinuitiesAreTheTimesWhereAComparisonWithTimeSwitches() {
        // thresholds t1 = 3 (time on the left) and 5 (time on the right), given in the wrong order and twice
        CompiledModel m = compile("x' = piecewise(1, time > t1, 0) + piecewise(2, 5 < time, 0) + piecewise(1, time >= 5, 0)\n"
                + "x = 0; t1 = 3");
        double[] p = m.defaultParameters();
        assertThat(m.discontinuities(p)).containsExactly(3, 5);
        // a threshold made of parameters follows their values
        p[m.layout().parameterIndex("t1")] = 7;
        assertThat(m.discontinuities(p)).containsExactly(5, 7);
        // a comparison with a state is not a time threshold, nor is one that does not involve time
        assertThat(compile("x' = piecewise(1, time > x, 0); x = 0").discontinuities(new double[0])).isEmpty();
        assertThat(compile("x' = piecewise(1, x > 2, 0); x = 0").discontinuities(new double[0])).isEmpty();
        assertThat(compile("x' = piecewise(1, k > 2, 0); x = 0; k = 3")
                .discontinuities(new double[] {3})).isEmpty();
        // an assigned value's comparison counts too
        CompiledModel assigned = compile("x' = u; x = 0; u := piecewise(1, time < 4, 0)");
        assertThat(assigned.discontinuities(assigned.defaultParameters())).containsExactly(4);
    }

    @Test
    void theTimeUnitIsTheModelsDeclaredOne() {
        assertThat(compile("x' = -x; x = 1").timeUnit()).isEqualTo("day");
        assertThat(compile("unit time_unit = 604800 second\nx' = -x; x = 1").timeUnit()).isEqualTo("week");
    }

    @Test
    void theJacobianIsAnalyticWithItsStructuralPattern() {
        // x' = -k x, y' = x: df/dy has entries (x, x) and (y, x) only
        CompiledModel m = compile("x' = -k*x; y' = x; x = 1; y = 0; k = 2");
        assertThat(m.hasAnalyticJacobian()).isTrue();
        int x = m.layout().stateIndex("x");
        int y = m.layout().stateIndex("y");
        var pattern = m.jacobianPattern();
        assertThat(pattern).isNotNull();
        assertThat(pattern.nonZeros()).isEqualTo(2);
        double[] dense = new double[4];
        m.jacobian(0, new double[] {1, 0}, m.defaultParameters(), dense);
        assertThat(dense[x * 2 + x]).isEqualTo(-2);
        assertThat(dense[y * 2 + x]).isEqualTo(1);
        assertThat(dense[x * 2 + y]).isZero();
        assertThat(dense[y * 2 + y]).isZero();
    }

    @Test
    void delayMemorySitsAfterTheParameters() {
        // two parameters (k, d), two delayed expressions: slots 2 and 3 of the parameter vector
        CompiledModel m = compile("x' = -k*delay(x, d) + delay(x, 2*d); x = 1; k = 0.5; d = 1");
        assertThat(m.delayCount()).isEqualTo(2);
        assertThat(m.layout().parameters()).hasSize(2);
        assertThat(m.delaySlot(0)).isEqualTo(2);
        assertThat(m.delaySlot(1)).isEqualTo(3);
    }

    @Test
    void anEventHasAPriorityOnlyWhenItsModelGivesOne() {
        CompiledModel m = compile("x' = 0; x = 0; var y = 0\nE1: at (time >= 1), priority=2: y = 1\nE2: at (time >= 1): y = 2");
        CompiledEvent e1 = m.events().stream().filter(e -> e.id().equals("E1")).findFirst().orElseThrow();
        CompiledEvent e2 = m.events().stream().filter(e -> e.id().equals("E2")).findFirst().orElseThrow();
        assertThat(e1.hasPriority()).isTrue();
        assertThat(e1.priority(1, new double[1], m.defaultParameters())).isEqualTo(2);
        assertThat(e2.hasPriority()).isFalse();
    }

    @Test
    void aVariableIsLabelledByItsDisplayNameOrElseItsId() {
        assertThat(new Variable("BV", Variable.Kind.SPECIES, false, "bone volume", "%", null).label()).isEqualTo("bone volume");
        assertThat(new Variable("BV", Variable.Kind.SPECIES, false, null, "%", null).label()).isEqualTo("BV");
    }
}
