package org.osteon.analysis.sampling;

import java.io.Serializable;
import java.util.List;

/**
 * One random quantity of a virtual population or a sensitivity design.
 *
 * @param name         a covariate name, or the model symbol (parameter or state, for its initial
 *                     value) a parameter varies
 * @param covariate    true for a covariate (age, body weight, ...), false for a model parameter
 * @param distribution its distribution before covariate effects
 * @param effects      covariate effects multiplying a parameter's draw (empty for covariates)
 * @param target       for a covariate: the model symbol it is written into, or null
 */
public record RandomVariable(String name, boolean covariate, Distribution distribution, List<Effect> effects, String target)
        implements Serializable {
    public RandomVariable {
        effects = List.copyOf(effects);
        if (covariate && !effects.isEmpty()) {
            throw new IllegalArgumentException("covariate '" + name + "' cannot itself have covariate effects");
        }
    }

    public static RandomVariable parameter(String name, Distribution d) {
        return new RandomVariable(name, false, d, List.of(), null);
    }

    public static RandomVariable covariate(String name, Distribution d, String target) {
        return new RandomVariable(name, true, d, List.of(), target);
    }
}
