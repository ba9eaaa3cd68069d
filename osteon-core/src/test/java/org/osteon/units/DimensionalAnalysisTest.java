package org.osteon.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.text.AntimonyReader;
import org.osteon.units.DimensionalAnalysis.Inconsistency;
import org.osteon.units.DimensionalAnalysis.Report;

/** Dimensional analysis of declared units: what is inconsistent, what cannot be said, and the opt-out. */
class DimensionalAnalysisTest {
    private static final String UNITS = """
              unit time_unit = day
              unit mg_per_L = 1e-3 gram / litre
              unit ng_per_mL = 1e-9 gram / 1e-3 litre
              unit per_day = 1 / day
              unit mg_per_L_day = mg_per_L / day
            """;

    private static Report check(String body) {
        return DimensionalAnalysis.check(AntimonyReader.parse("model m\n" + UNITS + body + "end\n", "m.ant"));
    }

    private static List<String> messages(Report r) {
        return r.inconsistencies().stream().map(Inconsistency::toString).toList();
    }

    @Test
    void theIssuesExampleAConcentrationPlusARateIsAnErrorNamingBothUnits() {
        Report r = check("""
                  C = 1; C has mg_per_L
                  k = 0.1; k has per_day
                  E := C + k; E has mg_per_L
                """);
        assertThat(r.consistent()).isFalse();
        Inconsistency first = r.inconsistencies().get(0);
        assertThat(first.symbol()).isEqualTo("E");
        assertThat(first.kind()).isEqualTo(Inconsistency.Kind.ASSIGNMENT_RULE);
        assertThat(first.toString()).isEqualTo("the assignment rule of E: adds C in mg_per_L (mass / volume) and k in per_day (1 / time)");
    }

    @Test
    void consistentEquationsPass() {
        Report r = check("""
                  C = 1; C has mg_per_L
                  k = 0.1; k has per_day
                  K = 2; K has mg_per_L
                  I = 0; I has mg_per_L_day
                  C' = I - k * C * exp(-C / K) + k * max(C, K) * piecewise(1, time > 5, 0)
                  E := C / (C + K) + 1; E has dimensionless
                  F := (C / K)^2 + sqrt(C * K) / K
                """);
        assertThat(messages(r)).isEmpty();
        assertThat(r.undeclared()).isEmpty();
    }

    @Test
    void aRateRuleMustGiveTheStatesUnitPerModelTimeUnit() {
        Report r = check("""
                  C = 1; C has mg_per_L
                  k = 0.1; k has per_day
                  C' = k
                """);
        assertThat(messages(r)).containsExactly("the rate rule of C: dC/dt must be C's unit per day (mg_per_L/day (mass / volume * time))"
                + " but the expression is in per_day (1 / time)");
    }

    @Test
    void theSameDimensionAtAnotherScaleIsInconsistentUnlessANumberMayConvertIt() {
        // 1e-3 * B: a number in a product may be a conversion (or carry a unit), so that term fits any unit
        Report r = check("""
                  A = 1; A has mg_per_L
                  B = 1; B has ng_per_mL
                  S := A + B; S has mg_per_L
                  T := A + 1e-3 * B; T has mg_per_L
                """);
        assertThat(messages(r)).containsExactly("the assignment rule of S: adds A in mg_per_L (mass / volume) and B in ng_per_mL"
                + " (mass / volume): the same dimension, but one mg_per_L is 1000 ng_per_mL");
    }

    @Test
    void exponentialsLogarithmsAndExponentsTakePureNumbers() {
        Report r = check("""
                  C = 1; C has mg_per_L
                  k = 0.1; k has per_day
                  n = 2; n has per_day
                  X := exp(C) + log(k * C / C); X has dimensionless
                  Y := 2^n; Y has dimensionless
                """);
        assertThat(messages(r)).containsExactly(
                "the assignment rule of X: exp(C) takes a pure number, but its argument is in mg_per_L (mass / volume)",
                "the assignment rule of X: log(k * C / C) takes a pure number, but its argument is in per_day*mg_per_L/mg_per_L (1 / time)",
                "the assignment rule of Y: the exponent n is in per_day (1 / time), not a pure number");
    }

    @Test
    void comparisonsInTriggersAndEventAssignmentsAreChecked() {
        Report r = check("""
                  C = 1; C has mg_per_L
                  k = 0.1; k has per_day
                  E1: at C > k: C = k
                """);
        assertThat(messages(r)).containsExactly(
                "event E1: compares C in mg_per_L (mass / volume) and k in per_day (1 / time)",
                "event E1: C = ... must give C's unit (mg_per_L (mass / volume)) but the expression is in per_day (1 / time)");
    }

    @Test
    void userFunctionsAreCheckedWithTheUnitsOfTheirArguments() {
        // functions are declared outside the model block in Antimony
        Report r = DimensionalAnalysis.check(AntimonyReader.parse("function hill(x, K)\n  x / (x + K)\nend\nmodel m\n" + UNITS
                + "  C = 1; C has mg_per_L\n  k = 0.1; k has per_day\n  H := hill(C, k); H has dimensionless\n"
                + "  G := hill(C, C); G has dimensionless\nend\n", "m.ant"));
        assertThat(messages(r)).containsExactly("the assignment rule of H: adds x in mg_per_L (mass / volume) and K in per_day (1 / time)");
    }

    @Test
    void undeclaredUnitsCauseNoErrorAndAreSummarisedOnce() {
        StringBuilder body = new StringBuilder("  C = 1; C has mg_per_L\n");
        for (int i = 0; i < 30; i++) {
            body.append("  p").append(i).append(" = 1\n  q").append(i).append(" := C + p").append(i).append('\n');
        }
        Report r = check(body.toString());
        assertThat(r.consistent()).isTrue();
        assertThat(r.undeclared()).hasSize(30).startsWith("p0", "p1");
        assertThat(r.undeclaredSummary(3)).isEqualTo("30 symbols have no declared unit (p0, p1, p2, ...), so the equations using them"
                + " are not checked; declare one with 'NAME has UNIT'");
    }

    @Test
    void anAssignedVariableWithoutADeclaredUnitTakesItsExpressionsUnit() {
        Report r = check("""
                  C = 1; C has mg_per_L
                  k = 0.1; k has per_day
                  D := C + C
                  F := 2 * C
                  E := D + k; E has mg_per_L
                  G := F + k; G has per_day
                """);
        // a product with a number in it may carry any unit (the number's): F adds to k without an error
        assertThat(messages(r)).containsExactly("the assignment rule of E: adds D in mg_per_L (mass / volume) and k in per_day (1 / time)");
        assertThat(r.undeclared()).isEmpty();
    }

    @Test
    void aReactionRateMustBeSubstancePerTimeWhenTheModelDefinesSubstance() {
        Report r = DimensionalAnalysis.check(AntimonyReader.parse("""
                model m
                  unit time_unit = second
                  unit substance = mole
                  unit volume = litre
                  unit per_second = 1 / second
                  unit per_molar_second = litre / (mole * second)
                  compartment cell = 1
                  species A in cell, B in cell
                  A = 1; B = 0
                  k1 = 1; k1 has per_second
                  k2 = 1; k2 has per_molar_second
                  R1: A => B; k1 * A * cell
                  R2: A => B; k2 * A
                end
                """, "m.ant"));
        assertThat(messages(r)).containsExactly("the rate of reaction R2: a reaction rate must be substance per time (substance/second"
                + " (amount of substance / time)) but the expression is in per_molar_second*substance/volume (1 / time)");
    }

    @Test
    void aModelOptsOutWithItsReason() {
        Report r = check("""
                  C = 1; C has mg_per_L
                  k = 0.1; k has per_day
                  E := C + k
                  model notes "units: unchecked: the published equations mix units"
                """);
        assertThat(r.optOut()).isEqualTo("unchecked: the published equations mix units");
        assertThat(r.inconsistencies()).isEmpty();
    }

    @Test
    void anUndefinedDeclaredUnitIsAWarningLikeAnUndeclaredOne() {
        Report r = check("  C = 1; C has furlong\n  k = 1; k has per_day\n  E := C + k\n");
        assertThat(r.consistent()).isTrue();
        assertThat(r.unresolved()).containsExactly("C has 'furlong'");
        assertThat(r.undeclared()).isEmpty();
    }
}
