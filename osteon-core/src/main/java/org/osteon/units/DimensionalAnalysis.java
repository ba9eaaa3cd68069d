package org.osteon.units;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.osteon.model.Compartment;
import org.osteon.model.Event;
import org.osteon.model.FunctionDefinition;
import org.osteon.model.InitialAssignment;
import org.osteon.model.Model;
import org.osteon.model.ModelSymbol;
import org.osteon.model.Parameter;
import org.osteon.model.Reaction;
import org.osteon.model.Rule;
import org.osteon.model.Species;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.ExprFormatter;

/**
 * Dimensional analysis of the units a model declares ({@code x has pM}, {@code unit pM = 1e-12 mole / litre}):
 * the two sides of every sum, difference, comparison, {@code min}/{@code max} and {@code piecewise} must
 * have the same unit; an assignment must give its variable's unit; a rate rule must give the state's unit
 * per model time unit; a reaction rate must be substance per time (when the model defines
 * {@code substance}); the arguments of {@code exp}, {@code log}, trigonometric functions and exponents
 * must be pure numbers. Units of one dimension but a different scale (mg/L and ng/mL) are inconsistent
 * too: Osteon never converts inside a model, so their sum is wrong by the scale factor.
 *
 * <p>Rules for what a unit cannot say: a number written in an equation takes the unit its place needs
 * in a sum or comparison ({@code 1 + x/K}), and a product with a number other than 1 in it takes the
 * unit its place needs too, since the number may carry a unit or convert one ({@code 1e9 * dose / (M * V)},
 * {@code 0.01 / cell} for an initial amount, {@code 1.43 * time} in a fitted polynomial); a symbol without
 * a declared unit has an unknown unit, and so has every expression that uses it, so it
 * can cause no error (it is listed as undeclared instead); an assignment rule's variable without a
 * declared unit takes the unit of its expression; an exponent that is not a constant number makes the
 * power's unit unknown unless its base is a pure number.
 *
 * <p>A model opts out with the model attribute {@code units: unchecked ...} (in Antimony
 * {@code model notes "units: unchecked, because ..."}); the reason is shown instead of the analysis.
 */
public final class DimensionalAnalysis {
    /** The model attribute that switches the analysis off; its value starts with {@value #UNCHECKED}. */
    public static final String ATTRIBUTE = "units";
    public static final String UNCHECKED = "unchecked";
    private static final double SCALE_TOLERANCE = 1e-9;
    private static final int MAX_FUNCTION_DEPTH = 32;
    private static final Set<String> PURE_NUMBER_FUNCTIONS = Set.of("exp", "ln", "log", "log10", "log2", "sin", "cos", "tan",
            "sec", "csc", "cot", "sinh", "cosh", "tanh", "sech", "csch", "coth", "arcsin", "arccos", "arctan", "arcsec",
            "arccsc", "arccot", "arcsinh", "arccosh", "arctanh", "arcsech", "arccsch", "arccoth", "asin", "acos", "atan",
            "factorial");
    private static final Set<String> SAME_UNIT_FUNCTIONS = Set.of("abs", "floor", "ceil", "ceiling", "min", "max");
    private static final Set<String> COMPARISONS = Set.of("gt", "lt", "geq", "leq", "eq", "neq");
    private static final Set<String> LOGICAL = Set.of("and", "or", "xor", "not", "implies");
    private static final Set<String> NUMBERS = Set.of("pi", "exponentiale", "avogadro", "inf", "infinity", "INF", "NaN", "nan",
            "notanumber");

    /**
     * A unit inconsistency.
     *
     * @param symbol   what it is in: the variable of a rule or initial assignment, a reaction or an event id
     * @param where    the same in words ("the rate rule of OCa")
     * @param message  the two units that do not match, each with its dimension
     */
    public record Inconsistency(String symbol, Kind kind, String where, String message) {
        public enum Kind { RATE_RULE, ASSIGNMENT_RULE, ALGEBRAIC_RULE, INITIAL_ASSIGNMENT, REACTION, EVENT }

        @Override
        public String toString() {
            return where + ": " + message;
        }
    }

    /**
     * What the analysis found.
     *
     * @param optOut     the reason given with {@code units: unchecked}, or null when the model was checked
     * @param undeclared symbols used in equations whose unit is neither declared nor inferred
     * @param unresolved declared units that are not defined anywhere, as {@code "k has 'x10'"} (warnings like
     *                   undeclared ones: the equations using them are not checked)
     * @param timeUnit   the time unit rates are per, and whether the model declares it
     */
    public record Report(String model, String optOut, List<Inconsistency> inconsistencies, List<String> undeclared,
                         List<String> unresolved, String timeUnit, boolean timeUnitDeclared) {
        public Report {
            inconsistencies = List.copyOf(inconsistencies);
            undeclared = List.copyOf(undeclared);
            unresolved = List.copyOf(unresolved);
        }

        public boolean consistent() {
            return inconsistencies.isEmpty();
        }

        /** One line about the undeclared units (at most {@code names} of them named), or null if there are none. */
        public String undeclaredSummary(int names) {
            if (undeclared.isEmpty()) {
                return null;
            }
            List<String> shown = undeclared.subList(0, Math.min(names, undeclared.size()));
            return undeclared.size() + (undeclared.size() == 1 ? " symbol has" : " symbols have") + " no declared unit ("
                    + String.join(", ", shown) + (undeclared.size() > shown.size() ? ", ..." : "")
                    + "), so the equations using them are not checked; declare one with 'NAME has UNIT'";
        }
    }

    private final Model model;
    private final Units units;
    private final Map<String, Dim> symbols = new HashMap<>();
    private final Map<String, FunctionDefinition> functions = new HashMap<>();
    private final Map<String, Double> constants = new HashMap<>();
    private final Set<String> undeclared = new LinkedHashSet<>();
    private final List<String> unresolved = new ArrayList<>();
    private final Set<String> unresolvedSymbols = new LinkedHashSet<>();
    private final List<Inconsistency> found = new ArrayList<>();
    private final Unit time;
    private Inconsistency.Kind kind;
    private String symbol;
    private String where;
    private int depth;

    private DimensionalAnalysis(Model model) {
        this.model = model;
        this.units = Units.of(model, Calendar.DEFAULT);
        this.time = timeUnit();
    }

    /** Analyses the model's declared units (or reports its opt-out). */
    public static Report check(Model model) {
        String optOut = model.metadata().attributes().get(ATTRIBUTE);
        boolean declaredTime = model.unit("time_unit").isPresent();
        if (optOut != null && optOut.strip().toLowerCase(Locale.ROOT).startsWith(UNCHECKED)) {
            return new Report(model.id(), optOut.strip(), List.of(), List.of(), List.of(), model.timeUnit(), declaredTime);
        }
        DimensionalAnalysis a = new DimensionalAnalysis(model);
        a.run();
        List<String> undeclared = a.undeclared.stream().filter(n -> !a.unresolvedSymbols.contains(n)).toList();
        return new Report(model.id(), null, a.found, undeclared, a.unresolved, model.timeUnit(), declaredTime);
    }

    private Unit timeUnit() {
        try {
            return units.timeUnit(model.timeUnit());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void run() {
        model.functions().forEach(f -> functions.put(f.id(), f));
        declareSymbols();
        inferAssignedUnits();
        for (Rule r : model.rules()) {
            if (r instanceof Rule.Rate rate) {
                at(Inconsistency.Kind.RATE_RULE, rate.variable(), "the rate rule of " + rate.variable());
                Dim rhs = eval(rate.expression(), Map.of());
                Dim x = symbol(rate.variable());
                if (x.known() && time != null) {
                    expect(x.unit().dividedBy(time).named(x.unit().text() + "/" + time.text()), rhs,
                            "d" + rate.variable() + "/dt must be " + rate.variable() + "'s unit per " + time.text());
                }
            } else if (r instanceof Rule.Assignment as) {
                at(Inconsistency.Kind.ASSIGNMENT_RULE, as.variable(), "the assignment rule of " + as.variable());
                Dim rhs = eval(as.expression(), Map.of());
                Dim x = symbol(as.variable());
                if (x.known()) {
                    expect(x.unit(), rhs, as.variable() + " := ... must give " + as.variable() + "'s unit");
                }
            } else {
                at(Inconsistency.Kind.ALGEBRAIC_RULE, null, "an algebraic rule");
                eval(r.expression(), Map.of());
            }
        }
        for (InitialAssignment ia : model.initialAssignments()) {
            if (isInitialAmount(ia)) {
                continue;
            }
            at(Inconsistency.Kind.INITIAL_ASSIGNMENT, ia.symbol(), "the initial assignment of " + ia.symbol());
            Dim rhs = eval(ia.expression(), Map.of());
            Dim x = symbol(ia.symbol());
            if (x.known()) {
                expect(x.unit(), rhs, ia.symbol() + " = ... must give " + ia.symbol() + "'s unit");
            }
        }
        Unit extentPerTime = extentPerTime();
        for (Reaction r : model.reactions()) {
            if (r.rate() == null) {
                continue;
            }
            at(Inconsistency.Kind.REACTION, r.id(), "the rate of reaction " + r.id());
            Dim rate = eval(r.rate(), Map.of());
            if (extentPerTime != null) {
                expect(extentPerTime, rate, "a reaction rate must be substance per time");
            }
        }
        for (Event e : model.events()) {
            at(Inconsistency.Kind.EVENT, e.id(), "event " + e.id());
            eval(e.trigger(), Map.of());
            if (e.delay() != null && time != null) {
                expect(time, eval(e.delay(), Map.of()), "an event's delay must be a time");
            }
            for (Event.Assignment ea : e.assignments()) {
                Dim rhs = eval(ea.expression(), Map.of());
                Dim x = symbol(ea.variable());
                if (x.known()) {
                    expect(x.unit(), rhs, ea.variable() + " = ... must give " + ea.variable() + "'s unit");
                }
            }
        }
    }

    /**
     * {@code S = 1/cell}: libAntimony writes a species' SBML initial amount as that number over its
     * compartment, the number being an amount; its unit is not written anywhere.
     */
    private boolean isInitialAmount(InitialAssignment ia) {
        if (!(ia.expression() instanceof Expr.Binary b) || b.op() != Expr.BinaryOp.DIV || !(b.left() instanceof Expr.Num)
                || !(b.right() instanceof Expr.Sym c)) {
            return false;
        }
        return model.species().stream().anyMatch(s -> s.id().equals(ia.symbol()) && c.name().equals(s.compartment()));
    }

    private void at(Inconsistency.Kind k, String sym, String text) {
        kind = k;
        symbol = sym;
        where = text;
    }

    private void problem(String message) {
        found.add(new Inconsistency(symbol, kind, where, message));
    }

    /** Declared units of parameters, species and compartments; species and compartments also from the model's defaults. */
    private void declareSymbols() {
        Unit substance = defaultUnit("substance");
        Unit volume = defaultUnit("volume");
        for (Compartment c : model.compartments()) {
            symbols.put(c.id(), declared(c, c.metadata().unit() == null && volume != null ? Dim.of(volume) : null));
        }
        for (Species s : model.species()) {
            Dim fallback = null;
            if (s.metadata().unit() == null && substance != null) {
                Dim size = symbols.getOrDefault(s.compartment(), Dim.UNKNOWN);
                fallback = s.amountOnly() ? Dim.of(substance) : size.known()
                        ? Dim.of(substance.dividedBy(size.unit()).named(substance.text() + "/" + size.unit().text())) : null;
            }
            symbols.put(s.id(), declared(s, fallback));
        }
        for (Parameter p : model.parameters()) {
            symbols.put(p.id(), declared(p, null));
            if (p.constant()) {
                constants.put(p.id(), p.value());
            }
        }
        Unit extentPerTime = extentPerTime();
        for (Reaction r : model.reactions()) {
            symbols.put(r.id(), extentPerTime == null ? Dim.UNKNOWN : Dim.of(extentPerTime));
        }
        // values set by rules or events are not constants of an exponent
        model.rules().forEach(r -> constants.remove(r.variable()));
        model.initialAssignments().forEach(ia -> constants.remove(ia.symbol()));
        model.events().forEach(e -> e.assignments().forEach(a -> constants.remove(a.variable())));
    }

    private Dim declared(ModelSymbol s, Dim fallback) {
        String text = s.metadata().unit();
        if (text == null) {
            return fallback == null ? Dim.UNKNOWN : fallback;
        }
        try {
            Unit u = units.parse(text);
            return u.convertible() ? Dim.of(u) : Dim.UNKNOWN;
        } catch (IllegalArgumentException e) {
            unresolved.add(s.id() + " has '" + text + "'");
            unresolvedSymbols.add(s.id());
            return Dim.UNKNOWN;
        }
    }

    private Unit defaultUnit(String id) {
        if (model.unit(id).isEmpty()) {
            return null;
        }
        try {
            Unit u = units.resolve(id);
            return u.convertible() ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Unit extentPerTime() {
        Unit substance = defaultUnit("extent") != null ? defaultUnit("extent") : defaultUnit("substance");
        return substance == null || time == null ? null : substance.dividedBy(time).named(substance.text() + "/" + time.text());
    }

    /** An assignment rule's variable without a declared unit gets its expression's, in as many passes as the rules need. */
    private void inferAssignedUnits() {
        List<Rule.Assignment> open = new ArrayList<>();
        for (Rule r : model.rules()) {
            if (r instanceof Rule.Assignment a && !symbols.getOrDefault(a.variable(), Dim.UNKNOWN).known()
                    && model.symbols().get(a.variable()) != null && model.symbols().get(a.variable()).metadata().unit() == null) {
                open.add(a);
            }
        }
        boolean progress = true;
        while (progress && !open.isEmpty()) {
            progress = false;
            for (var it = open.iterator(); it.hasNext(); ) {
                Rule.Assignment a = it.next();
                int before = found.size();
                Dim d = eval(a.expression(), Map.of());
                found.subList(before, found.size()).clear(); // reported when the rule itself is checked
                if (d.known() || d.kind() == Dim.Kind.FREE) {
                    symbols.put(a.variable(), d);
                    it.remove();
                    progress = true;
                }
            }
        }
        undeclared.clear(); // collected again by the checks themselves
    }

    private Dim symbol(String name) {
        Dim d = symbols.get(name);
        return d == null ? Dim.UNKNOWN : d;
    }

    /** The unit of an expression; {@code local} holds a function's parameters. */
    private Dim eval(Expr e, Map<String, Dim> local) {
        if (e instanceof Expr.Num n) {
            return Math.abs(n.value()) == 1 || n.value() == 0 ? Dim.NUMBER : Dim.FREE;
        }
        if (e instanceof Expr.Sym s) {
            return sym(s.name(), local);
        }
        if (e instanceof Expr.Unary u) {
            Dim d = eval(u.operand(), local);
            return u.op() == Expr.UnaryOp.NOT ? Dim.BOOLEAN : d;
        }
        if (e instanceof Expr.Binary b) {
            return binary(b, local);
        }
        return call((Expr.Call) e, local);
    }

    private Dim sym(String name, Map<String, Dim> local) {
        if (local.containsKey(name)) {
            return local.get(name);
        }
        if (name.equals("time")) {
            return time == null ? Dim.UNKNOWN : Dim.of(time);
        }
        if (NUMBERS.contains(name) || name.equals("true") || name.equals("false")) {
            return Dim.NUMBER;
        }
        Dim d = symbols.get(name);
        if (d == null || d.kind() == Dim.Kind.UNKNOWN) {
            undeclared.add(name);
            return Dim.UNKNOWN;
        }
        return d;
    }

    private Dim binary(Expr.Binary b, Map<String, Dim> local) {
        Dim l = eval(b.left(), local);
        if (b.op() == Expr.BinaryOp.POW) {
            return power(l, b.right(), local);
        }
        Dim r = eval(b.right(), local);
        switch (b.op()) {
            case MUL:
                return l.times(r);
            case DIV:
                return l.over(r);
            case ADD:
            case SUB:
                return same(b.left(), l, b.right(), r, b.op() == Expr.BinaryOp.ADD ? "adds" : "subtracts");
            case AND:
            case OR:
                return Dim.BOOLEAN;
            default: // comparisons
                same(b.left(), l, b.right(), r, "compares");
                return Dim.BOOLEAN;
        }
    }

    /** Both sides of a sum or comparison: the same unit, or one of them unknown or a bare number. */
    private Dim same(Expr le, Dim l, Expr re, Dim r, String verb) {
        if (l.kind() == Dim.Kind.UNKNOWN || r.kind() == Dim.Kind.UNKNOWN) {
            return Dim.UNKNOWN;
        }
        if (!l.known()) {
            return r.known() ? r : l;
        }
        if (!r.known()) {
            return l;
        }
        String mismatch = mismatch(l.unit(), r.unit());
        if (mismatch != null) {
            problem(verb + " " + ExprFormatter.format(le).strip() + " in " + describe(l.unit()) + " and "
                    + ExprFormatter.format(re).strip() + " in " + describe(r.unit()) + mismatch);
        }
        return l;
    }

    private void expect(Unit wanted, Dim got, String rule) {
        if (!got.known()) {
            return;
        }
        String mismatch = mismatch(wanted, got.unit());
        if (mismatch != null) {
            problem(rule + " (" + describe(wanted) + ") but the expression is in " + describe(got.unit()) + mismatch);
        }
    }

    /** Null when the units agree; else what differs, as a clause to append. */
    private static String mismatch(Unit a, Unit b) {
        if (!a.sameDimension(b)) {
            return "";
        }
        double ratio = a.factor() / b.factor();
        if (Math.abs(ratio - 1) <= SCALE_TOLERANCE) {
            return null;
        }
        return ": the same dimension, but one " + a.text() + " is " + Units.format(ratio) + " " + b.text();
    }

    private static String describe(Unit u) {
        String dimension = u.dimension();
        return u.text() + (u.text().equals(dimension) ? "" : " (" + dimension + ")");
    }

    private Dim power(Dim base, Expr exponent, Map<String, Dim> local) {
        Dim ex = eval(exponent, local);
        if (ex.known() && !ex.unit().isDimensionless()) {
            problem("the exponent " + ExprFormatter.format(exponent).strip() + " is in " + describe(ex.unit())
                    + ", not a pure number");
        }
        if (base.kind() != Dim.Kind.KNOWN) {
            return base.kind() == Dim.Kind.BOOLEAN ? Dim.NUMBER : base;
        }
        if (base.unit().isDimensionless() && base.unit().factor() == 1) {
            return base;
        }
        Double value = constant(exponent);
        return value == null ? Dim.UNKNOWN : Dim.of(base.unit().pow(value));
    }

    /** The value of an exponent made of numbers and constant parameters, or null. */
    private Double constant(Expr e) {
        if (e instanceof Expr.Num n) {
            return n.value();
        }
        if (e instanceof Expr.Sym s) {
            return constants.get(s.name());
        }
        if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEG) {
            Double v = constant(u.operand());
            return v == null ? null : -v;
        }
        if (e instanceof Expr.Binary b) {
            Double l = constant(b.left());
            Double r = constant(b.right());
            if (l == null || r == null) {
                return null;
            }
            switch (b.op()) {
                case ADD: return l + r;
                case SUB: return l - r;
                case MUL: return l * r;
                case DIV: return r == 0 ? null : l / r;
                default: return null;
            }
        }
        return null;
    }

    private Dim call(Expr.Call c, Map<String, Dim> local) {
        String f = c.function();
        List<Expr> args = c.args();
        if (f.equals("pow") && args.size() == 2) {
            return power(eval(args.get(0), local), args.get(1), local);
        }
        if (f.equals("sqrt") && args.size() == 1) {
            return power(eval(args.get(0), local), new Expr.Num(0.5), local);
        }
        if (f.equals("root") && args.size() == 2) {
            Double n = constant(args.get(0));
            Dim base = eval(args.get(1), local);
            return n == null || n == 0 ? (base.known() ? Dim.UNKNOWN : base) : power(base, new Expr.Num(1 / n), local);
        }
        if (f.equals("piecewise")) {
            Dim value = null;
            Expr first = null;
            for (int i = 0; i < args.size(); i++) {
                boolean condition = i % 2 == 1;
                Dim d = eval(args.get(i), local);
                if (!condition) {
                    value = value == null ? d : same(first, value, args.get(i), d, "has branches of piecewise in");
                    first = first == null ? args.get(i) : first;
                }
            }
            return value == null ? Dim.UNKNOWN : value;
        }
        if (COMPARISONS.contains(f) || f.equals("min") || f.equals("max")) {
            Dim value = null;
            Expr first = null;
            for (Expr a : args) {
                Dim d = eval(a, local);
                value = value == null ? d : same(first, value, a, d, COMPARISONS.contains(f) ? "compares" : "takes the " + f + " of");
                first = first == null ? a : first;
            }
            return COMPARISONS.contains(f) ? Dim.BOOLEAN : value == null ? Dim.UNKNOWN : value;
        }
        if (LOGICAL.contains(f)) {
            args.forEach(a -> eval(a, local));
            return Dim.BOOLEAN;
        }
        if (PURE_NUMBER_FUNCTIONS.contains(f)) {
            for (Expr a : args) {
                Dim d = eval(a, local);
                if (d.known()) {
                    String mismatch = mismatch(Unit.DIMENSIONLESS, d.unit());
                    if (mismatch != null) {
                        problem(f + "(" + ExprFormatter.format(a).strip() + ") takes a pure number, but its argument is in "
                                + describe(d.unit()) + mismatch);
                    }
                }
            }
            return Dim.NUMBER;
        }
        if (SAME_UNIT_FUNCTIONS.contains(f) && args.size() == 1) {
            return eval(args.get(0), local);
        }
        if (f.equals("delay") && args.size() == 2) {
            Dim d = eval(args.get(1), local);
            if (time != null) {
                expect(time, d, "the delay of delay(...) must be a time");
            }
            return eval(args.get(0), local);
        }
        if (f.equals("rateOf") && args.size() == 1) {
            Dim d = eval(args.get(0), local);
            return d.known() && time != null ? Dim.of(d.unit().dividedBy(time)) : d.known() ? Dim.UNKNOWN : d;
        }
        FunctionDefinition def = functions.get(f);
        List<Dim> values = new ArrayList<>();
        for (Expr a : args) {
            values.add(eval(a, local));
        }
        if (def == null || def.isExternal() || def.parameters().size() != args.size() || depth >= MAX_FUNCTION_DEPTH) {
            return Dim.UNKNOWN;
        }
        Map<String, Dim> inner = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            inner.put(def.parameters().get(i), values.get(i));
        }
        depth++;
        try {
            return eval(def.body(), inner);
        } finally {
            depth--;
        }
    }

    /**
     * The unit of an expression: a known unit; unknown (an undeclared symbol is in it); a bare number (1, 0,
     * a truth value: fits any unit in a sum, a pure factor in a product); or a free number, a product with a
     * number other than 1 in it, whose unit is whatever that number's unit makes it (fits any unit).
     */
    private record Dim(Kind kind, Unit unit) {
        enum Kind { KNOWN, UNKNOWN, NUMBER, FREE, BOOLEAN }

        static final Dim UNKNOWN = new Dim(Kind.UNKNOWN, null);
        static final Dim NUMBER = new Dim(Kind.NUMBER, null);
        static final Dim FREE = new Dim(Kind.FREE, null);
        static final Dim BOOLEAN = new Dim(Kind.BOOLEAN, null);

        static Dim of(Unit u) {
            return new Dim(Kind.KNOWN, u);
        }

        boolean known() {
            return kind == Kind.KNOWN;
        }

        Dim times(Dim o) {
            if (kind == Kind.UNKNOWN || o.kind == Kind.UNKNOWN) {
                return UNKNOWN;
            }
            if (kind == Kind.FREE || o.kind == Kind.FREE) {
                return FREE;
            }
            if (!known() || !o.known()) {
                return known() ? this : o.known() ? o : NUMBER;
            }
            return of(unit.times(o.unit).named(unit.text() + "*" + o.unit.text()));
        }

        Dim over(Dim o) {
            if (kind == Kind.UNKNOWN || o.kind == Kind.UNKNOWN) {
                return UNKNOWN;
            }
            if (kind == Kind.FREE || o.kind == Kind.FREE) {
                return FREE;
            }
            if (!o.known()) {
                return this.kind == Kind.BOOLEAN ? NUMBER : this;
            }
            Unit u = (known() ? unit : Unit.DIMENSIONLESS).dividedBy(o.unit);
            return of(u.named((known() ? unit.text() : "1") + "/" + parenthesised(o.unit.text())));
        }

        private static String parenthesised(String t) {
            return t.contains("*") || t.contains("/") ? "(" + t + ")" : t;
        }
    }
}
