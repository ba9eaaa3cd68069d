package org.osteon.text;

import static org.osteon.text.antlr.AntimonyParser.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
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

/**
 * Turns a parse tree into a {@link Model}, applying Antimony's meaning: what a symbol is follows
 * from every statement that mentions it, wherever it is in the file, and later values replace
 * earlier ones.
 *
 * <p>List order: species and compartments in order of first mention; parameters in order of
 * their first declaration or value ({@code k = 1}, {@code var k}), or else of their first use as
 * a rule or event target. So a writer may put parameter values after the rules, as Antimony's own
 * output does, and still get its parameter order back.
 */
final class ModelAssembler {
    private enum Kind {
        VARIABLE("a variable"), SPECIES("a species"), COMPARTMENT("a compartment"),
        REACTION("a reaction"), EVENT("an event"), FUNCTION("a function");

        final String noun;

        Kind(String noun) {
            this.noun = noun;
        }

        boolean namesAnElement() {
            return this == REACTION || this == EVENT || this == FUNCTION;
        }
    }

    /** Everything the text says about one name. */
    private static final class Entry {
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
        double value = Double.NaN;
        Metadata metadata = Metadata.EMPTY;

        Entry(String id, Token firstMention) {
            this.id = id;
            this.firstMention = firstMention;
        }
    }

    private record ReactionDraft(Token at, String id, List<SpeciesReference> reactants,
                                 List<SpeciesReference> products, Expr rate, boolean reversible) {
    }

    private record EventDraft(Token at, String id, Expr trigger, Expr delay, List<Event.Assignment> assignments,
                              Expr priority, boolean persistent, boolean initialValue, boolean fromTrigger) {
    }

    private record FunctionDraft(String id, List<String> parameters, Expr body) {
    }

    private record MetadataChange(String id, Token at, UnaryOperator<Metadata> change) {
    }

    private record Target(String id, Token at, String by) {
    }

    private static final List<String> EVENT_OPTIONS = List.of("t0", "priority", "persistent", "fromTrigger");

    private final Problems problems;
    private final ExpressionBuilder expressions = new ExpressionBuilder();
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, UnitDefinition> units = new LinkedHashMap<>();
    private final Map<String, Token> unitAt = new HashMap<>();
    private final List<FunctionDraft> functions = new ArrayList<>();
    private final List<ReactionDraft> reactions = new ArrayList<>();
    private final List<EventDraft> events = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, Token> assignmentRuleAt = new HashMap<>();
    private final Map<String, Token> rateRuleAt = new HashMap<>();
    private final Map<String, Expr> initialAssignments = new LinkedHashMap<>();
    private final List<MetadataChange> metadataChanges = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private String modelId = "main";
    private Metadata modelMetadata = Metadata.EMPTY;

    ModelAssembler(Problems problems) {
        this.problems = problems;
    }

    Model assemble(FileContext file) {
        boolean hasModelBlock = file.item().stream().anyMatch(i -> i.modelBlock() != null);
        ModelBlockContext firstModel = null;
        for (ItemContext item : file.item()) {
            if (item.modelBlock() != null) {
                ModelBlockContext block = item.modelBlock();
                if (firstModel != null) {
                    problems.add(block.getStart(), "a file holds one model: model '" + modelId
                            + "' was already defined at line " + firstModel.getStart().getLine());
                    continue;
                }
                firstModel = block;
                ModelHeaderContext header = block.modelHeader();
                if (header != null && !header.broken && header.name != null) {
                    modelId = header.name.getText();
                }
                block.line().forEach(this::line);
            } else if (item.line() != null) {
                StatementContext s = item.line().statement();
                if (hasModelBlock && s != null && !item.line().broken && !(s instanceof UnitDefinitionContext
                        || s instanceof FunctionDefinitionContext || s instanceof ExternalFunctionContext)) {
                    problems.add(s.getStart(), "expected a function or unit definition outside the model block, "
                            + "found a statement: move it inside 'model ... end'");
                    continue;
                }
                line(item.line());
            } else if (item.strayEnd() != null) {
                problems.syntax(item.strayEnd().getStart(), "expected a statement, found 'end' with no open model or "
                        + "function to close");
            }
        }
        return build();
    }

    private void line(LineContext line) {
        if (line.broken || line.statement() == null) {
            return;
        }
        StatementContext s = line.statement();
        if (s instanceof LabelledContext) {
            LabelledContext l = (LabelledContext) s;
            if (l.reaction() != null) {
                reaction(l.reaction(), l.label);
            } else {
                event(l.event(), l.label);
            }
        } else if (s instanceof ReactionStatementContext) {
            reaction(((ReactionStatementContext) s).reaction(), null);
        } else if (s instanceof EventStatementContext) {
            event(((EventStatementContext) s).event(), null);
        } else if (s instanceof AssignmentRuleContext) {
            rule(((AssignmentRuleContext) s).target, ((AssignmentRuleContext) s).expr(), true);
        } else if (s instanceof RateRuleContext) {
            rule(((RateRuleContext) s).target, ((RateRuleContext) s).expr(), false);
        } else if (s instanceof ValueAssignmentContext) {
            ValueAssignmentContext v = (ValueAssignmentContext) s;
            Entry e = mention(v.target);
            if (useAsVariable(e, v.target, "be given a value")) {
                declared(e, v.target);
                value(e, v.value());
            }
        } else if (s instanceof DisplayNameContext) {
            DisplayNameContext d = (DisplayNameContext) s;
            String name = unescape(d.STRING().getSymbol());
            if (name != null) {
                metadataChanges.add(new MetadataChange(d.target.getText(), d.target, m -> m.withDisplayName(name)));
            }
        } else if (s instanceof UnitAnnotationContext) {
            UnitAnnotationContext u = (UnitAnnotationContext) s;
            String unit = u.unit.getText();
            metadataChanges.add(new MetadataChange(u.target.getText(), u.target, m -> m.withUnit(unit)));
        } else if (s instanceof AttributeContext) {
            AttributeContext a = (AttributeContext) s;
            String key = a.key.getText();
            String text = unescape(a.STRING().getSymbol());
            if (text != null) {
                metadataChanges.add(new MetadataChange(a.target.getText(), a.target, m -> m.withAttribute(key, text)));
            }
        } else if (s instanceof DeclarationStatementContext) {
            declaration(((DeclarationStatementContext) s).declaration());
        } else if (s instanceof UnitDefinitionContext) {
            unit((UnitDefinitionContext) s);
        } else if (s instanceof FunctionDefinitionContext) {
            FunctionDefinitionContext f = (FunctionDefinitionContext) s;
            function(f.name, f.params(), expressions.visit(f.body));
        } else if (s instanceof ExternalFunctionContext) {
            ExternalFunctionContext f = (ExternalFunctionContext) s;
            function(f.name, f.params(), null);
        }
    }

    // ------------------------------------------------------------------ statements

    private void reaction(ReactionContext r, Token label) {
        if (label != null && !declareKind(mention(label), Kind.REACTION, label)) {
            return;
        }
        List<SpeciesReference> reactants = side(r.reactants);
        List<SpeciesReference> products = side(r.products);
        Token at = label != null ? label : r.getStart();
        reactions.add(new ReactionDraft(at, label == null ? null : label.getText(), reactants, products,
                expressions.visit(r.rate), r.arrow.getType() == ARROW));
    }

    private List<SpeciesReference> side(ReactionSideContext side) {
        List<SpeciesReference> refs = new ArrayList<>();
        if (side == null) {
            return refs;
        }
        for (SpeciesRefContext ref : side.speciesRef()) {
            Token name = ref.name;
            String number = ref.stoichiometry == null ? null : ref.stoichiometry.getText();
            if (ref.fused != null) {
                String text = ref.fused.getText();
                char last = text.charAt(text.length() - 1);
                if (last != 'e' && last != 'E') {
                    problems.syntax(ref.fused, SyntaxMessages.lexical(ref.fused));
                    continue;
                }
                number = text.substring(0, text.length() - 1);
                name = split(ref.fused, number.length());
            }
            double stoichiometry = 1;
            if (number != null) {
                Token at = ref.stoichiometry != null ? ref.stoichiometry : ref.fused;
                double s = Double.parseDouble(number);
                if (!(s > 0)) {
                    problems.add(at, "expected a positive stoichiometry, found '" + number + "'");
                } else if (Double.isInfinite(s)) {
                    problems.add(at, "expected a finite stoichiometry, found '" + number
                            + "', which is too large for a number");
                } else {
                    stoichiometry = s;
                }
            }
            Entry e = mention(name);
            if (declareKind(e, Kind.SPECIES, name)) {
                e.boundary |= ref.DOLLAR() != null;
            }
            refs.add(new SpeciesReference(name.getText(), stoichiometry));
        }
        return refs;
    }

    /** The species-name part of a fused token such as "2E", positioned where it starts. */
    private static Token split(Token fused, int offset) {
        CommonToken name = new CommonToken(fused);
        name.setType(ID);
        name.setText(fused.getText().substring(offset));
        name.setCharPositionInLine(fused.getCharPositionInLine() + offset);
        name.setStartIndex(fused.getStartIndex() + offset);
        return name;
    }

    private void event(EventContext ev, Token label) {
        if (label != null && !declareKind(mention(label), Kind.EVENT, label)) {
            return;
        }
        Expr delay = null;
        Expr trigger = expressions.visit(ev.first);
        if (ev.trigger != null) {
            delay = trigger;
            trigger = expressions.visit(ev.trigger);
        }
        Expr priority = null;
        boolean initialValue = true;
        boolean persistent = true;
        boolean fromTrigger = true;
        Set<String> seen = new HashSet<>();
        for (EventOptionContext option : ev.eventOption()) {
            String name = option.name.getText();
            if (!EVENT_OPTIONS.contains(name)) {
                String guess = Names.suggest(name, EVENT_OPTIONS);
                problems.add(option.name, "unknown event option '" + name + "'" + (guess != null
                        ? " (did you mean '" + guess + "'?)"
                        : ": expected t0, priority, persistent or fromTrigger"));
            } else if (!seen.add(name)) {
                problems.add(option.name, "event option '" + name + "' is given twice");
            } else if (name.equals("priority")) {
                priority = expressions.visit(option.expr());
            } else {
                Boolean flag = flag(option);
                if (flag != null && name.equals("t0")) {
                    initialValue = flag;
                } else if (flag != null && name.equals("persistent")) {
                    persistent = flag;
                } else if (flag != null) {
                    fromTrigger = flag;
                }
            }
        }
        List<Event.Assignment> assignments = new ArrayList<>();
        for (EventAssignmentContext a : ev.eventAssignment()) {
            Entry e = mention(a.target);
            if (useAsVariable(e, a.target, "be changed by an event")) {
                e.targeted = true;
                targets.add(new Target(e.id, a.target, "an event"));
                assignments.add(new Event.Assignment(e.id, expressions.visit(a.expr())));
            }
        }
        Token at = label != null ? label : ev.getStart();
        events.add(new EventDraft(at, label == null ? null : label.getText(), trigger, delay, assignments, priority,
                persistent, initialValue, fromTrigger));
    }

    private Boolean flag(EventOptionContext option) {
        Expr v = expressions.visit(option.expr());
        if (v instanceof Expr.Sym && ((Expr.Sym) v).name().equals("true")) {
            return true;
        }
        if (v instanceof Expr.Sym && ((Expr.Sym) v).name().equals("false")) {
            return false;
        }
        problems.add(option.expr().getStart(), "expected true or false for event option '" + option.name.getText()
                + "', found '" + Names.shown(option.expr().getText()) + "'");
        return null;
    }

    private void rule(Token target, ExprContext expr, boolean assignment) {
        Entry e = mention(target);
        if (!useAsVariable(e, target, "be the target of a rule")) {
            return;
        }
        Map<String, Token> same = assignment ? assignmentRuleAt : rateRuleAt;
        Map<String, Token> other = assignment ? rateRuleAt : assignmentRuleAt;
        String kind = assignment ? "an assignment rule" : "a rate rule";
        if (same.containsKey(e.id)) {
            problems.add(target, "'" + e.id + "' already has " + kind + " (line " + same.get(e.id).getLine()
                    + "): a symbol can have only one");
            return;
        }
        if (other.containsKey(e.id)) {
            problems.add(target, "'" + e.id + "' already has " + (assignment ? "a rate rule" : "an assignment rule")
                    + " (line " + other.get(e.id).getLine() + "): a symbol cannot also have " + kind);
            return;
        }
        same.put(e.id, target);
        e.targeted = true;
        targets.add(new Target(e.id, target, "a rule"));
        Expr x = expressions.visit(expr);
        rules.add(assignment ? new Rule.Assignment(e.id, x) : new Rule.Rate(e.id, x));
    }

    private void declaration(DeclarationContext d) {
        boolean isConst = false;
        boolean isVar = false;
        Token substanceOnly = null;
        for (ModifierContext m : d.modifier()) {
            isConst |= m.CONST() != null;
            isVar |= m.VAR() != null;
            if (m.SUBSTANCE_ONLY() != null) {
                substanceOnly = m.getStart();
            }
        }
        if (isConst && isVar) {
            problems.add(d.getStart(), "expected 'const' or 'var', found both: a symbol cannot be both");
            return;
        }
        Kind kind = d.kind == null ? Kind.VARIABLE : d.kind.getType() == SPECIES ? Kind.SPECIES : Kind.COMPARTMENT;
        if (substanceOnly != null && kind == Kind.COMPARTMENT) {
            problems.add(substanceOnly, "'substanceOnly' applies only to species, found it on a compartment");
            return;
        }
        List<DeclItemContext> items = d.declItem();
        // "species A, B in C" puts both in C
        Token shared = items.get(items.size() - 1).compartment;
        for (DeclItemContext item : items) {
            Entry e = mention(item.name);
            if (!useAsVariable(e, item.name, "be declared as a variable")) {
                continue;
            }
            declared(e, item.name);
            Token compartment = item.compartment != null ? item.compartment : shared;
            Kind itemKind = kind;
            if (item.DOLLAR() != null || compartment != null || substanceOnly != null) {
                if (kind == Kind.COMPARTMENT) {
                    Token in = item.IN() != null ? item.IN().getSymbol() : items.get(items.size() - 1).IN().getSymbol();
                    problems.add(item.DOLLAR() != null ? item.DOLLAR().getSymbol() : in, item.DOLLAR() != null
                            ? "'$' marks a boundary species, found it on a compartment"
                            : "expected ',' or '=' after a compartment, found 'in': compartments are not nested");
                    continue;
                }
                itemKind = Kind.SPECIES;
            }
            if (itemKind != Kind.VARIABLE && !declareKind(e, itemKind, item.name)) {
                continue;
            }
            if (isConst || isVar) {
                e.constant = isConst;
                e.constantAt = item.name;
            }
            e.boundary |= item.DOLLAR() != null;
            e.amountOnly |= substanceOnly != null;
            if (compartment != null) {
                Entry c = mention(compartment);
                if (useAsVariable(c, compartment, "contain species") && declareKind(c, Kind.COMPARTMENT, compartment)) {
                    e.compartment = c.id;
                }
            }
            if (item.value() != null) {
                value(e, item.value());
            }
        }
    }

    /** {@code x = 3} sets the value; any other expression is an initial assignment. Last one wins. */
    private void value(Entry e, ValueContext v) {
        Expr x = expressions.visit(v.expr());
        boolean literal = ExpressionBuilder.isLiteral(v.expr());
        if (v.unit != null) {
            if (!literal) {
                problems.add(v.unit, "expected ';' or a new line after the value, found '" + v.unit.getText()
                        + "': a unit may follow only a plain number");
                return;
            }
            String unit = v.unit.getText();
            metadataChanges.add(new MetadataChange(e.id, v.unit, m -> m.withUnit(unit)));
        }
        if (literal) {
            e.value = ((Expr.Num) x).value();
            initialAssignments.remove(e.id);
        } else {
            initialAssignments.put(e.id, x);
        }
    }

    private void unit(UnitDefinitionContext u) {
        String id = u.name.getText();
        if (unitAt.containsKey(id)) {
            problems.add(u.name, "unit '" + id + "' is already defined at line " + unitAt.get(id).getLine());
            return;
        }
        UnitExprContext x = u.unitExpr();
        double multiplier = x.signedNumber() == null ? 1 : finiteInUnit(x.signedNumber(), "scale");
        List<UnitDefinition.Factor> factors = new ArrayList<>();
        boolean divide = false;
        for (ParseTree child : x.children) {
            if (child instanceof UnitOpContext) {
                divide = ((UnitOpContext) child).SLASH() != null;
            } else if (child instanceof UnitFactorContext) {
                UnitFactorContext f = (UnitFactorContext) child;
                double exponent = f.exponent == null ? 1 : finiteInUnit(f.exponent, "exponent");
                factors.add(new UnitDefinition.Factor(f.name.getText(), divide ? -exponent : exponent));
                divide = false;
            }
        }
        unitAt.put(id, u.name);
        units.put(id, new UnitDefinition(id, multiplier, factors));
    }

    /** A unit's scale or exponent: a finite number (inf and NaN make every quantity in the unit meaningless). */
    private double finiteInUnit(SignedNumberContext s, String what) {
        double v = signed(s);
        if (!Double.isFinite(v)) {
            problems.add(s.getStop(), "a unit's " + what + " must be a finite number, found '" + s.getText() + "'");
            return 1;
        }
        return v;
    }

    private static double signed(SignedNumberContext s) {
        double v = ExpressionBuilder.number(s.getStop());
        return s.sign != null && s.sign.getType() == MINUS ? -v : v;
    }

    private void function(Token name, ParamsContext params, Expr body) {
        List<String> names = new ArrayList<>();
        if (params != null) {
            for (var p : params.ID()) {
                if (names.contains(p.getText())) {
                    problems.add(p.getSymbol(), "parameter '" + p.getText() + "' is listed twice in function '"
                            + name.getText() + "'");
                    return;
                }
                names.add(p.getText());
            }
        }
        if (declareKind(mention(name), Kind.FUNCTION, name)) {
            functions.add(new FunctionDraft(name.getText(), names, body));
        }
    }

    // ------------------------------------------------------------------ symbol table

    private Entry mention(Token name) {
        return entries.computeIfAbsent(name.getText(), id -> new Entry(id, name));
    }

    private void declared(Entry e, Token at) {
        e.declaredOrder = Math.min(e.declaredOrder, at.getTokenIndex());
    }

    private boolean useAsVariable(Entry e, Token at, String action) {
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

    private boolean declareKind(Entry e, Kind kind, Token at) {
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
            String what = kind == Kind.REACTION ? "reaction id" : kind == Kind.EVENT ? "event id" : "function name";
            problems.add(at, "duplicate " + what + " '" + e.id + "': already used at line " + e.kindAt.getLine());
            return false;
        }
        problems.add(at, "'" + e.id + "' is already " + e.kind.noun + " (line " + e.kindAt.getLine()
                + ") and cannot also be " + kind.noun);
        return false;
    }

    private String unescape(Token string) {
        String raw = string.getText();
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 1; i < raw.length() - 1; i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char next = raw.charAt(++i);
            switch (next) {
                case '"':
                case '\\':
                    sb.append(next);
                    break;
                case 'n':
                    sb.append('\n');
                    break;
                case 't':
                    sb.append('\t');
                    break;
                case 'r':
                    sb.append('\r');
                    break;
                default:
                    problems.add(string.getLine(), string.getCharPositionInLine() + i,
                            "unknown escape '\\" + Names.shown(String.valueOf(next))
                                    + "' in string: expected \\\", \\\\, \\n, \\t or \\r");
                    return null;
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ the model

    private Model build() {
        String[] counter = {"_J", "_E"};
        int[] next = {0, 0};
        List<ReactionDraft> namedReactions = new ArrayList<>();
        for (ReactionDraft r : reactions) {
            namedReactions.add(r.id() != null ? r
                    : new ReactionDraft(r.at(), freshId(counter[0], next, 0, Kind.REACTION, r.at()), r.reactants(),
                    r.products(), r.rate(), r.reversible()));
        }
        List<EventDraft> namedEvents = new ArrayList<>();
        for (EventDraft e : events) {
            namedEvents.add(e.id() != null ? e
                    : new EventDraft(e.at(), freshId(counter[1], next, 1, Kind.EVENT, e.at()), e.trigger(), e.delay(),
                    e.assignments(), e.priority(), e.persistent(), e.initialValue(), e.fromTrigger()));
        }
        applyMetadata();
        checkTargets();
        Entry clash = entries.get(modelId);
        if (clash != null) {
            problems.add(clash.firstMention, "'" + modelId + "' is the name of the model and cannot also name "
                    + (clash.kind == Kind.VARIABLE ? "a variable" : clash.kind.noun));
        }

        List<Compartment> compartments = new ArrayList<>();
        List<Species> species = new ArrayList<>();
        List<Entry> parameterEntries = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.kind == Kind.COMPARTMENT) {
                compartments.add(new Compartment(e.id, e.value, constant(e, !e.targeted), e.metadata));
            } else if (e.kind == Kind.SPECIES) {
                species.add(new Species(e.id, e.compartment, e.value, e.amountOnly, e.boundary, constant(e, false),
                        e.metadata));
            } else if (e.kind == Kind.VARIABLE) {
                parameterEntries.add(e);
            }
        }
        parameterEntries.sort(Comparator.comparingInt(e -> e.declaredOrder != Integer.MAX_VALUE
                ? e.declaredOrder : e.firstMention.getTokenIndex()));
        List<Parameter> parameters = parameterEntries.stream()
                .map(e -> new Parameter(e.id, e.value, constant(e, !e.targeted), e.metadata)).toList();
        List<InitialAssignment> assignments = initialAssignments.entrySet().stream()
                .map(a -> new InitialAssignment(a.getKey(), a.getValue())).toList();
        List<Reaction> reactionList = namedReactions.stream()
                .map(r -> new Reaction(r.id(), r.reactants(), r.products(), r.rate(), r.reversible(), metadata(r.id())))
                .toList();
        List<Event> eventList = namedEvents.stream()
                .map(e -> new Event(e.id(), e.trigger(), e.delay(), e.assignments(), e.priority(), e.persistent(),
                        e.initialValue(), e.fromTrigger(), metadata(e.id())))
                .toList();
        List<FunctionDefinition> functionList = functions.stream()
                .map(f -> new FunctionDefinition(f.id(), f.parameters(), f.body(), metadata(f.id()))).toList();
        return new Model(modelId, modelMetadata, List.copyOf(units.values()), functionList, compartments, species,
                parameters, assignments, rules, reactionList, eventList);
    }

    private static boolean constant(Entry e, boolean byDefault) {
        return e.constant != null ? e.constant : byDefault;
    }

    private Metadata metadata(String id) {
        Entry e = entries.get(id);
        return e == null ? Metadata.EMPTY : e.metadata;
    }

    private String freshId(String prefix, int[] next, int which, Kind kind, Token at) {
        String id;
        do {
            id = prefix + next[which]++;
        } while (entries.containsKey(id));
        Entry e = new Entry(id, at);
        e.kind = kind;
        e.kindAt = at;
        entries.put(id, e);
        return id;
    }

    private void applyMetadata() {
        for (MetadataChange c : metadataChanges) {
            Entry e = entries.get(c.id());
            if (e != null) {
                e.metadata = c.change().apply(e.metadata);
            } else if (c.id().equals(modelId)) {
                modelMetadata = c.change().apply(modelMetadata);
            } else if (!problems.hasSyntaxErrors()) {
                // with a syntax error the declaration may sit on the line that failed
                problems.add(c.at(), "metadata for undeclared symbol '" + c.id() + "'");
            }
        }
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
}
