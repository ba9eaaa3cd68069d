package org.osteon.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.antlr.v4.runtime.Token;
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
import org.osteon.model.UnitDefinition;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.Exprs;

/**
 * Everything the text says about each flat name, and the {@link Model} made of it. A definition
 * (value, initial assignment, rule) made in a shallower model replaces one made in a submodel;
 * between equally deep ones the later wins.
 */
final class Entries {
    enum Kind {
        VARIABLE("a variable"), SPECIES("a species"), COMPARTMENT("a compartment"),
        REACTION("a reaction"), EVENT("an event"), FUNCTION("a function"), SUBMODEL("a submodel");

        final String noun;

        Kind(String noun) {
            this.noun = noun;
        }

        boolean namesAnElement() {
            return this == REACTION || this == EVENT || this == FUNCTION || this == SUBMODEL;
        }
    }

    /** An initial value or rule, with where it was made (to decide which one wins). */
    record Definition(Expr expr, boolean literal, int scopeDepth, int seq, Token at) {
        boolean replaces(Definition other) {
            return other == null || scopeDepth <= other.scopeDepth;
        }
    }

    /** Everything the text says about one name. */
    static final class Entry {
        final String id;
        final Token firstMention;
        Kind kind = Kind.VARIABLE;
        Token kindAt;
        Token variableUse;
        int declaredOrder = Integer.MAX_VALUE;
        Boolean constant;
        Token constantAt;
        boolean boundary;
        boolean amountOnly;
        boolean targeted;
        String compartment;
        Metadata metadata = Metadata.EMPTY;
        /** The value ({@code k = 3}) and the initial assignment ({@code k = 2*j}): SBML keeps both. */
        Definition value;
        Definition assignment;
        Definition rule;
        boolean assignmentRule;
        Token emptyValue;

        Entry(String id, Token firstMention) {
            this.id = id;
            this.firstMention = firstMention;
        }
    }

    record SpeciesRefDraft(SpeciesReference reference, Token name) {
    }

    private record ReactionDraft(Token at, String id, List<SpeciesRefDraft> reactants, List<SpeciesRefDraft> products,
                                 Expr rate, boolean reversible, Token missingRate, Scope scope) {
    }

    private record EventDraft(Token at, String id, Expr trigger, Expr delay, List<Event.Assignment> assignments,
                              Expr priority, boolean persistent, boolean initialValue, boolean fromTrigger,
                              Scope scope) {
    }

    private record FunctionDraft(String id, List<String> parameters, Expr body) {
    }

    private record MetadataChange(String id, Token at, UnaryOperator<Metadata> change) {
    }

    private record Target(String id, Token at, String by) {
    }

    final Synonyms synonyms = new Synonyms();
    private final Problems problems;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, UnitDefinition> units = new LinkedHashMap<>();
    private final Map<String, Token> unitAt = new HashMap<>();
    private final List<FunctionDraft> functions = new ArrayList<>();
    private final List<ReactionDraft> reactions = new ArrayList<>();
    private final Map<String, Definition> reactionRates = new HashMap<>();
    private final List<EventDraft> events = new ArrayList<>();
    private final Set<String> initialAssignmentOrder = new LinkedHashSet<>();
    private final List<MetadataChange> metadataChanges = new ArrayList<>();
    private final List<UnaryOperator<Metadata>> modelMetadataChanges = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<Definition> algebraic = new ArrayList<>();
    private int seq;

    Entries(Problems problems) {
        this.problems = problems;
    }

    // ------------------------------------------------------------------ recording

    Entry mention(Token name) {
        return entries.computeIfAbsent(name.getText(), id -> new Entry(id, name));
    }

    void declared(Entry e, Token at) {
        e.declaredOrder = Math.min(e.declaredOrder, at.getTokenIndex());
    }

    boolean useAsVariable(Entry e, Token at, String action) {
        if (e.kind.namesAnElement()) {
            problems.add(at, "'" + e.id + "' is " + e.kind.noun + " (line " + e.kindAt.getLine() + ") and cannot "
                    + action);
            return false;
        }
        if (e.variableUse == null) {
            e.variableUse = at;
        }
        return true;
    }

    boolean declareKind(Entry e, Kind kind, Token at) {
        if (e.kind == Kind.VARIABLE) {
            if (kind.namesAnElement() && e.variableUse != null) {
                problems.add(at, "'" + e.id + "' is already used as a variable (line " + e.variableUse.getLine()
                        + ") and cannot also name " + kind.noun);
                return false;
            }
            e.kind = kind;
            e.kindAt = at;
            return true;
        }
        if (e.kind == kind) {
            if (!kind.namesAnElement()) {
                return true;
            }
            String what = kind == Kind.REACTION ? "reaction id" : kind == Kind.EVENT ? "event id"
                    : kind == Kind.SUBMODEL ? "submodel name" : "function name";
            problems.add(at, "duplicate " + what + " '" + e.id + "': already used at line " + e.kindAt.getLine());
            return false;
        }
        problems.add(at, "'" + e.id + "' is already " + e.kind.noun + " (line " + e.kindAt.getLine()
                + ") and cannot also be " + kind.noun);
        return false;
    }

    void placeIn(Entry species, Token compartment) {
        Entry c = mention(compartment);
        if (useAsVariable(c, compartment, "contain species") && declareKind(c, Kind.COMPARTMENT, compartment)) {
            species.compartment = c.id;
        }
    }

    void target(Entry e, Token at, String by) {
        e.targeted = true;
        targets.add(new Target(e.id, at, by));
    }

    /** A literal replaces the value and drops the initial assignment; an expression replaces the assignment. */
    void initial(Entry e, Expr x, boolean literal, Scope scope) {
        Definition d = new Definition(x, literal, scope.depth(), ++seq, null);
        e.emptyValue = null;
        if (literal) {
            if (d.replaces(e.value)) {
                e.value = d;
            }
            if (d.replaces(e.assignment)) {
                e.assignment = null;
                initialAssignmentOrder.remove(e.id);
            }
        } else if (d.replaces(e.assignment)) {
            e.assignment = d;
            initialAssignmentOrder.add(e.id);
        }
    }

    /** {@code A.x = ;} in a parent: the submodel's value of x is removed. */
    void clearValue(Entry e, Scope scope) {
        Definition d = new Definition(null, true, scope.depth(), ++seq, null);
        if (d.replaces(e.value)) {
            e.value = d;
        }
        if (d.replaces(e.assignment)) {
            e.assignment = null;
            initialAssignmentOrder.remove(e.id);
        }
    }

    /** {@code x = ;}: libAntimony's way of writing a value it has no math for. */
    void emptyValue(Entry e, Token at) {
        if (e.value == null && e.assignment == null) {
            e.emptyValue = at;
        }
    }

    void rule(Entry e, Token at, boolean assignment, Expr x, Scope scope) {
        Definition d = new Definition(x, false, scope.depth(), ++seq, at);
        Definition old = e.rule;
        if (old != null && old.expr() != null && old.scopeDepth() == d.scopeDepth()) {
            String kind = assignment ? "an assignment rule" : "a rate rule";
            if (e.assignmentRule == assignment) {
                problems.add(at, "'" + e.id + "' already has " + kind + " (line " + old.at().getLine()
                        + "): a symbol can have only one");
            } else {
                problems.add(at, "'" + e.id + "' already has " + (assignment ? "a rate rule" : "an assignment rule")
                        + " (line " + old.at().getLine() + "): a symbol cannot also have " + kind);
            }
            return;
        }
        if (!d.replaces(old)) {
            return;
        }
        e.rule = d;
        e.assignmentRule = assignment;
        target(e, at, "a rule");
    }

    /** {@code A.x := ;} or {@code A.x' = ;} in a parent: the submodel's rule for x is removed. */
    void clearRule(Entry e, boolean assignment, Scope scope) {
        Definition d = new Definition(null, false, scope.depth(), ++seq, null);
        if (d.replaces(e.rule) && (e.rule == null || e.assignmentRule == assignment)) {
            e.rule = d;
            e.assignmentRule = assignment;
        }
    }

    /** {@code 0 = f}: an algebraic rule. */
    void algebraic(Expr x, Scope scope) {
        algebraic.add(new Definition(x, false, scope.depth(), ++seq, null));
    }

    void unit(Token name, UnitDefinition d) {
        String id = name.getText();
        if (unitAt.containsKey(id) && units.containsKey(id)) {
            problems.add(name, "unit '" + id + "' is already defined at line " + unitAt.get(id).getLine());
            return;
        }
        unitAt.put(id, name);
        units.put(id, d);
    }

    /** {@code unit u} without a definition: a name metadata may refer to. */
    void unitDeclared(Token name) {
        unitAt.putIfAbsent(name.getText(), name);
    }

    void function(String id, List<String> parameters, Expr body) {
        functions.add(new FunctionDraft(id, parameters, body));
    }

    void reaction(Token at, String id, List<SpeciesRefDraft> reactants, List<SpeciesRefDraft> products, Expr rate,
                  boolean reversible, Token missingRate, Scope scope) {
        reactions.add(new ReactionDraft(at, id, reactants, products, rate, reversible, missingRate, scope));
    }

    /** {@code J0 = k*A}: the rate of reaction J0. */
    void reactionRate(String id, Expr rate, Scope scope) {
        Definition d = new Definition(rate, false, scope.depth(), ++seq, null);
        if (d.replaces(reactionRates.get(id))) {
            reactionRates.put(id, d);
        }
    }

    void event(Token at, String id, Expr trigger, Expr delay, List<Event.Assignment> assignments, Expr priority,
               boolean persistent, boolean initialValue, boolean fromTrigger, Scope scope) {
        events.add(new EventDraft(at, id, trigger, delay, assignments, priority, persistent, initialValue,
                fromTrigger, scope));
    }

    void metadata(String id, Token at, UnaryOperator<Metadata> change) {
        metadataChanges.add(new MetadataChange(id, at, change));
    }

    void modelMetadata(UnaryOperator<Metadata> change) {
        modelMetadataChanges.add(change);
    }

    // ------------------------------------------------------------------ the model

    Model build(String modelId) {
        List<ReactionDraft> namedReactions = new ArrayList<>();
        Map<String, int[]> counters = new HashMap<>();
        for (ReactionDraft r : reactions) {
            namedReactions.add(r.id() != null ? r : new ReactionDraft(r.at(), fresh(r.scope().prefix() + "_J", counters,
                    Kind.REACTION, r.at()), r.reactants(), r.products(), r.rate(), r.reversible(), r.missingRate(),
                    r.scope()));
        }
        List<EventDraft> namedEvents = new ArrayList<>();
        for (EventDraft e : events) {
            namedEvents.add(e.id() != null ? e : new EventDraft(e.at(), fresh(e.scope().prefix() + "_E", counters,
                    Kind.EVENT, e.at()), e.trigger(), e.delay(), e.assignments(), e.priority(), e.persistent(),
                    e.initialValue(), e.fromTrigger(), e.scope()));
        }
        Metadata modelMetadata = applyMetadata(modelId);
        checkTargets();
        Entry clash = entries.get(modelId);
        if (clash != null) {
            problems.add(clash.firstMention, "'" + modelId + "' is the name of the model and cannot also name "
                    + (clash.kind == Kind.VARIABLE ? "a variable" : clash.kind.noun));
        }
        merge();
        Set<String> referenceIds = new HashSet<>();
        for (ReactionDraft r : reactions) {
            for (SpeciesRefDraft d : r.reactants()) {
                if (d.name() != null) {
                    referenceIds.add(canonical(d.name().getText()));
                }
            }
            for (SpeciesRefDraft d : r.products()) {
                if (d.name() != null) {
                    referenceIds.add(canonical(d.name().getText()));
                }
            }
        }

        List<Compartment> compartments = new ArrayList<>();
        List<Species> species = new ArrayList<>();
        List<Entry> parameterEntries = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.kind == Kind.COMPARTMENT || e.kind == Kind.VARIABLE) {
                warnEmpty(e);
            }
            if (e.kind == Kind.COMPARTMENT) {
                compartments.add(new Compartment(e.id, value(e), constant(e, !e.targeted), e.metadata));
            } else if (e.kind == Kind.SPECIES) {
                species.add(new Species(e.id, e.compartment == null ? null : canonical(e.compartment),
                        speciesValue(e), e.amountOnly, e.boundary, constant(e, false), e.metadata));
            } else if (e.kind == Kind.VARIABLE && !referenceIds.contains(e.id)) {
                parameterEntries.add(e);
            }
        }
        parameterEntries.sort(Comparator.comparingInt(e -> e.declaredOrder != Integer.MAX_VALUE
                ? e.declaredOrder : e.firstMention.getTokenIndex()));
        List<Parameter> parameters = parameterEntries.stream()
                .map(e -> new Parameter(e.id, value(e), constant(e, !e.targeted), e.metadata)).toList();
        List<InitialAssignment> assignments = new ArrayList<>();
        for (String id : initialAssignmentOrder) {
            Entry e = entries.get(canonical(id));
            if (e != null && e.id.equals(id) && e.assignment != null) {
                assignments.add(new InitialAssignment(id, rename(e.assignment.expr())));
            }
        }
        List<Map.Entry<Integer, Rule>> ordered = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.rule != null && e.rule.expr() != null) {
                ordered.add(Map.entry(e.rule.seq(), e.assignmentRule ? new Rule.Assignment(e.id, rename(e.rule.expr()))
                        : new Rule.Rate(e.id, rename(e.rule.expr()))));
            }
        }
        algebraic.forEach(d -> ordered.add(Map.entry(d.seq(), new Rule.Algebraic(rename(d.expr())))));
        ordered.sort(Map.Entry.comparingByKey());
        List<Rule> rules = ordered.stream().map(Map.Entry::getValue).toList();
        List<Reaction> reactionList = new ArrayList<>();
        for (ReactionDraft r : namedReactions) {
            Definition override = reactionRates.get(r.id());
            Expr rate = override != null ? override.expr() : r.rate();
            if (rate == null) {
                problems.add(r.missingRate() == null ? r.at() : next(r.missingRate()),
                        "expected a rate law after ';', found the end of the line");
                continue;
            }
            reactionList.add(new Reaction(r.id(), refs(r.reactants()), refs(r.products()), rename(rate), r.reversible(),
                    metadata(r.id())));
        }
        List<Event> eventList = namedEvents.stream()
                .map(e -> new Event(e.id(), rename(e.trigger()), rename(e.delay()), e.assignments().stream()
                        .map(a -> new Event.Assignment(canonical(a.variable()), rename(a.expression()))).toList(),
                        rename(e.priority()), e.persistent(), e.initialValue(), e.fromTrigger(), metadata(e.id())))
                .toList();
        List<FunctionDefinition> functionList = functions.stream()
                .map(f -> new FunctionDefinition(f.id(), f.parameters(), f.body(), metadata(f.id()))).toList();
        return new Model(modelId, modelMetadata, List.copyOf(units.values()), functionList, compartments, species,
                parameters, assignments, rules, reactionList, eventList);
    }

    /** The token after {@code t}'s text, for "found the end of the line" right after a ';'. */
    private static Token next(Token t) {
        org.antlr.v4.runtime.CommonToken n = new org.antlr.v4.runtime.CommonToken(t);
        n.setCharPositionInLine(t.getCharPositionInLine() + t.getText().length());
        return n;
    }

    private void warnEmpty(Entry e) {
        if (e.emptyValue != null && !hasValue(e) && e.assignment == null && e.rule == null) {
            problems.warn(e.emptyValue, "'" + e.id + " = ;' gives '" + e.id + "' no value (libAntimony writes this "
                    + "for math missing in SBML): it stays unset");
        }
    }

    private static boolean hasValue(Entry e) {
        return e.value != null && e.value.expr() != null;
    }

    private static double value(Entry e) {
        return hasValue(e) ? ((Expr.Num) e.value.expr()).value() : Double.NaN;
    }

    /** Tellurium's convention: a species nothing gives a value starts at 0. */
    private double speciesValue(Entry e) {
        boolean setOtherwise = hasValue(e) || e.assignment != null
                || e.rule != null && e.rule.expr() != null && e.assignmentRule;
        if (!setOtherwise) {
            problems.warn(e.emptyValue != null ? e.emptyValue : e.firstMention, "species '" + e.id
                    + "' has no initial value: it starts at 0 (tellurium's convention)");
            return 0;
        }
        return value(e);
    }

    /**
     * A named stoichiometry ({@code n S}) is a species reference with id n: n's value is the
     * coefficient; an initial assignment, rule or event on n sets it (NaN here). Nothing setting
     * it means 1, libAntimony's default, with a warning.
     */
    private List<SpeciesReference> refs(List<SpeciesRefDraft> drafts) {
        List<SpeciesReference> out = new ArrayList<>();
        for (SpeciesRefDraft d : drafts) {
            String species = canonical(d.reference().species());
            if (d.name() == null) {
                out.add(new SpeciesReference(species, d.reference().stoichiometry()));
                continue;
            }
            String id = canonical(d.name().getText());
            Entry named = entries.get(id);
            double stoichiometry = Double.NaN;
            if (hasValue(named)) {
                stoichiometry = value(named);
            } else if (named.assignment == null && (named.rule == null || named.rule.expr() == null)
                    && !named.targeted) {
                problems.warn(d.name(), "stoichiometry '" + id + "' has no value: it is 1 (libAntimony's default)");
                stoichiometry = 1;
            }
            if (Double.isInfinite(stoichiometry)) {
                problems.add(d.name(), "expected a finite stoichiometry for '" + id + "', found " + stoichiometry);
                continue;
            }
            out.add(new SpeciesReference(species, stoichiometry, id));
        }
        return out;
    }

    private static boolean constant(Entry e, boolean byDefault) {
        return e.constant != null ? e.constant : byDefault;
    }

    private Metadata metadata(String id) {
        Entry e = entries.get(id);
        return e == null ? Metadata.EMPTY : e.metadata;
    }

    private String fresh(String prefix, Map<String, int[]> counters, Kind kind, Token at) {
        int[] next = counters.computeIfAbsent(prefix, p -> new int[1]);
        String id;
        do {
            id = prefix + next[0]++;
        } while (entries.containsKey(id));
        Entry e = new Entry(id, at);
        e.kind = kind;
        e.kindAt = at;
        entries.put(id, e);
        return id;
    }

    private Metadata applyMetadata(String modelId) {
        Metadata model = Metadata.EMPTY;
        for (UnaryOperator<Metadata> change : modelMetadataChanges) {
            model = change.apply(model);
        }
        for (MetadataChange c : metadataChanges) {
            Entry e = entries.get(c.id());
            if (e != null) {
                e.metadata = c.change().apply(e.metadata);
            } else if (c.id().equals(modelId)) {
                model = c.change().apply(model);
            } else if (unitAt.containsKey(c.id())) {
                continue; // units carry no metadata in a Model; libAntimony writes their display names
            } else if (!problems.hasSyntaxErrors()) {
                // with a syntax error the declaration may sit on the line that failed
                problems.add(c.at(), "metadata for undeclared symbol '" + c.id() + "'");
            }
        }
        return model;
    }

    private void checkTargets() {
        for (Target t : targets) {
            Entry e = entries.get(t.id());
            if (Boolean.TRUE.equals(e.constant)) {
                problems.add(t.at(), "'" + t.id() + "' is declared const (line " + e.constantAt.getLine()
                        + ") and cannot be changed by " + t.by());
            }
        }
    }

    // ------------------------------------------------------------------ synonyms

    private String canonical(String id) {
        return synonyms.isEmpty() ? id : synonyms.canonical(id);
    }

    private Expr rename(Expr x) {
        if (x == null || synonyms.isEmpty()) {
            return x;
        }
        return Exprs.mapSymbols(x, s -> {
            String c = synonyms.canonical(s.name());
            return c.equals(s.name()) ? s : new Expr.Sym(c);
        });
    }

    /** Folds every name joined by {@code is} into the surviving one. */
    private void merge() {
        if (synonyms.isEmpty()) {
            return;
        }
        for (Entry e : new ArrayList<>(entries.values())) {
            String c = synonyms.canonical(e.id);
            if (c.equals(e.id)) {
                continue;
            }
            Entry into = entries.computeIfAbsent(c, id -> {
                Entry n = new Entry(id, e.firstMention);
                n.declaredOrder = e.declaredOrder;
                return n;
            });
            fold(e, into);
            entries.remove(e.id);
            if (initialAssignmentOrder.remove(e.id) && into.assignment == e.assignment) {
                initialAssignmentOrder.add(into.id);
            }
        }
    }

    private void fold(Entry from, Entry into) {
        if (from.kind != Kind.VARIABLE) {
            if (into.kind == Kind.VARIABLE) {
                into.kind = from.kind;
                into.kindAt = from.kindAt;
            } else if (into.kind != from.kind) {
                problems.add(from.firstMention, "'" + from.id + "' is " + from.kind.noun + " and cannot be the same as "
                        + into.kind.noun + " '" + into.id + "'");
            }
        }
        into.declaredOrder = Math.min(into.declaredOrder, from.declaredOrder);
        if (into.constant == null) {
            into.constant = from.constant;
            into.constantAt = from.constantAt;
        }
        into.boundary |= from.boundary;
        into.amountOnly |= from.amountOnly;
        into.targeted |= from.targeted;
        if (into.compartment == null) {
            into.compartment = from.compartment;
        }
        Metadata m = from.metadata;
        for (Map.Entry<String, String> a : into.metadata.attributes().entrySet()) {
            m = m.withAttribute(a.getKey(), a.getValue());
        }
        into.metadata = new Metadata(into.metadata.displayName() != null ? into.metadata.displayName()
                : m.displayName(), into.metadata.unit() != null ? into.metadata.unit() : m.unit(), m.attributes());
        if (from.value != null && (into.value == null || from.value.scopeDepth() < into.value.scopeDepth())) {
            into.value = from.value;
        }
        if (from.assignment != null
                && (into.assignment == null || from.assignment.scopeDepth() < into.assignment.scopeDepth())) {
            into.assignment = from.assignment;
        }
        if (from.rule != null && (into.rule == null || from.rule.scopeDepth() < into.rule.scopeDepth())) {
            into.rule = from.rule;
            into.assignmentRule = from.assignmentRule;
        }
        if (into.emptyValue == null) {
            into.emptyValue = from.emptyValue;
        }
    }
}
