package org.osteon.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteon.compile.CompiledModel;
import org.osteon.trajectory.Trajectory;

/**
 * How the compiler turns SBML constructs into states and parameters, checked by what a run gives:
 * compartments sized by rules and events keep the amounts of the species in them (SBML L3V2 sec.
 * 4.12.7 and 4.11), algebraic rules determine the right symbol (sec. 4.11.5), initial assignments
 * are evaluated in dependency order through assignment rules (sec. 4.10) and may read rateOf and
 * delay, and a species' rate of change sums its reactions with their signs (sec. 4.11.7). Every
 * expected value is computed by hand in the comment next to it; runs use rtol 1e-10, so 1e-8 is
 * the bound for values that involve integration and exact equality where none does.
 */
class FlatteningSemanticsTest {
    private static final double TOL = 1e-8;

    private static double at(Trajectory t, String id, double time) {
        return t.valueAt(id, time);
    }

    @Test
    void aSpeciesInACompartmentSizedByAnAssignmentRuleKeepsItsAmount() {
        // C := 1 + time, S given as a concentration 2 at t = 0, no reactions: amount 2 kept,
        // [S](t) = 2 / (1 + t): 1 at t = 1, 0.5 at t = 3
        Trajectory t = Models.run("compartment C; C := 1 + time; species S in C = 2", 3, 1);
        assertThat(at(t, "S", 1)).isCloseTo(1.0, within(TOL));
        assertThat(at(t, "S", 3)).isCloseTo(0.5, within(TOL));
    }

    @Test
    void aSpeciesInACompartmentSizedByARateRuleKeepsItsAmount() {
        // C' = 1 from C = 1: C = 1 + t, so [S] = 2 / (1 + t) as above
        Trajectory t = Models.run("compartment C = 1; C' = 1; species S in C = 2", 3, 1);
        assertThat(at(t, "S", 3)).isCloseTo(0.5, within(TOL));
    }

    @Test
    void aSpeciesWithoutReactionsInAFixedCompartmentIsAParameterNotAState() {
        CompiledModel m = Models.compile("compartment C = 2; species S in C = 3; x' = 1; x = 0");
        assertThat(m.layout().stateIndex("S")).isNegative();
        assertThat(m.layout().parameterIndex("S")).isNotNegative();
        assertThat(m.layout().states()).extracting(v -> v.id()).containsExactly("x");
    }

    @Test
    void anEventThatChangesARuleSizedCompartmentRescalesTheConcentrationsInIt() {
        // C := k; k = 1 until t = 1, then 2. S (concentration 2, amount 2) is then 2 / 2 = 1.
        // S is a state (its compartment is sized by a rule) and the first one (index 0).
        Trajectory t = Models.run("species S in C = 2; compartment C; C := k; k = 1; E: at (time >= 1): k = 2", 3, 0.5);
        assertThat(at(t, "S", 0.5)).isCloseTo(2.0, within(TOL));
        assertThat(at(t, "S", 2)).isCloseTo(1.0, within(TOL));
        assertThat(at(t, "S", 3)).isCloseTo(1.0, within(TOL));
    }

    @Test
    void anEventThatResizesAFixedCompartmentRescalesAConcentrationThatIsAParameter() {
        // C = 4 set to 1 at t = 1: S (concentration 1, no reactions, amount 4) becomes 4 / 1 = 4;
        // T is a species with a reaction (a state): d[T]/dt = 0 by its zero rate, so also x4
        Trajectory t = Models.run("compartment C = 4; var C; species S in C = 1; species T in C = 0.5; R: T -> ; 0;"
                + " E: at (time >= 1): C = 1", 3, 0.5);
        assertThat(at(t, "S", 0.5)).isCloseTo(1.0, within(TOL));
        assertThat(at(t, "S", 2)).isCloseTo(4.0, within(TOL));
        assertThat(at(t, "T", 2)).isCloseTo(2.0, within(TOL));
    }

    @Test
    void anAlgebraicRuleDeterminesACompartmentWithoutSizeStartingFromSizeOne() {
        // 0 = C^2 - 4 has roots +-2; the start value for an unsized compartment is 1, so Newton
        // converges to +2 (from 0 its derivative 2C vanishes and it cannot start)
        Trajectory t = Models.run("compartment C; var C; 0 = C*C - 4; x' = C; x = 0", 1, 0.5);
        assertThat(at(t, "C", 0)).isCloseTo(2.0, within(TOL));
        assertThat(at(t, "x", 1)).isCloseTo(2.0, within(TOL)); // x = 2 t
    }

    @Test
    void anAlgebraicRuleDeterminesAParameterWithoutValueStartingFromZero() {
        // 0 = q^2 - q has roots 0 and 1; a parameter without value starts at 0 and stays there
        Trajectory t = Models.run("var q; 0 = q*q - q; x' = 1 + q; x = 0", 1, 0.5);
        assertThat(at(t, "q", 1)).isCloseTo(0.0, within(TOL));
        assertThat(at(t, "x", 1)).isCloseTo(1.0, within(TOL));
    }

    @Test
    void anAlgebraicRuleDeterminesASpeciesThatNoReactionChanges() {
        // 0 = S - 2 x with x' = 1, x(0) = 1: S = 2 (1 + t), 6 at t = 2
        Trajectory t = Models.run("compartment C = 1; species S in C; var S; 0 = S - 2*x; x' = 1; x = 1", 2, 1);
        assertThat(at(t, "S", 2)).isCloseTo(6.0, within(TOL));
    }

    @Test
    void anAlgebraicRuleDeterminesTheSymbolThatNoEventSets() {
        // 0 = x + y - 3 could determine x or y; an event sets x (to 2 at t = 1), so y is determined:
        // y = 3 - x: 2 before the event (x = 1), 1 after it
        Trajectory t = Models.run("var x; var y; x = 1; y = 0; 0 = x + y - 3; E: at (time >= 1): x = 2; z' = 1; z = 0", 2, 0.5);
        assertThat(at(t, "y", 0.5)).isCloseTo(2.0, within(TOL));
        assertThat(at(t, "y", 2)).isCloseTo(1.0, within(TOL));
        assertThat(at(t, "x", 2)).isCloseTo(2.0, within(TOL));
    }

    @Test
    void initialAssignmentsAreEvaluatedInTheOrderTheirRulesNeed() {
        // a = b (an initial assignment declared first) reads b := c + 1, and c = 5 * k is itself an
        // initial assignment: c = 10, b = 11, so a must be 11, not (default c) + 1
        CompiledModel m = Models.compile("a = b; b := c + 1; c = 5*k; k = 2; var a; var c; x' = a; x = 0");
        InitialConditions init = InitialConditions.prepare(m, Map.of(), 0);
        assertThat(init.parameters()[m.layout().parameterIndex("a")]).isEqualTo(11.0);
        assertThat(init.parameters()[m.layout().parameterIndex("c")]).isEqualTo(10.0);
    }

    @Test
    void aUserValueOfAParameterWinsOverItsInitialAssignment() {
        // k = 2 a with a = 3 gives 6; set to 5 by the user it stays 5
        CompiledModel m = Models.compile("k = 2*a; a = 3; var k; x' = k; x = 0");
        int k = m.layout().parameterIndex("k");
        assertThat(InitialConditions.prepare(m, Map.of(), 0).parameters()[k]).isEqualTo(6.0);
        assertThat(InitialConditions.prepare(m, Map.of("k", 5.0), 0).parameters()[k]).isEqualTo(5.0);
    }

    @Test
    void anInitialAssignmentCanReadRateOfAndDelay() {
        // x' = 3 from x = 1: rateOf(x) = 3 at the start, and delay(x, 1) at the start is x(0) = 1
        CompiledModel m = Models.compile("x' = 3; x = 1; r = rateOf(x); d = delay(x, 1); var r; var d; y' = r + d; y = 0");
        InitialConditions init = InitialConditions.prepare(m, Map.of(), 0);
        assertThat(init.parameters()[m.layout().parameterIndex("r")]).isEqualTo(3.0);
        assertThat(init.parameters()[m.layout().parameterIndex("d")]).isEqualTo(1.0);
    }

    @Test
    void anEventCanAssignRateOf() {
        // x' = 2 t: at t = 1 the event stores rateOf(x) = 2
        Trajectory t = Models.run("x' = 2*time; x = 0; z = 0; var z; E: at (time >= 1): z = rateOf(x)", 2, 0.5);
        assertThat(at(t, "z", 0.5)).isEqualTo(0.0);
        assertThat(at(t, "z", 2)).isCloseTo(2.0, within(TOL));
    }

    @Test
    void aSpeciesMadeByOneReactionAndUsedByAnotherSumsThemWithTheirSigns() {
        // R1: -> A at rate 3, R2: A -> at rate A (in C = 2): d[A]/dt = (3 - A) / 2, at A = 1: 1
        CompiledModel m = Models.compile("compartment C = 2; species A in C = 1; R1: -> A; 3; R2: A -> ; A;"
                + " R3: A -> 2 A; 0.5");
        double[] dydt = new double[m.layout().stateCount()];
        m.derivatives(0, m.defaultState(), m.defaultParameters(), dydt);
        // R3's net stoichiometry +1: (3 - 1 + 0.5) / 2 = 1.25
        assertThat(dydt[m.layout().stateIndex("A")]).isEqualTo(1.25);
    }

    @Test
    void aStrictTimeTriggerWithTimeOnTheRightFiresAtItsThreshold() {
        // 2 < time turns true right after t = 2 (the event's time is 2, so the output at 2 shows
        // its result): y' = x with x = 1 from then, y(5) = 3
        Trajectory t = Models.run("x = 0; var x; y' = x; y = 0; E: at (2 < time): x = 1", 5, 1);
        assertThat(at(t, "y", 5)).isCloseTo(3.0, within(1e-9));
        assertThat(at(t, "x", 1)).isEqualTo(0.0);
    }

    @Test
    void recordedTrajectoriesKeepBothSigns() {
        Trajectory t = Models.run("x' = -1; x = 1", 3, 1);
        assertThat(t.min("x")).isCloseTo(-2.0, within(TOL));
        assertThat(List.of(t.valueAt("x", 0), t.valueAt("x", 5))).containsExactly(1.0, t.valueAt("x", 3));
    }
}
