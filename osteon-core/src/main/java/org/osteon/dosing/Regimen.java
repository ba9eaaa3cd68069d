package org.osteon.dosing;

import java.util.Objects;
import org.osteon.units.Quantity;

/**
 * Doses of one kind into one target: an amount with a unit (or a plain number in the target's
 * own unit), a route, the time of the first dose and, for repeated doses, the interval and the
 * number of doses. Times without a unit are in the model's time unit. Immutable; the builder
 * methods return changed copies.
 *
 * <pre>{@code
 * Regimen.of("Den_C", Quantity.parse("60 mg")).route(Route.DEPOT)
 *        .start(Quantity.parse("12 months")).every(Quantity.parse("6 months"), 8);
 * Regimen.compact("Den_C", "60 mg q6mo x8 sc");
 * }</pre>
 *
 * @param target   the state that receives the dose (for {@link Route#DEPOT}: the state whose depot does)
 * @param amount   the amount of each dose; may be {@code null} for an infusion given by rate and duration;
 *                 {@code mg/kg}-style units are multiplied by the body weight covariate
 * @param start    time of the first dose
 * @param interval time between doses, {@code null} for a single dose
 * @param count    number of doses, at least 1; or 0 when {@code span} gives them
 * @param span     for repeated doses: give one every {@code interval} while they start before {@code start + span}
 *                 ({@code 20 ug qd for 2 years}); {@code null} when {@code count} says how many
 * @param duration infusion duration, or {@code null}
 * @param rate     infusion rate (amount per time, e.g. {@code 2 mg/h}), or {@code null}
 * @param origin   where the regimen was written ("file:line:column"), for messages, or {@code null}
 */
public record Regimen(String target, Quantity amount, Route route, Quantity start, Quantity interval, int count,
                      Quantity span, Quantity duration, Quantity rate, String origin) {
    /** Most doses a regimen may expand to (a daily dose for 100 years is 36525). */
    public static final int MAX_COUNT = 100_000;

    public Regimen {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(route, "route");
        start = start == null ? Quantity.of(0) : start;
        if (span != null) {
            if (count != 0) {
                throw new IllegalArgumentException("give either a number of doses or a span ('for'), not both");
            }
            if (interval == null) {
                throw new IllegalArgumentException("a span of doses ('for " + span + "') needs an interval between them ('every')");
            }
            if (!(span.value() > 0)) {
                throw new IllegalArgumentException("the span of doses must be positive, found " + span);
            }
        } else if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("the number of doses must be from 1 to " + MAX_COUNT + ", found " + count);
        }
        if (count > 1 && interval == null) {
            throw new IllegalArgumentException(count + " doses need an interval between them ('every')");
        }
        if (interval != null && !(interval.value() > 0)) {
            throw new IllegalArgumentException("the interval between doses must be positive, found " + interval);
        }
        if (duration != null && !(duration.value() > 0)) {
            throw new IllegalArgumentException("an infusion's duration must be positive, found " + duration);
        }
        if (rate != null && !(rate.value() > 0)) {
            throw new IllegalArgumentException("an infusion's rate must be positive, found " + rate);
        }
        if (route == Route.INFUSION) {
            int given = (amount != null ? 1 : 0) + (duration != null ? 1 : 0) + (rate != null ? 1 : 0);
            if (given != 2) {
                throw new IllegalArgumentException("an infusion needs exactly two of amount, duration and rate (found "
                        + (given < 2 ? "fewer" : "all three") + ")");
            }
        } else {
            if (amount == null) {
                throw new IllegalArgumentException("a " + route.label() + " dose needs an amount");
            }
            if (duration != null || rate != null) {
                throw new IllegalArgumentException("'duration' and 'rate' belong to infusions; this dose's route is "
                        + route.label() + " (give route: infusion)");
            }
        }
    }

    /** A single bolus of {@code amount} into {@code target} at time 0. */
    public static Regimen of(String target, Quantity amount) {
        return new Regimen(target, amount, Route.BOLUS, Quantity.of(0), null, 1, null, null, null, null);
    }

    /** A single infusion of {@code amount} over {@code duration} at time 0. */
    public static Regimen infusion(String target, Quantity amount, Quantity duration) {
        return new Regimen(target, amount, Route.INFUSION, Quantity.of(0), null, 1, null, duration, null, null);
    }

    /** The compact form {@code 60 mg q6mo x8 [sc|iv|depot|infusion] [over 30 min]}; see {@link CompactRegimen}. */
    public static Regimen compact(String target, String text) {
        return CompactRegimen.parse(target, text);
    }

    public Regimen route(Route r) {
        return new Regimen(target, amount, r, start, interval, count, span, duration, rate, origin);
    }

    public Regimen start(Quantity t) {
        return new Regimen(target, amount, route, t, interval, count, span, duration, rate, origin);
    }

    /** {@code n} doses, {@code dt} apart. */
    public Regimen every(Quantity dt, int n) {
        return new Regimen(target, amount, route, start, n == 1 ? null : dt, n, null, duration, rate, origin);
    }

    /** One dose every {@code dt} while they start within {@code total} of the first. */
    public Regimen everyFor(Quantity dt, Quantity total) {
        return new Regimen(target, amount, route, start, dt, 0, total, duration, rate, origin);
    }

    /** An infusion over {@code d} (the route becomes {@link Route#INFUSION}). */
    public Regimen over(Quantity d) {
        return new Regimen(target, amount, Route.INFUSION, start, interval, count, span, d, rate, origin);
    }

    public Regimen origin(String where) {
        return new Regimen(target, amount, route, start, interval, count, span, duration, rate, where);
    }

    public Regimen withTarget(String t) {
        return new Regimen(t, amount, route, start, interval, count, span, duration, rate, origin);
    }

    /** "60 mg into Den_C (depot) at 12 months, every 6 months, 8 doses". */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (route == Route.INFUSION) {
            sb.append(amount != null ? amount + " " : "").append("infusion into ").append(target);
            if (rate != null) {
                sb.append(" at ").append(rate);
            }
            if (duration != null) {
                sb.append(" over ").append(duration);
            }
        } else {
            sb.append(amount).append(" into ").append(target);
            if (route == Route.DEPOT) {
                sb.append(" (depot)");
            }
        }
        sb.append(" at ").append(start);
        if (span != null) {
            sb.append(", every ").append(interval).append(" for ").append(span);
        } else if (count > 1) {
            sb.append(", every ").append(interval).append(", ").append(count).append(" doses");
        }
        return sb.toString();
    }
}
