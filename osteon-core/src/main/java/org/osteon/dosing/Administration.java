package org.osteon.dosing;

/**
 * One dose as the run gives it: when, into which state, how much in that state's unit, and for
 * an infusion over how long.
 *
 * @param time     in the model's time unit
 * @param target   the state (or parameter) that receives it
 * @param amount   in the target's unit (with the parameter values at the start of the run)
 * @param duration infusion duration in the model's time unit; 0 for a bolus
 * @param note     how the amount was converted, e.g. "60 mg = 6e+07 ng"
 */
public record Administration(double time, String target, double amount, double duration, String note) {
}
