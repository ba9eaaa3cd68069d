package org.osteon.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osteon.model.Compartment;
import org.osteon.model.Event;
import org.osteon.model.FunctionDefinition;
import org.osteon.model.InitialAssignment;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.Parameter;
import org.osteon.model.Reaction;
import org.osteon.model.Rule;
import org.osteon.model.Species;
import org.osteon.model.SpeciesReference;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.ExprFormatter;
import org.osteon.model.expr.Exprs;
import org.osteon.util.Limits;
import org.osteon.util.Suggestions;

/**
 * Turns a {@link Model} into a {@link FlatSystem}: classifies every symbol (state, parameter or
 * assigned), builds the state equations from reactions and rate rules, inlines user functions,
 * orders rules, and runs the static checks. Every problem found is collected, so a user sees
 * them all at once.
 */
final class Flattener {
    /** Kind of a species reference's id: a symbol whose value is the stoichiometry. */
    private static final String STOICHIOMETRY = "stoichiometry";

    private final Model model;
    private final CompileOptions options;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> kindOf = new LinkedHashMap<>();
    private final Map<String, Metadata> metadataOf = new HashMap<>();
    private final Map<String, FunctionDefinition> functions = new HashMap<>();
    private final InlinedSize inlinedSize = new InlinedSize(functions);
    private final Map<String, Rule> assignmentRules = new LinkedHashMap<>();
    private final Map<String, Rule> rateRules = new LinkedHashMap<>();
    private Map<String, Boolean> declaredConstant;
    /** The reactions that reference each species, in model order (so building every equation stays linear). */
    private Map<String, List<Reaction>> reactionsOf;
    private Map<String, Species> speciesById;
    private final List<Rule.Algebraic> algebraicRules = new ArrayList<>();
    /** The variable each algebraic rule determines, and the rule (in rule order). */
    private Map<String, Rule.Algebraic> algebraicOf = Map.of();
    /** Compartments whose size changes continuously (a rule sets it). */
    private final Set<String> varyingCompartments = new HashSet<>();
    private Set<String> eventTargets = Set.of();

    private final List<Variable> states = new ArrayList<>();
    private final List<Expr> derivatives = new ArrayList<>();
    private final List<Double> stateDefaults = new ArrayList<>();
    private final List<Variable> parameters = new ArrayList<>();
    private final List<Double> parameterDefaults = new ArrayList<>();
    private final Map<String, Expr> assignedExpr = new LinkedHashMap<>();
    private final Map<String, Variable> assignedVar = new LinkedHashMap<>();

    private Flattener(Model model, CompileOptions options) {
        this.model = model;
        this.options = options;
    }

    static FlatSystem flatten(Model model, CompileOptions options) {
        return new Flattener(model, options).run();
    }

    private FlatSystem run() {
        declareSymbols();
        declareFunctions();
        collectRules();
        eventTargets = eventTargets();
        Set<String> reactionDriven = reactionDrivenSpecies();
        for (Compartment c : model.compartments()) {
            if (assignmentRules.containsKey(c.id()) || rateRules.containsKey(c.id())) {
                varyingCompartments.add(c.id());
            }
        }
        // candidates in declaration order, symbols that events set last (an event would fight the rule)
        List<String> preference = new ArrayList<>(kindOf.keySet());
        preference.sort(java.util.Comparator.comparing(eventTargets::contains));
        algebraicOf = AlgebraicRules.match(algebraicRules, preference, this::determinableByAlgebraicRule, problems);

        for (Compartment c : model.compartments()) {
            classify(c.id(), Double.isNaN(c.size()) ? 1.0 : c.size(), false);
        }
        for (Species s : model.species()) {
            boolean driven = reactionDriven.contains(s.id());
            if (driven && rateRules.containsKey(s.id())) {
                problems.add("species '" + s.id() + "' is changed by reactions and also has a rate rule; make it a boundary species ($"
                        + s.id() + ") or drop the rate rule");
            }
            if (driven && assignmentRules.containsKey(s.id())) {
                problems.add("species '" + s.id() + "' is changed by reactions and also has an assignment rule; make it a boundary species ($"
                        + s.id() + ") or drop the rule");
            }
            classify(s.id(), s.initialValue(), driven || dilutedByCompartment(s));
        }
        for (Parameter p : model.parameters()) {
            classify(p.id(), p.value(), false);
        }
        for (SpeciesReference ref : model.speciesReferencesWithIds()) {
            classify(ref.id(), ref.stoichiometry(), false);
        }
        for (Reaction r : model.reactions()) {
            checkReactionSpecies(r);
            assignedExpr.put(r.id(), inline(r.rate(), "rate of reaction '" + r.id() + "'"));
            assignedVar.put(r.id(), variable(r.id(), Variable.Kind.FLUX, false));
        }
        for (int i = 0; i < states.size(); i++) {
            if (states.get(i).kind() == Variable.Kind.SPECIES) {
                derivatives.set(i, speciesDerivative(states.get(i).id()));
            }
        }
        List<String> outputIds = new ArrayList<>(assignedVar.keySet());

        Set<String> defined = new HashSet<>(kindOf.keySet());
        defined.removeAll(functions.keySet());
        checkUndefined(derivatives, assignedExpr, defined);
        List<FlatSystem.Init> inits = initialAssignments(defined);
        List<FlatSystem.FlatEvent> events = events(assignedExpr.keySet(), defined);

        // rateOf(x) and delay(x, d) become internal assigned values and delay slots
        RateOfExpander rates = new RateOfExpander(this::variable, states, derivatives, assignedExpr, assignedVar,
                parameters.stream().map(Variable::id).collect(java.util.stream.Collectors.toSet()), problems);
        derivatives.replaceAll(rates::expand);
        for (String id : new ArrayList<>(assignedExpr.keySet())) {
            assignedExpr.put(id, rates.expand(assignedExpr.get(id))); // may add rateOf helpers, stored expanded
        }
        inits.replaceAll(i -> new FlatSystem.Init(i.target(), DelayCollector.atStart(rates.expand(i.expression()))));
        events.replaceAll(ev -> ev.map(rates::expand));
        DelayCollector delays = new DelayCollector();
        derivatives.replaceAll(delays::collect);
        assignedExpr.replaceAll((id, e) -> delays.collect(e));
        events.replaceAll(ev -> ev.map(delays::collect));

        List<String> order = orderAssigned(assignedExpr);
        List<Variable> assigned = new ArrayList<>();
        List<Expr> assignedExpressions = new ArrayList<>();
        for (String id : order) {
            assigned.add(assignedVar.get(id));
            assignedExpressions.add(assignedExpr.get(id));
        }
        checkValues(inits);

        if (!problems.isEmpty()) {
            throw new CompileException(model.id(), problems);
        }
        return new FlatSystem(model.id(), states, derivatives, unbox(stateDefaults), parameters,
                unbox(parameterDefaults), assigned, assignedExpressions, outputIds.stream().map(assignedVar::get).toList(),
                inits, events, externalsUsed(), delays.delays(assignedExpr));
    }

    /** Species changed by reactions: in a reaction, neither boundary nor constant. */
    private Set<String> reactionDrivenSpecies() {
        Set<String> inReactions = speciesInReactions();
        Set<String> out = new HashSet<>();
        for (Species s : model.species()) {
            if (inReactions.contains(s.id()) && !s.boundary() && !s.constant()) {
                out.add(s.id());
            }
        }
        return out;
    }

    /**
     * A species given as a concentration in a compartment whose size a rule changes: its amount
     * is kept while the size changes, so its concentration is a state even without reactions
     * (even a constant or boundary species: what stays constant is its amount, as the SBML Test
     * Suite reads it, cases 01117-01118).
     */
    private boolean dilutedByCompartment(Species s) {
        return !s.amountOnly() && s.compartment() != null && varyingCompartments.contains(s.compartment())
                && !assignmentRules.containsKey(s.id()) && !rateRules.containsKey(s.id());
    }

    /**
     * Whether an algebraic rule may determine this symbol (SBML L3V2 sec. 4.11.5): not constant,
     * not set by an assignment or rate rule, and not a species whose reactions or compartment
     * already make it a differential state.
     */
    private boolean determinableByAlgebraicRule(String id) {
        String kind = kindOf.get(id);
        if (kind == null || assignmentRules.containsKey(id) || rateRules.containsKey(id)) {
            return false;
        }
        switch (kind) {
            case "parameter":
                return model.parameter(id).map(p -> !p.constant()).orElse(false);
            case "compartment":
                return model.compartment(id).map(c -> !c.constant()).orElse(false);
            case "species": {
                Species s = model.speciesById(id).orElseThrow();
                return !s.constant() && !reactionDrivenSpecies().contains(id) && !dilutedByCompartment(s);
            }
            case STOICHIOMETRY:
                return true;
            default:
                return false;
        }
    }

    // ---- declarations -------------------------------------------------------------------

    private void declareSymbols() {
        model.compartments().forEach(c -> declare(c.id(), "compartment", c.metadata()));
        model.species().forEach(s -> declare(s.id(), "species", s.metadata()));
        model.parameters().forEach(p -> declare(p.id(), "parameter", p.metadata()));
        model.reactions().forEach(r -> declare(r.id(), "reaction", r.metadata()));
        model.speciesReferencesWithIds().forEach(ref -> declare(ref.id(), STOICHIOMETRY, Metadata.EMPTY));
        model.functions().forEach(f -> declare(f.id(), "function", f.metadata()));
        model.events().forEach(e -> declare(e.id(), "event", e.metadata()));
    }

    private void declare(String id, String kind, Metadata metadata) {
        String previous = kindOf.putIfAbsent(id, kind);
        if (previous != null) {
            problems.add("'" + id + "' is defined twice (as a " + previous + " and as a " + kind + ")");
        }
        if (id.equals(Builtins.TIME) || Builtins.isConstant(id)) {
            problems.add("'" + id + "' is a reserved name and cannot be declared as a " + kind);
        }
        metadataOf.putIfAbsent(id, metadata);
    }

    private void declareFunctions() {
        for (FunctionDefinition f : model.functions()) {
            functions.put(f.id(), f);
            if (Builtins.isFunction(f.id())) {
                problems.add("function '" + f.id() + "' has the name of a built-in function");
            }
            if (f.isExternal()) {
                ExternalFunction impl = options.functions().get(f.id());
                if (impl == null) {
                    problems.add("external function '" + f.id() + "' has no Java implementation registered for this model");
                } else if (impl.arity() != f.parameters().size()) {
                    problems.add("external function '" + f.id() + "' is declared with " + f.parameters().size()
                            + " arguments but its Java implementation takes " + impl.arity());
                }
            }
        }
    }

    private void collectRules() {
        for (Rule r : model.rules()) {
            if (r instanceof Rule.Algebraic a) {
                algebraicRules.add(a);
                continue;
            }
            String v = r.variable();
            Map<String, Rule> same = r instanceof Rule.Assignment ? assignmentRules : rateRules;
            Map<String, Rule> other = r instanceof Rule.Assignment ? rateRules : assignmentRules;
            if (same.containsKey(v)) {
                problems.add("'" + v + "' has two " + (r instanceof Rule.Assignment ? "assignment" : "rate") + " rules");
            } else if (other.containsKey(v)) {
                problems.add("'" + v + "' has both an assignment rule and a rate rule");
            } else {
                same.put(v, r);
            }
            String kind = kindOf.get(v);
            if (kind == null) {
                problems.add("rule for undeclared symbol '" + v + "'" + Suggestions.didYouMean(v, kindOf.keySet()));
            } else if (!kind.equals("species") && !kind.equals("parameter") && !kind.equals("compartment")
                    && !kind.equals(STOICHIOMETRY)) {
                problems.add("rule for '" + v + "', which is a " + kind
                        + "; only species, parameters, compartments and species references can have rules");
            } else if (isDeclaredConstant(v)) {
                problems.add("'" + v + "' is declared constant but has a rule; declare it var");
            }
        }
    }

    private boolean isDeclaredConstant(String id) {
        if (declaredConstant == null) { // by id, so that checking every rule stays linear in the model's size
            declaredConstant = new HashMap<>();
            for (Species sp : model.species()) {
                declaredConstant.putIfAbsent(sp.id(), sp.constant());
            }
            for (Parameter p : model.parameters()) {
                declaredConstant.put(p.id(), p.constant() && !Double.isNaN(p.value()));
            }
        }
        return declaredConstant.getOrDefault(id, false);
    }

    // ---- classification -----------------------------------------------------------------

    /** Makes a symbol an assigned value, a state (rate rule, algebraic, or species) or a parameter. */
    private void classify(String id, double value, boolean speciesState) {
        Rule a = assignmentRules.get(id);
        Rule r = rateRules.get(id);
        Rule.Algebraic g = algebraicOf.get(id);
        if (a != null) {
            assignedExpr.put(id, inline(a.expression(), "assignment rule for '" + id + "'"));
            assignedVar.put(id, variable(id, Variable.Kind.ASSIGNED, false));
        } else if (r != null) {
            states.add(variable(id, Variable.Kind.RATE_RULE, false));
            derivatives.add(inline(r.expression(), "rate rule for '" + id + "'"));
            stateDefaults.add(value);
        } else if (g != null) {
            // the residual of 0 = g; its initial value is a guess the simulation makes consistent
            states.add(variable(id, Variable.Kind.ALGEBRAIC, false));
            derivatives.add(inline(g.expression(), "algebraic rule 0 = " + ExprFormatter.format(g.expression())));
            stateDefaults.add(Double.isNaN(value) ? ("compartment".equals(kindOf.get(id)) ? 1 : 0) : value);
        } else if (speciesState) {
            states.add(variable(id, Variable.Kind.SPECIES, false));
            derivatives.add(null);
            stateDefaults.add(value);
        } else {
            // Constant in the layout means nothing inside the model changes it during a run.
            parameters.add(variable(id, Variable.Kind.PARAMETER, !eventTargets.contains(id)));
            parameterDefaults.add(value);
        }
    }

    private Variable variable(String id, Variable.Kind kind) {
        return variable(id, kind, false);
    }

    private Variable variable(String id, Variable.Kind kind, boolean constant) {
        Metadata m = metadataOf.getOrDefault(id, Metadata.EMPTY);
        return new Variable(id, kind, constant, m.displayName(), m.unit(), m.description());
    }

    private Set<String> speciesInReactions() {
        Set<String> out = new HashSet<>();
        for (Reaction r : model.reactions()) {
            r.reactants().forEach(s -> out.add(s.species()));
            r.products().forEach(s -> out.add(s.species()));
        }
        return out;
    }

    private Set<String> eventTargets() {
        Set<String> out = new HashSet<>();
        model.events().forEach(e -> e.assignments().forEach(a -> out.add(a.variable())));
        return out;
    }

    private void checkReactionSpecies(Reaction r) {
        List<SpeciesReference> all = new ArrayList<>(r.reactants());
        all.addAll(r.products());
        for (SpeciesReference s : all) {
            if (!"species".equals(kindOf.get(s.species()))) {
                problems.add("reaction '" + r.id() + "' uses '" + s.species() + "', which is not a species"
                        + Suggestions.didYouMean(s.species(), model.species().stream().map(Species::id).toList()));
            }
        }
    }

    /**
     * d[S]/dt = conversionFactor * sum(stoichiometry * rate) / compartment size (amount species: no
     * division). A stoichiometry with an id is read through its symbol, so rules and events can change it.
     */
    private Expr speciesDerivative(String speciesId) {
        if (reactionsOf == null) {
            reactionsOf = new HashMap<>();
            speciesById = new HashMap<>();
            for (Species sp : model.species()) {
                speciesById.putIfAbsent(sp.id(), sp);
            }
            for (Reaction r : model.reactions()) {
                Set<String> seen = new HashSet<>();
                for (SpeciesReference ref : r.reactants()) {
                    if (seen.add(ref.species())) {
                        reactionsOf.computeIfAbsent(ref.species(), k -> new ArrayList<>()).add(r);
                    }
                }
                for (SpeciesReference ref : r.products()) {
                    if (seen.add(ref.species())) {
                        reactionsOf.computeIfAbsent(ref.species(), k -> new ArrayList<>()).add(r);
                    }
                }
            }
        }
        Species s = speciesById.get(speciesId);
        Expr sum = null;
        boolean changedByReactions = !s.boundary() && !s.constant();
        for (Reaction r : changedByReactions ? reactionsOf.getOrDefault(speciesId, List.of()) : List.<Reaction>of()) {
            Expr coefficient = netStoichiometry(r, speciesId);
            if (coefficient == null) {
                continue;
            }
            boolean negative = coefficient instanceof Expr.Num n && n.value() < 0;
            Expr magnitude = negative ? new Expr.Num(-((Expr.Num) coefficient).value()) : coefficient;
            Expr term = magnitude instanceof Expr.Num n && n.value() == 1 ? new Expr.Sym(r.id())
                    : new Expr.Binary(Expr.BinaryOp.MUL, magnitude, new Expr.Sym(r.id()));
            if (sum == null) {
                sum = negative ? new Expr.Unary(Expr.UnaryOp.NEG, term) : term;
            } else {
                sum = new Expr.Binary(negative ? Expr.BinaryOp.SUB : Expr.BinaryOp.ADD, sum, term);
            }
        }
        boolean diluted = dilutedByCompartment(s);
        if (sum == null && !diluted) {
            return Expr.Num.ZERO;
        }
        if (sum == null) {
            return dilution(s);
        }
        String factor = s.conversionFactor() != null ? s.conversionFactor() : model.conversionFactor();
        if (factor != null) {
            if (!"parameter".equals(kindOf.get(factor))) {
                problems.add("conversion factor '" + factor + "' of species '" + speciesId + "' is not a parameter"
                        + Suggestions.didYouMean(factor, model.parameters().stream().map(Parameter::id).toList()));
            }
            sum = new Expr.Binary(Expr.BinaryOp.MUL, new Expr.Sym(factor), sum);
        }
        if (!s.amountOnly() && s.compartment() != null) {
            sum = new Expr.Binary(Expr.BinaryOp.DIV, sum, new Expr.Sym(s.compartment()));
        }
        return diluted ? new Expr.Binary(Expr.BinaryOp.ADD, sum, dilution(s)) : sum;
    }

    /**
     * d[S]/dt from a changing compartment at constant amount n = [S] V: d(n/V)/dt = -[S] (dV/dt) / V,
     * with dV/dt as {@code rateOf(V)}.
     */
    private static Expr dilution(Species s) {
        Expr v = new Expr.Sym(s.compartment());
        return new Expr.Unary(Expr.UnaryOp.NEG, new Expr.Binary(Expr.BinaryOp.DIV,
                new Expr.Binary(Expr.BinaryOp.MUL, new Expr.Sym(s.id()), Expr.call(Builtins.RATE_OF, v)), v));
    }

    /**
     * The species' net stoichiometry in a reaction (products minus reactants): a number when every
     * reference to it is a fixed coefficient, an expression over the reference ids otherwise, and
     * {@code null} when the reaction does not change it.
     */
    private static Expr netStoichiometry(Reaction r, String speciesId) {
        double net = 0;
        Expr symbolic = null;
        for (int side = 0; side < 2; side++) {
            boolean product = side == 0;
            for (SpeciesReference ref : product ? r.products() : r.reactants()) {
                if (!ref.species().equals(speciesId)) {
                    continue;
                }
                if (ref.id() == null) {
                    net += product ? ref.stoichiometry() : -ref.stoichiometry();
                } else {
                    Expr sym = new Expr.Sym(ref.id());
                    symbolic = symbolic == null ? (product ? sym : new Expr.Unary(Expr.UnaryOp.NEG, sym))
                            : new Expr.Binary(product ? Expr.BinaryOp.ADD : Expr.BinaryOp.SUB, symbolic, sym);
                }
            }
        }
        if (symbolic == null) {
            return net == 0 ? null : new Expr.Num(net);
        }
        return net == 0 ? symbolic : new Expr.Binary(Expr.BinaryOp.ADD, symbolic, new Expr.Num(net));
    }

    // ---- expressions --------------------------------------------------------------------

    private Expr inline(Expr e, String where) {
        if (e != null && !functions.isEmpty()) {
            double size = inlinedSize.of(e);
            if (size > Limits.MAX_INLINED_NODES) {
                problems.add(where + " would have " + String.format(java.util.Locale.ROOT, "%.3g", size)
                        + " nodes once its function calls are inlined; the limit is " + Limits.MAX_INLINED_NODES
                        + " (see docs/limits.md): a function probably calls another several times, many levels deep");
                return Expr.Num.ZERO;
            }
        }
        return inline(e, where, new ArrayDeque<>());
    }

    private Expr inline(Expr e, String where, Deque<String> stack) {
        if (e == null) {
            problems.add(where + " has no expression");
            return Expr.Num.ZERO;
        }
        return Exprs.mapCalls(e, call -> {
            String f = call.function();
            FunctionDefinition def = functions.get(f);
            if (def == null) {
                if (!Builtins.isFunction(f)) {
                    List<String> known = new ArrayList<>(Builtins.functionNames());
                    known.addAll(functions.keySet());
                    problems.add(where + " calls unknown function '" + f + "'" + Suggestions.didYouMean(f, known));
                } else if (!Builtins.acceptsArity(f, call.args().size())) {
                    problems.add(where + " calls " + f + " with " + call.args().size() + " arguments; it takes "
                            + Builtins.arityText(f));
                }
                return call;
            }
            if (def.parameters().size() != call.args().size()) {
                problems.add(where + " calls " + f + " with " + call.args().size() + " arguments; it takes "
                        + def.parameters().size());
                return call;
            }
            if (def.isExternal()) {
                return call;
            }
            if (stack.contains(f)) {
                problems.add("function '" + f + "' calls itself (through " + String.join(" -> ", stack) + ")");
                return Expr.Num.ZERO;
            }
            Map<String, Expr> bind = new HashMap<>();
            for (int i = 0; i < def.parameters().size(); i++) {
                bind.put(def.parameters().get(i), call.args().get(i));
            }
            stack.push(f);
            // Substitute the whole body in one pass, so an argument naming another parameter is not re-bound.
            Expr body = inline(Exprs.substitute(def.body(), bind), where, stack);
            stack.pop();
            return body;
        });
    }

    private void checkUndefined(List<Expr> derivatives, Map<String, Expr> assignedExpr, Set<String> defined) {
        Set<String> reported = new HashSet<>();
        for (Expr d : derivatives) {
            checkSymbols(d, "a state equation", defined, reported);
        }
        assignedExpr.forEach((id, e) -> checkSymbols(e, "the definition of '" + id + "'", defined, reported));
    }

    private void checkSymbols(Expr e, String where, Set<String> defined, Set<String> reported) {
        if (e == null) {
            return;
        }
        for (String s : Exprs.symbols(e)) {
            if (defined.contains(s) || s.equals(Builtins.TIME) || Builtins.isConstant(s)) {
                continue;
            }
            if (reported.add(s)) {
                String hint = functions.containsKey(s) ? " ('" + s + "' is a function; call it with arguments)"
                        : Suggestions.didYouMean(s, defined);
                problems.add("undefined symbol '" + s + "' in " + where + hint);
            }
        }
    }

    /** Topological order of assignment rules and reaction rates; reports cycles. */
    private List<String> orderAssigned(Map<String, Expr> assignedExpr) {
        List<String> order = new ArrayList<>();
        Map<String, Integer> mark = new HashMap<>();
        for (String id : assignedExpr.keySet()) {
            visit(id, assignedExpr, mark, order, new ArrayDeque<>());
        }
        return order;
    }

    private void visit(String id, Map<String, Expr> exprs, Map<String, Integer> mark, List<String> order, Deque<String> path) {
        Integer m = mark.get(id);
        if (m != null && m == 2) {
            return;
        }
        if (m != null && m == 1) {
            List<String> cycle = new ArrayList<>();
            boolean in = false;
            for (java.util.Iterator<String> it = path.descendingIterator(); it.hasNext(); ) {
                String s = it.next();
                in |= s.equals(id);
                if (in) {
                    cycle.add(s);
                }
            }
            cycle.add(id);
            problems.add("assignment rules form a cycle: " + String.join(" -> ", cycle));
            return;
        }
        mark.put(id, 1);
        path.push(id);
        for (String dep : Exprs.symbols(exprs.get(id))) {
            if (exprs.containsKey(dep)) {
                visit(dep, exprs, mark, order, path);
            }
        }
        path.pop();
        mark.put(id, 2);
        order.add(id);
    }

    /** Initial assignments ordered so each sees the values it depends on (through rules too). */
    private List<FlatSystem.Init> initialAssignments(Set<String> defined) {
        Map<String, Expr> exprs = new LinkedHashMap<>();
        Set<String> reported = new HashSet<>();
        for (InitialAssignment ia : model.initialAssignments()) {
            String target = ia.symbol();
            if (!kindOf.containsKey(target)) {
                problems.add("initial assignment to undeclared symbol '" + target + "'" + Suggestions.didYouMean(target, defined));
                continue;
            }
            if (assignedExpr.containsKey(target)) {
                problems.add("'" + target + "' has both an assignment rule and an initial assignment");
                continue;
            }
            if (exprs.containsKey(target)) {
                problems.add("'" + target + "' has two initial assignments");
                continue;
            }
            Expr e = inline(ia.expression(), "initial assignment of '" + target + "'");
            checkSymbols(e, "the initial assignment of '" + target + "'", defined, reported);
            exprs.put(target, e);
        }
        Map<String, Set<String>> deps = new HashMap<>();
        for (Map.Entry<String, Expr> en : exprs.entrySet()) {
            deps.put(en.getKey(), expandThroughRules(en.getValue(), assignedExpr));
        }
        List<FlatSystem.Init> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> pending = new LinkedHashSet<>(exprs.keySet());
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (java.util.Iterator<String> it = pending.iterator(); it.hasNext(); ) {
                String target = it.next();
                boolean ready = true;
                for (String d : deps.get(target)) {
                    if (exprs.containsKey(d) && !done.contains(d) && !d.equals(target)) {
                        ready = false;
                        break;
                    }
                }
                if (ready) {
                    ordered.add(new FlatSystem.Init(target, exprs.get(target)));
                    done.add(target);
                    it.remove();
                    progress = true;
                }
            }
            if (!progress) {
                problems.add("initial assignments depend on each other in a cycle: " + String.join(", ", pending));
                break;
            }
        }
        return ordered;
    }

    private static Set<String> expandThroughRules(Expr e, Map<String, Expr> assignedExpr) {
        Set<String> out = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(Exprs.symbols(e));
        while (!todo.isEmpty()) {
            String s = todo.pop();
            if (out.add(s) && assignedExpr.containsKey(s)) {
                todo.addAll(Exprs.symbols(assignedExpr.get(s)));
            }
        }
        return out;
    }

    private void checkValues(List<FlatSystem.Init> inits) {
        Set<String> initialised = new HashSet<>();
        inits.forEach(i -> initialised.add(i.target()));
        for (int i = 0; i < states.size(); i++) {
            if (Double.isNaN(stateDefaults.get(i)) && !initialised.contains(states.get(i).id())) {
                problems.add(kindOf.get(states.get(i).id()) + " '" + states.get(i).id() + "' has no initial value");
            }
        }
        for (int i = 0; i < parameters.size(); i++) {
            if (Double.isNaN(parameterDefaults.get(i)) && !initialised.contains(parameters.get(i).id())) {
                problems.add(kindOf.get(parameters.get(i).id()) + " '" + parameters.get(i).id() + "' has no value");
            }
        }
    }

    // ---- events -------------------------------------------------------------------------

    private List<FlatSystem.FlatEvent> events(Set<String> assigned, Set<String> defined) {
        Set<String> writable = new HashSet<>();
        states.forEach(v -> writable.add(v.id()));
        parameters.forEach(v -> writable.add(v.id()));
        Set<String> reported = new HashSet<>();
        List<FlatSystem.FlatEvent> out = new ArrayList<>();
        for (Event e : model.events()) {
            String where = "event '" + e.id() + "'";
            Expr trigger = inline(e.trigger(), "trigger of " + where);
            checkSymbols(trigger, "the trigger of " + where, defined, reported);
            Expr delay = e.delay() == null ? null : inline(e.delay(), "delay of " + where);
            Expr priority = e.priority() == null ? null : inline(e.priority(), "priority of " + where);
            List<String> targets = new ArrayList<>();
            List<Expr> values = new ArrayList<>();
            for (Event.Assignment a : e.assignments()) {
                String v = a.variable();
                if (assigned.contains(v)) {
                    problems.add(where + " sets '" + v + "', which is defined by an assignment rule");
                } else if (!writable.contains(v)) {
                    problems.add(where + " sets '" + v + "', which is not a species, parameter or compartment of the model"
                            + Suggestions.didYouMean(v, writable));
                } else if (isDeclaredConstant(v)) {
                    problems.add(where + " sets '" + v + "', which is declared constant; declare it var");
                }
                Expr value = inline(a.expression(), "assignment to '" + v + "' in " + where);
                checkSymbols(value, "an assignment of " + where, defined, reported);
                targets.add(v);
                values.add(value);
            }
            out.add(new FlatSystem.FlatEvent(e.id(), trigger, guards(trigger), delay, priority, targets, values,
                    e.persistent(), e.initialValue(), e.useValuesFromTriggerTime(), rescales(targets)));
        }
        return out;
    }

    /**
     * An event that resizes a compartment keeps the amounts of the species in it (SBML L3V2 sec.
     * 4.12.7): each species given as a concentration and not set by a rule is rescaled by old
     * size / new size when the event executes. A concentration the same event assigns is a
     * concentration in the old size, then rescaled too (the SBML Test Suite's reading, case 01779).
     */
    private List<FlatSystem.Rescale> rescales(List<String> targets) {
        List<FlatSystem.Rescale> out = new ArrayList<>();
        Set<String> resized = new java.util.LinkedHashSet<>();
        for (String target : targets) {
            if ("compartment".equals(kindOf.get(target))) {
                resized.add(target);
            }
        }
        // a compartment an assignment rule sizes may change with anything the event sets
        model.compartments().stream().filter(c -> assignmentRules.containsKey(c.id())).forEach(c -> resized.add(c.id()));
        for (String target : resized) {
            for (Species s : model.species()) {
                if (target.equals(s.compartment()) && !s.amountOnly()
                        && !assignmentRules.containsKey(s.id()) && !algebraicOf.containsKey(s.id())) {
                    out.add(new FlatSystem.Rescale(s.id(), target));
                }
            }
        }
        return out;
    }

    /** Every comparison in a trigger becomes a continuous guard {@code left - right}. */
    static List<Expr> guards(Expr trigger) {
        List<Expr> out = new ArrayList<>();
        Exprs.walk(trigger, node -> {
            if (node instanceof Expr.Binary b && b.op().isComparison()) {
                out.add(new Expr.Binary(Expr.BinaryOp.SUB, b.left(), b.right()));
            } else if (node instanceof Expr.Call c && c.args().size() == 2
                    && List.of("lt", "leq", "gt", "geq", "eq", "neq").contains(c.function())) {
                out.add(new Expr.Binary(Expr.BinaryOp.SUB, c.args().get(0), c.args().get(1)));
            }
        });
        if (out.isEmpty()) {
            out.add(trigger);
        }
        return out;
    }

    private Map<String, ExternalFunction> externalsUsed() {
        Map<String, ExternalFunction> out = new HashMap<>();
        for (FunctionDefinition f : model.functions()) {
            if (f.isExternal() && options.functions().containsKey(f.id())) {
                out.put(f.id(), options.functions().get(f.id()));
            }
        }
        return out;
    }

    private static double[] unbox(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
