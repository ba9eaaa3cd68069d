package org.osteon.dosing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.Layout;
import org.osteon.compile.Variable;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.ModelSymbol;
import org.osteon.model.Species;
import org.osteon.simulation.ScheduledChange;
import org.osteon.units.Calendar;
import org.osteon.units.Quantity;
import org.osteon.units.Unit;
import org.osteon.units.Units;
import org.osteon.util.Suggestions;

/**
 * Turns {@link Regimen}s into the scheduled changes of a run, for one model: times into the
 * model's time unit (with the calendar's month and year), amounts into the target's declared
 * unit.
 *
 * <p>An amount converts directly when its unit has the target's dimension ({@code 60 mg} into a
 * state in {@code ng}). Otherwise a molar mass bridges mass and amount of substance, and a volume
 * bridges amount and concentration; the model declares them as attributes of the target state:
 * <pre>
 *   TPTD_C.molar_mass = "4117.8 g/mol"     // a quantity, or the id of a parameter with a unit
 *   TPTD_C.volume = "V_TPTD"              // else the state's compartment, when it has a volume unit
 *   Den_C.depot = "Den_depot"             // where route: depot puts a dose of Den_C
 * </pre>
 * A dose per body weight ({@code 5 mg/kg}) is multiplied by the {@code weight} covariate.
 * Anything that cannot be converted is an {@link IllegalArgumentException} that says what to declare.
 */
public final class Dosing {
    /** Attribute of a state naming the depot that route {@code depot} doses into. */
    public static final String DEPOT = "depot";
    /** Attribute of a state giving its molar mass (a quantity such as "149 kg/mol", or a parameter id). */
    public static final String MOLAR_MASS = "molar_mass";
    /** Attribute of a state giving the volume its concentration is per (a quantity or a parameter id). */
    public static final String VOLUME = "volume";
    /** The covariate per-body-weight doses are multiplied by. */
    public static final String WEIGHT = "weight";

    private final CompiledModel model;
    private final Model definition;
    private final Layout layout;
    private final Units units;
    private final Unit timeUnit;
    private final String timeUnitProblem;
    private final Map<String, Quantity> covariates;

    private Dosing(CompiledModel model, Model definition, Calendar calendar, Map<String, Quantity> covariates) {
        this.model = model;
        this.definition = definition;
        this.layout = model.layout();
        this.units = Units.of(definition, calendar);
        Unit tu = null;
        String problem = null;
        try {
            tu = units.timeUnit(model.timeUnit());
        } catch (IllegalArgumentException e) {
            problem = e.getMessage(); // only an error once a time with a unit must be converted
        }
        this.timeUnit = tu;
        this.timeUnitProblem = problem;
        this.covariates = Map.copyOf(covariates);
    }

    /**
     * @param definition the model as written (for unit definitions and the attributes above), or
     *                   {@code null} for a model known only compiled (then only plain amounts and built-in units work)
     * @param covariates patient covariates such as {@code weight: 70 kg}
     */
    public static Dosing of(CompiledModel model, Model definition, Calendar calendar, Map<String, Quantity> covariates) {
        return new Dosing(model, definition, calendar, covariates);
    }

    public Units units() {
        return units;
    }

    /** The model's time unit (what times without a unit mean). */
    public Unit timeUnit() {
        if (timeUnit == null) {
            throw new IllegalArgumentException("times with units cannot be converted: " + timeUnitProblem);
        }
        return timeUnit;
    }

    /** A time in the model's time unit; a plain number already is. */
    public double time(Quantity q) {
        if (!q.hasUnit()) {
            return q.value();
        }
        Unit u = units.parse(q.unit());
        if (!u.isTime()) {
            throw new IllegalArgumentException("'" + q + "' is not a time (it is " + u.dimension() + ")");
        }
        return q.value() * u.in(timeUnit());
    }

    /** Every dose the regimen gives, in order, with amounts at parameter vector {@code p}. */
    public List<Administration> administrations(Regimen r, double[] p) {
        Plan plan = plan(r);
        List<Administration> out = new ArrayList<>();
        for (double t : plan.times) {
            out.add(new Administration(t, plan.state, plan.conversion.amount(p), plan.duration, plan.conversion.note()));
        }
        return out;
    }

    /**
     * The scheduled changes for the doses that fall within [t0, tEnd] (an infusion that starts
     * inside and ends after tEnd simply runs on to the end).
     *
     * @throws IllegalArgumentException if the target, a unit or a time cannot be resolved
     */
    public List<ScheduledChange> changes(Regimen r, double t0, double tEnd) {
        Plan plan = plan(r);
        List<ScheduledChange> out = new ArrayList<>();
        int s = layout.stateIndex(plan.state);
        int k = s < 0 ? layout.parameterIndex(plan.state) : -1;
        for (double t : plan.times) {
            if (t < t0) {
                throw new IllegalArgumentException("dose at t=" + t + " is before the start of the run (" + t0 + ")");
            }
            if (t > tEnd) { // administrations after the end of the run do not happen in it
                continue;
            }
            if (plan.duration > 0) {
                if (s < 0) {
                    throw new IllegalArgumentException("an infusion needs a state to flow into; '" + plan.state + "' is a parameter");
                }
                out.add(new DoseChanges.InfusionEdge(t, s, plan.conversion, 1 / plan.duration, plan.label(t)));
                if (t + plan.duration <= tEnd) {
                    out.add(new DoseChanges.InfusionEdge(t + plan.duration, s, plan.conversion, -1 / plan.duration,
                            "end of " + plan.label(t)));
                }
            } else {
                out.add(new DoseChanges.Bolus(t, s, k, plan.conversion, plan.label(t)));
            }
        }
        return out;
    }

    /** Time of the regimen's first administration, in the model's time unit. */
    public double firstTime(Regimen r) {
        return plan(r).times[0];
    }

    /** Which parameters a regimen's amounts read (volumes, molar masses), by id. */
    public List<String> parametersRead(Regimen r) {
        Conversion c = plan(r).conversion;
        List<String> out = new ArrayList<>();
        for (int k : c.parameters()) {
            out.add(layout.parameters().get(k).id());
        }
        return out;
    }

    /** "60 mg into Den_C (depot: Den_depot, 60 mg = 6e+07 ng) at 365 d, every 6 months (182.625 d), 4 doses". */
    public String describe(Regimen r) {
        Plan plan = plan(r);
        String tu = timeUnit == null ? "(model time)" : timeUnit.text();
        StringBuilder sb = new StringBuilder(r.describe());
        sb.append(" [");
        if (!plan.state.equals(r.target())) {
            sb.append("into ").append(plan.state).append("; ");
        }
        sb.append(plan.conversion.note());
        if (plan.duration > 0) {
            sb.append("; over ").append(Units.format(plan.duration)).append(' ').append(tu);
        }
        sb.append("; first at ").append(Units.format(plan.times[0])).append(' ').append(tu);
        if (plan.times.length > 1) {
            sb.append(", every ").append(Units.format(plan.times[1] - plan.times[0])).append(' ').append(tu)
                    .append(", ").append(plan.times.length).append(" doses");
        }
        return sb.append(']').toString();
    }

    /** A regimen resolved against the model. */
    private record Plan(String state, double[] times, double duration, Conversion conversion, String amountText) {
        String label(double t) {
            return (duration > 0 ? "infusion of " : "dose of ") + amountText + " into " + state + " at " + Units.format(t);
        }
    }

    private Plan plan(Regimen r) {
        String state = destination(r);
        double first = time(r.start());
        double interval = r.interval() == null ? 0 : time(r.interval());
        if (r.interval() != null && !(interval > 0)) {
            throw new IllegalArgumentException("the interval between doses must be positive, found " + r.interval());
        }
        int n = r.count();
        if (r.span() != null) {
            double span = time(r.span());
            n = (int) Math.min(Regimen.MAX_COUNT + 1L, (long) Math.ceil(span / interval - 1e-9));
            if (n < 1 || n > Regimen.MAX_COUNT) {
                throw new IllegalArgumentException("'every " + r.interval() + " for " + r.span() + "' gives " + n
                        + " doses; it must give 1 to " + Regimen.MAX_COUNT);
            }
        }
        double[] times = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = first + i * interval;
        }
        Unit target = targetUnit(state);
        Conversion conversion;
        double duration = 0;
        if (r.route() == Route.INFUSION) {
            if (r.rate() != null) {
                // A rate in amount per time: convert "rate x one model time unit" as an amount.
                Amount rate = amount(r.rate(), "rate");
                Unit perModelTime = rate.unit.times(timeUnit());
                Conversion perTime = convert(rate.value * rate.scale, perModelTime, target, state, r.rate().toString());
                if (r.duration() != null) {
                    duration = time(r.duration());
                    conversion = perTime.scaled(duration);
                } else {
                    Amount a = amount(r.amount(), "amount");
                    Conversion total = convert(a.value * a.scale, a.unit, target, state, r.amount().toString());
                    // Both read the same volume and molar mass, so their ratio is a plain duration.
                    double[] p = model.defaultParameters();
                    duration = total.amount(p) / perTime.amount(p);
                    conversion = total;
                }
            } else {
                duration = time(r.duration());
                Amount a = amount(r.amount(), "amount");
                conversion = convert(a.value * a.scale, a.unit, target, state, r.amount().toString());
            }
            if (!(duration > 0) || Double.isInfinite(duration)) {
                throw new IllegalArgumentException("the infusion's duration must be a positive time, found " + duration);
            }
        } else {
            Amount a = amount(r.amount(), "amount");
            conversion = convert(a.value * a.scale, a.unit, target, state, r.amount().toString());
        }
        String amountText = r.amount() != null ? r.amount().toString() : r.rate() + " over " + r.duration();
        return new Plan(state, times, duration, conversion, amountText);
    }

    /** The state (or parameter) a dose ends up in. */
    private String destination(Regimen r) {
        String target = r.target();
        boolean found = layout.stateIndex(target) >= 0 || layout.parameterIndex(target) >= 0;
        if (!found) {
            String hint = layout.outputIndex(target) >= 0 ? " ('" + target + "' is computed by a rule; dose the state it is computed from)"
                    : Suggestions.didYouMean(target, layout.allIds());
            throw new IllegalArgumentException("dose target '" + target + "' is not a state or parameter of model '"
                    + model.id() + "'" + hint);
        }
        if (r.route() != Route.DEPOT) {
            return target;
        }
        String depot = attribute(target, DEPOT).orElse(null);
        if (depot == null) {
            if (isDepot(target)) {
                return target;
            }
            throw new IllegalArgumentException("route depot: model '" + model.id() + "' declares no depot for '" + target
                    + "'; declare one in the model (" + target + ".depot = \"NAME_OF_DEPOT_STATE\") or dose the depot state itself");
        }
        if (layout.stateIndex(depot) < 0) {
            throw new IllegalArgumentException("model '" + model.id() + "' declares " + target + ".depot = \"" + depot
                    + "\", but '" + depot + "' is not a state" + Suggestions.didYouMean(depot, layout.allIds()));
        }
        return depot;
    }

    private boolean isDepot(String state) {
        if (definition == null) {
            return false;
        }
        return definition.symbols().values().stream().anyMatch(s -> state.equals(metadata(s).attribute(DEPOT)));
    }

    /** A dose amount split into number, unit (base dimension) and the body-weight factor. */
    private record Amount(double value, double scale, Unit unit) {
    }

    private Amount amount(Quantity q, String what) {
        if (!q.hasUnit()) {
            return new Amount(q.value(), 1, null);
        }
        String text = q.unit().trim();
        String[] parts = text.split("/");
        List<String> kept = new ArrayList<>();
        boolean perKg = false;
        for (int i = 0; i < parts.length; i++) {
            if (i > 0 && parts[i].trim().equalsIgnoreCase("kg") && !perKg) {
                perKg = true;
            } else {
                kept.add(parts[i].trim());
            }
        }
        Unit unit = units.parse(String.join("/", kept));
        double scale = 1;
        if (perKg) {
            Quantity w = covariates.get(WEIGHT);
            if (w == null) {
                throw new IllegalArgumentException("the " + what + " '" + q + "' is per kg of body weight, but no body weight is"
                        + " given: add the covariate weight (in a scenario: covariates: {weight: 70 kg})");
            }
            Unit kg = units.parse("kg");
            double weightKg = w.hasUnit() ? w.value() * units.parse(w.unit()).in(kg) : w.value();
            if (!(weightKg > 0)) {
                throw new IllegalArgumentException("the body weight must be positive, found " + w);
            }
            scale = weightKg;
            unit = unit.named(text + " x " + Units.format(weightKg) + " kg");
        }
        return new Amount(q.value(), scale, unit);
    }

    private Unit targetUnit(String state) {
        Variable v = layout.find(state).orElseThrow();
        String unitId = v.unit();
        if (unitId == null && definition != null) {
            unitId = definition.symbol(state).map(s -> metadata(s).unit()).orElse(null);
        }
        if (unitId == null) {
            return null;
        }
        try {
            return units.resolve(unitId).named(unitId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the unit '" + unitId + "' of '" + state + "': " + e.getMessage());
        }
    }

    /**
     * The amount {@code value} of {@code unit} in the target's unit: directly when the dimensions
     * agree, else through the target's molar mass and/or volume.
     */
    private Conversion convert(double value, Unit unit, Unit target, String state, String given) {
        if (unit == null) {
            return new Conversion(value, new int[0], new double[0], given + " (in the unit of " + state + ")");
        }
        if (target == null) {
            throw new IllegalArgumentException("cannot convert " + given + " for '" + state + "': the model declares no unit"
                    + " for it; declare one (" + state + " has UNIT) or give a plain number in its own unit");
        }
        if (!unit.convertible() || !target.convertible()) {
            throw new IllegalArgumentException("cannot convert " + given + " to " + target.text() + " (the unit of '" + state
                    + "'): " + (unit.convertible() ? target.text() : unit.text()) + " has no conversion to mass or amount of substance");
        }
        Unit molarMass = Unit.DIMENSIONLESS.times(unitOf("g/mol"));
        Unit volume = unitOf("l");
        for (int v : new int[] {0, -1, 1}) {
            for (int m : new int[] {0, 1, -1}) {
                Unit candidate = unit.times(molarMass.pow(m)).times(volume.pow(v));
                if (!candidate.sameDimension(target)) {
                    continue;
                }
                List<Integer> params = new ArrayList<>();
                List<Double> powers = new ArrayList<>();
                double factor = value * (unit.factor() / target.factor());
                StringBuilder how = new StringBuilder(given);
                if (m != 0) {
                    factor *= bridge(state, MOLAR_MASS, molarMass, m, params, powers, how, given, target);
                }
                if (v != 0) {
                    factor *= bridge(state, VOLUME, volume, v, params, powers, how, given, target);
                }
                double[] pw = powers.stream().mapToDouble(Double::doubleValue).toArray();
                int[] ix = params.stream().mapToInt(Integer::intValue).toArray();
                Conversion c = new Conversion(factor, ix, pw, "");
                double shown = c.amount(model.defaultParameters());
                how.append(" = ").append(Units.format(shown)).append(' ').append(target.text());
                return new Conversion(factor, ix, pw, how.toString());
            }
        }
        throw new IllegalArgumentException("cannot convert " + given + " (" + unit.dimension() + ") to " + target.text()
                + " (the unit of '" + state + "', " + target.dimension() + ")");
    }

    /**
     * The factor (in base units) that a molar mass or volume contributes with power {@code power};
     * a parameter's value is left as a power of p so that the dose follows it.
     */
    private double bridge(String state, String attribute, Unit kind, int power, List<Integer> params, List<Double> powers,
                          StringBuilder how, String given, Unit target) {
        String declared = attribute(state, attribute).orElse(null);
        String what = attribute.equals(MOLAR_MASS) ? "molar mass" : "volume";
        if (declared == null && attribute.equals(VOLUME)) {
            declared = compartmentOf(state).orElse(null);
        }
        if (declared == null) {
            throw new IllegalArgumentException("cannot convert " + given + " to " + target.text() + " (the unit of '" + state
                    + "') without a " + what + ": declare one in the model (" + state + "." + attribute + " = \""
                    + (attribute.equals(MOLAR_MASS) ? "149 kg/mol" : "3 l") + "\", or the id of a parameter)");
        }
        int k = layout.parameterIndex(declared);
        if (k >= 0) {
            Unit u = declaredUnit(declared, what, state, kind);
            params.add(k);
            powers.add((double) power);
            how.append(power > 0 ? " x " : " / ").append(what).append(' ').append(declared);
            return Math.pow(u.factor(), power); // the parameter's value in base units (gram, mole, metre)
        }
        Quantity q;
        try {
            q = Quantity.parse(declared);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " of '" + state + "' is declared as '" + declared
                    + "', which is neither a parameter of the model nor a quantity like '3 l'");
        }
        if (!q.hasUnit()) {
            throw new IllegalArgumentException("the " + what + " of '" + state + "' (" + declared + ") needs a unit, e.g. '"
                    + declared + (attribute.equals(MOLAR_MASS) ? " g/mol'" : " l'"));
        }
        Unit u = units.parse(q.unit());
        if (!u.sameDimension(kind)) {
            throw new IllegalArgumentException("the " + what + " of '" + state + "' (" + declared + ") is not a " + what
                    + " (it is " + u.dimension() + ")");
        }
        how.append(power > 0 ? " x " : " / ").append(declared);
        return Math.pow(q.value() * u.factor(), power);
    }

    private Unit declaredUnit(String parameter, String what, String state, Unit kind) {
        Unit u = targetUnit(parameter);
        if (u == null) {
            throw new IllegalArgumentException("the " + what + " of '" + state + "' is parameter '" + parameter
                    + "', which has no unit; declare it (" + parameter + " has UNIT)");
        }
        if (!u.sameDimension(kind)) {
            throw new IllegalArgumentException("the " + what + " of '" + state + "' is parameter '" + parameter + "' in "
                    + u.text() + ", which is not a " + what + " (it is " + u.dimension() + ")");
        }
        return u;
    }

    private Optional<String> compartmentOf(String state) {
        if (definition == null) {
            return Optional.empty();
        }
        Optional<Species> sp = definition.speciesById(state);
        if (sp.isEmpty() || sp.get().amountOnly()) {
            return Optional.empty();
        }
        String c = sp.get().compartment();
        if (c == null && definition.compartments().size() == 1) {
            c = definition.compartments().get(0).id();
        }
        return Optional.ofNullable(c).filter(id -> layout.parameterIndex(id) >= 0);
    }

    private Optional<String> attribute(String symbol, String key) {
        if (definition == null) {
            return Optional.empty();
        }
        return definition.symbol(symbol).map(s -> metadata(s).attribute(key)).map(String::trim);
    }

    private static Metadata metadata(ModelSymbol s) {
        return s.metadata();
    }

    private Unit unitOf(String text) {
        return Units.standard(units.calendar()).parse(text);
    }

    /** Covariates by name, parsed from text such as {@code weight: 70 kg}. */
    public static Map<String, Quantity> covariates(Map<String, String> text) {
        Map<String, Quantity> out = new LinkedHashMap<>();
        text.forEach((k, v) -> out.put(k, Quantity.parse(v)));
        return out;
    }
}
