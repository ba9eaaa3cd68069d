package org.osteon.analysis.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/**
 * The small value types of fitting against their documented formulas, with values by hand:
 * baseline transforms and their derivatives (quotient rule), the error model's terms, and the
 * estimate's bounds and log scale.
 */
class FitPartsTest {

    /** y = 30, y0 = 20: 150 %, 1.5, +50 %, +10; NONE leaves 30. */
    @Test
    void transformsOfAValueRelativeToItsBaseline() {
        assertThat(Transform.PERCENT_OF_BASELINE.apply(30, 20)).isEqualTo(150.0);
        assertThat(Transform.FRACTION_OF_BASELINE.apply(30, 20)).isEqualTo(1.5);
        assertThat(Transform.PERCENT_CHANGE_FROM_BASELINE.apply(30, 20)).isEqualTo(50.0);
        assertThat(Transform.CHANGE_FROM_BASELINE.apply(30, 20)).isEqualTo(10.0);
        assertThat(Transform.NONE.apply(30, 20)).isEqualTo(30.0);
        assertThat(Transform.NONE.needsBaseline()).isFalse();
        assertThat(Transform.CHANGE_FROM_BASELINE.needsBaseline()).isTrue();
    }

    /**
     * Quotient rule with y = 30, y0 = 20, dy = 2, dy0 = 1: d(y/y0) = (2 * 20 - 30 * 1) / 400 = 0.025;
     * times 100 for both percent forms; d(y - y0) = 1; NONE passes dy = 2 through.
     */
    @Test
    void derivativesOfTheTransforms() {
        assertThat(Transform.FRACTION_OF_BASELINE.derivative(30, 20, 2, 1)).isCloseTo(0.025, offset(1e-15));
        assertThat(Transform.PERCENT_OF_BASELINE.derivative(30, 20, 2, 1)).isCloseTo(2.5, offset(1e-13));
        assertThat(Transform.PERCENT_CHANGE_FROM_BASELINE.derivative(30, 20, 2, 1)).isCloseTo(2.5, offset(1e-13));
        assertThat(Transform.CHANGE_FROM_BASELINE.derivative(30, 20, 2, 1)).isEqualTo(1.0);
        assertThat(Transform.NONE.derivative(30, 20, 2, 1)).isEqualTo(2.0);
    }

    @Test
    void transformsAreParsedByLabel() {
        assertThat(Transform.parse(" Percent-Change-From-Baseline ")).isEqualTo(Transform.PERCENT_CHANGE_FROM_BASELINE);
        assertThat(Transform.parse("none")).isEqualTo(Transform.NONE);
        assertThat(Transform.FRACTION_OF_BASELINE.label()).isEqualTo("fraction_of_baseline");
        assertThatThrownBy(() -> Transform.parse("percent_of_baselin"))
                .hasMessageContaining("unknown transform 'percent_of_baselin'")
                .hasMessageContaining("use one of none, percent_of_baseline, fraction_of_baseline, "
                        + "percent_change_from_baseline, change_from_baseline");
    }

    @Test
    void errorModelTermsAndTheirDescription() {
        assertThat(ErrorModel.additive(2).describe()).isEqualTo("additive, sd 2.0");
        assertThat(ErrorModel.proportional(0.1).describe()).isEqualTo("proportional, cv 0.1");
        ErrorModel combined = new ErrorModel(2, 0.1, true, false);
        assertThat(combined.describe()).isEqualTo("combined, additive sd estimated from 2.0, proportional cv 0.1");
        assertThat(new ErrorModel(0, 0.1, false, true).describe()).isEqualTo("proportional, cv estimated from 0.1");
        assertThat(combined.estimatedCount()).isEqualTo(1);
        assertThat(new ErrorModel(2, 0.1, true, true).estimatedCount()).isEqualTo(2);
        assertThat(new ErrorModel(2, 0.1, false, true).estimatedCount()).isEqualTo(1);
        assertThat(ErrorModel.additive(2).estimatedCount()).isZero();
        assertThat(ErrorModel.additive(2).varies()).as("a fixed additive sd is constant").isFalse();
        assertThat(ErrorModel.proportional(0.1).varies()).isTrue();
        assertThat(new ErrorModel(2, 0, true, false).varies()).as("an estimated additive sd").isTrue();
    }

    @Test
    void errorModelValidation() {
        assertThatThrownBy(() -> new ErrorModel(-1, 0.1, false, false)).hasMessageContaining("not negative (additive -1.0");
        assertThatThrownBy(() -> new ErrorModel(1, -0.1, false, false)).hasMessageContaining("not negative");
        assertThatThrownBy(() -> new ErrorModel(Double.NaN, 0.1, false, false)).hasMessageContaining("not negative");
        assertThatThrownBy(() -> new ErrorModel(1, Double.POSITIVE_INFINITY, false, false)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new ErrorModel(Double.POSITIVE_INFINITY, 0, false, false)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new ErrorModel(0, 0, false, false)).hasMessageContaining("greater than 0");
        assertThatThrownBy(() -> new ErrorModel(0, 0.1, true, false)).hasMessageContaining("starting value greater than 0");
        assertThatThrownBy(() -> new ErrorModel(1, 0, false, true)).hasMessageContaining("starting value greater than 0");
        assertThat(new ErrorModel(0, 0.1, false, true).proportional()).isEqualTo(0.1);
        assertThat(new ErrorModel(1, 0, true, false).additive()).isEqualTo(1.0);
    }

    /** A positive start gets a log scale bounded below by 0; zero or negative ones a linear scale with no bounds. */
    @Test
    void estimateDefaultsAndScales() {
        Estimate k = Estimate.of("k", 2);
        assertThat(k.log()).isTrue();
        assertThat(k.lower()).isZero();
        assertThat(k.upper()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(k.scale()).isEqualTo("log");
        assertThat(k.toInternal(Math.E)).isCloseTo(1, offset(1e-15));
        assertThat(k.toValue(1)).isCloseTo(Math.E, offset(1e-15));
        assertThat(k.jacobian(Math.log(3))).as("dv/du = e^u = v").isCloseTo(3, offset(1e-14));
        assertThat(k.lowerInternal()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(k.upperInternal()).isEqualTo(Double.POSITIVE_INFINITY);
        Estimate bounded = new Estimate("k", 2, 0.5, 8, true);
        assertThat(bounded.lowerInternal()).isCloseTo(Math.log(0.5), offset(1e-15));
        assertThat(bounded.upperInternal()).isCloseTo(Math.log(8), offset(1e-15));

        Estimate zero = Estimate.of("x0", 0);
        assertThat(zero.log()).isFalse();
        assertThat(zero.lower()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(zero.scale()).isEqualTo("linear");
        assertThat(zero.toInternal(-3)).isEqualTo(-3.0);
        assertThat(zero.toValue(-3)).isEqualTo(-3.0);
        assertThat(zero.jacobian(5)).isEqualTo(1.0);
        Estimate linear = new Estimate("x", 1, -2, 4, false);
        assertThat(linear.lowerInternal()).isEqualTo(-2.0);
        assertThat(linear.upperInternal()).isEqualTo(4.0);
        assertThat(Estimate.of("n", -1).log()).isFalse();
    }

    @Test
    void estimateValidation() {
        assertThatThrownBy(() -> new Estimate("k", Double.NaN, 0, 1, false)).hasMessageContaining("'k': the initial value must be a finite number");
        assertThatThrownBy(() -> new Estimate("k", 1, 2, 2, false)).hasMessageContaining("lower bound (2.0) must be below the upper bound (2.0)");
        assertThatThrownBy(() -> new Estimate("k", 1, Double.NaN, 2, false)).hasMessageContaining("lower bound");
        assertThatThrownBy(() -> new Estimate("k", 1, 0, Double.NaN, false)).hasMessageContaining("lower bound");
        assertThatThrownBy(() -> new Estimate("k", 3, 0, 2, false)).hasMessageContaining("outside its bounds [0.0, 2.0]");
        assertThatThrownBy(() -> new Estimate("k", -1, 0, 2, false)).hasMessageContaining("outside its bounds");
        assertThatThrownBy(() -> new Estimate("k", 0, 0, 2, true)).hasMessageContaining("must start positive, found 0.0");
        assertThatThrownBy(() -> new Estimate("k", 1, -1, 2, true)).hasMessageContaining("negative lower bound (-1.0)");
        // the bounds themselves are valid starting values
        assertThat(new Estimate("k", 0, 0, 2, false).initial()).isZero();
        assertThat(new Estimate("k", 2, 0, 2, false).initial()).isEqualTo(2.0);
        assertThat(Estimate.parseScale(" LOG ")).isTrue();
        assertThat(Estimate.parseScale("lin")).isFalse();
        assertThat(Estimate.parseScale("linear")).isFalse();
        assertThatThrownBy(() -> Estimate.parseScale("ln")).hasMessageContaining("scale must be log or linear, found 'ln'");
    }
}
