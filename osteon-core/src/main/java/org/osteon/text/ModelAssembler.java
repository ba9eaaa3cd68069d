package org.osteon.text;

import static org.osteon.text.antlr.AntimonyParser.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.SpeciesReference;
import org.osteon.model.UnitDefinition;
import org.osteon.model.expr.Expr;

/**
 * Turns a parse tree into a {@link Model}, applying Antimony's meaning: what a symbol is follows
 * from every statement that mentions it, wherever it is in the file, and later values replace
 * earlier ones.
 *
 * <p>A file may define several models; the main one is the one marked {@code *}, else the
 * statements outside any model block if they use a submodel, else the last model. Submodels
 * ({@code A: sub()}) are flattened as the SBML comp package flattens them: the submodel's
 * elements get the prefix {@code A__}, names joined by {@code is} or by the submodel's
 * parameter list become one element with the parent's name, and a definition in the parent
 * replaces the submodel's.
 *
 * <p>List order: species and compartments in order of first mention; parameters in order of
 * their first declaration or value ({@code k = 1}, {@code var k}), or else of their first use as
 * a rule or event target. So a writer may put parameter values after the rules, as Antimony's own
 * output does, and still get its parameter order back.
 */
final class ModelAssembler {
    /** The name of the model made of statements outside any model block. */
    static final String BARE_MODEL = "main";

    private static final List<String> EVENT_OPTIONS = List.of("t0", "priority", "persistent", "fromTrigger");

    private final Problems problems;
    private final Entries entries;
    private final Map<String, ModelBlockContext> modules = new LinkedHashMap<>();
    private final Map<Scope, ExpressionBuilder> builders = new HashMap<>();
    private final Set<Object> globalsDone = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<String> instantiating = new ArrayList<>();
    private final Set<String> submodels = new HashSet<>();
    private final Map<String, Integer> unnamedSubmodels = new HashMap<>();
    private String modelId = BARE_MODEL;
    private final Set<Object> warnedNames = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    private final org.antlr.v4.runtime.TokenStream tokens;

    ModelAssembler(Problems problems, org.antlr.v4.runtime.TokenStream tokens) {
        this.problems = problems;
        this.tokens = tokens;
        this.entries = new Entries(problems);
    }

    Model assemble(FileContext file) {
        List<LineContext> bare = new ArrayList<>();
        List<LineContext> global = new ArrayList<>();
        List<LineContext> outsideMetadata = new ArrayList<>();
        ModelBlockContext starred = null;
        ModelBlockContext last = null;
        for (ItemContext item : file.item()) {
            if (item.modelBlock() != null) {
                ModelBlockContext block = item.modelBlock();
                ModelHeaderContext header = block.modelHeader();
                if (header == null || header.broken || header.name == null) {
                    continue;
                }
                String name = modelName(header);
                ModelBlockContext before = modules.get(name);
                if (before != null) {
                    problems.add(header.name, "model '" + name + "' is already defined at line "
                            + before.getStart().getLine());
                    continue;
                }
                modules.put(name, block);
                last = block;
                if (header.STAR() != null && starred == null) {
                    starred = block;
                }
            } else if (item.line() != null) {
                LineContext line = item.line();
                StatementContext s = line.statement();
                if (line.broken || s == null) {
                    continue;
                }
                if (isGlobal(s)) {
                    global.add(line);
                } else if (isMetadata(s)) {
                    outsideMetadata.add(line);
                } else {
                    bare.add(line);
                }
            } else if (item.strayEnd() != null) {
                problems.syntax(item.strayEnd().getStart(), "expected a statement, found 'end' with no open model or "
                        + "function to close");
            }
        }
        boolean bareComposes = bare.stream().anyMatch(l -> isSubmodel(l.statement()));
        ModelBlockContext main = starred != null ? starred : bareComposes || bare.size() > 0 && last == null ? null : last;
        if (main != null && !bare.isEmpty() && (starred == null || !bareComposes)) {
            for (LineContext line : bare) {
                problems.add(line.statement().getStart(), "expected a function or unit definition outside the "
                        + "model block, found a statement: move it inside 'model ... end'");
            }
            bare.clear();
        }
        global.forEach(l -> line(l, Scope.ROOT));
        if (main != null) {
            modelId = modelName(main.modelHeader());
        }
        instantiating.add(modelId);
        if (main != null) {
            main.line().forEach(l -> line(l, Scope.ROOT));
        } else {
            bare.forEach(l -> line(l, Scope.ROOT));
        }
        outsideMetadata.forEach(l -> line(l, Scope.ROOT));
        return entries.build(modelId);
    }

    /** The model's id; a name libAntimony wrote with dashes has them replaced by '_'. */
    private String modelName(ModelHeaderContext header) {
        if (header.ID().size() == 1) {
            return header.name.getText();
        }
        if (!warnedNames.add(header)) {
            return String.join("_", header.ID().stream().map(t -> t.getText()).toList());
        }
        String name = String.join("_", header.ID().stream().map(t -> t.getText()).toList());
        problems.warn(header.name, "model name '" + header.getText().replaceFirst("^\\*", "").replaceFirst("\\(.*", "")
                + "' is not an identifier: read as '" + name + "'");
        return name;
    }

    private static boolean isGlobal(StatementContext s) {
        return s instanceof UnitDefinitionContext || s instanceof FunctionDefinitionContext
                || s instanceof ExternalFunctionContext || s instanceof DirectiveContext;
    }

    private static boolean isMetadata(StatementContext s) {
        if (s instanceof DisplayNameContext || s instanceof AnnotationContext || s instanceof UnitAnnotationContext
                || s instanceof DashedModelMetadataContext) {
            return true;
        }
        if (s instanceof ValueAssignmentContext v) {
            return v.STRING() != null || v.sbo() != null || v.target.getText().endsWith(".sboTerm");
        }
        return false;
    }

    private static boolean isSubmodel(StatementContext s) {
        return s instanceof SubmodelStatementContext || s instanceof LabelledContext l && l.submodel() != null;
    }

    private ExpressionBuilder expressions(Scope scope) {
        return builders.computeIfAbsent(scope, ExpressionBuilder::new);
    }

    private Expr expr(ExprContext x, Scope scope) {
        return expressions(scope).visit(x);
    }

    /** The flat-name token of a name written in {@code scope}, checking that a dotted name's submodel exists. */
    private Token ref(QnameContext name, Scope scope) {
        String written = name.getText();
        int dot = written.indexOf('.');
        if (dot > 0 && !submodels.contains(scope.flat(written.substring(0, dot)))) {
            problems.add(name.getStart(), "'" + written.substring(0, dot) + "' is not a submodel, so '" + written
                    + "' names nothing: declare the submodel first, e.g. '" + written.substring(0, dot)
                    + ": model_name()'");
        }
        Token t = scope.token(name);
        entries.synonyms.depth(t.getText(), scope.depthOf(written));
        return t;
    }

    // ------------------------------------------------------------------ statements

    private void line(LineContext line, Scope scope) {
        if (line.broken || line.statement() == null) {
            return;
        }
        StatementContext s = line.statement();
        if (s instanceof LabelledContext l) {
            if (l.submodel() != null) {
                submodel(l.submodel(), l.label, scope);
            } else if (l.algebraic() != null) {
                algebraic(l.algebraic(), ref(l.label, scope), scope);
            } else if (l.reaction() != null) {
                reaction(l.reaction(), ref(l.label, scope), scope);
            } else {
                event(l.event(), ref(l.label, scope), scope);
            }
        } else if (s instanceof SubmodelStatementContext l) {
            submodel(l.submodel(), null, scope);
        } else if (s instanceof AlgebraicStatementContext l) {
            algebraic(l.algebraic(), null, scope);
        } else if (s instanceof ReactionStatementContext r) {
            reaction(r.reaction(), null, scope);
        } else if (s instanceof EventStatementContext e) {
            event(e.event(), null, scope);
        } else if (s instanceof AssignmentRuleContext r) {
            rule(r.target, r.expr(), r.ASSIGN_RULE().getSymbol(), true, scope);
        } else if (s instanceof RateRuleContext r) {
            rule(r.target, r.expr(), r.ASSIGN().getSymbol(), false, scope);
        } else if (s instanceof ValueAssignmentContext v) {
            valueAssignment(v, scope);
        } else if (s instanceof DisplayNameContext d) {
            String name = text(d.text());
            if (name != null) {
                metadata(d.target, scope, m -> m.withDisplayName(name));
            }
        } else if (s instanceof SynonymContext y) {
            entries.synonyms.join(ref(y.target, scope).getText(), ref(y.other, scope).getText());
        } else if (s instanceof UnitAnnotationContext u) {
            String unit = u.unit.getText();
            metadata(u.target, scope, m -> m.withUnit(unit));
        } else if (s instanceof PlacementContext p) {
            placement(p, scope);
        } else if (s instanceof DirectiveContext d) {
            directive(d);
        } else if (s instanceof AnnotationContext a) {
            annotation(a, scope);
        } else if (s instanceof ModelAnnotationContext a) {
            modelAnnotation(a, scope);
        } else if (s instanceof DashedModelMetadataContext d) {
            dashedModelMetadata(d);
        } else if (s instanceof DeclarationStatementContext d) {
            declaration(d.declaration(), scope);
        } else if (s instanceof UnitDefinitionContext u) {
            unit(u);
        } else if (s instanceof FunctionDefinitionContext f) {
            if (globalsDone.add(f)) {
                function(f.name, f.params(), expressions(Scope.ROOT).visit(f.body));
            }
        } else if (s instanceof ExternalFunctionContext f) {
            if (globalsDone.add(f)) {
                function(f.name, f.params(), null);
            }
        }
    }

    private void unsupported(Token at, String what) {
        problems.add(at, what + " is not supported by Osteon");
    }

    private void directive(DirectiveContext d) {
        String command = d.command.getText();
        if (command.equals("import")) {
            problems.add(d.command, "'import' is not supported: copy the models of " + d.STRING().getText()
                    + " into this file");
        } else {
            problems.syntax(d.command, "expected a statement, found '" + Names.shown(command) + "' followed by a string");
        }
    }

    private void reaction(ReactionContext r, Token label, Scope scope) {
        if (label != null && !entries.declareKind(entries.mention(label), Entries.Kind.REACTION, label)) {
            return;
        }
        List<Entries.SpeciesRefDraft> reactants = side(r.reactants, scope);
        List<Entries.SpeciesRefDraft> products = side(r.products, scope);
        Token at = label != null ? label : r.getStart();
        Token missingRate = r.rate == null ? r.SEMI().getSymbol() : null;
        entries.reaction(at, label == null ? null : label.getText(), reactants, products,
                r.rate == null ? null : expr(r.rate, scope), r.arrow.getType() == ARROW, missingRate, scope);
    }

    private List<Entries.SpeciesRefDraft> side(ReactionSideContext side, Scope scope) {
        List<Entries.SpeciesRefDraft> refs = new ArrayList<>();
        if (side == null) {
            return refs;
        }
        for (SpeciesRefContext ref : side.speciesRef()) {
            Token name = ref.species == null ? null : ref(ref.species, scope);
            String number = ref.stoichiometry == null ? null : ref.stoichiometry.getText();
            if (ref.fused != null) {
                String text = ref.fused.getText();
                char last = text.charAt(text.length() - 1);
                if (last != 'e' && last != 'E') {
                    problems.syntax(ref.fused, SyntaxMessages.lexical(ref.fused));
                    continue;
                }
                number = text.substring(0, text.length() - 1);
                Token split = split(ref.fused, number.length());
                name = scope.token(split, split.getText());
                entries.synonyms.depth(name.getText(), scope.depth());
            }
            double stoichiometry = 1;
            if (number != null) {
                Token at = ref.stoichiometry != null ? ref.stoichiometry : ref.fused;
                double s = Double.parseDouble(number);
                if (Double.isInfinite(s)) {
                    problems.add(at, "expected a finite stoichiometry, found '" + number
                            + "', which is too large for a number");
                } else {
                    stoichiometry = s;
                }
            }
            Entries.Entry e = entries.mention(name);
            if (entries.declareKind(e, Entries.Kind.SPECIES, name)) {
                e.boundary |= ref.DOLLAR() != null;
            }
            Token reference = ref.reference == null ? null : ref(ref.reference, scope);
            if (reference != null) {
                Entries.Entry r = entries.mention(reference);
                entries.useAsVariable(r, reference, "name a species reference");
            }
            refs.add(new Entries.SpeciesRefDraft(new SpeciesReference(name.getText(), stoichiometry), reference));
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

    private void event(EventContext ev, Token label, Scope scope) {
        if (label != null && !entries.declareKind(entries.mention(label), Entries.Kind.EVENT, label)) {
            return;
        }
        Expr delay = null;
        Expr trigger = expr(ev.first, scope);
        if (ev.trigger != null) {
            delay = trigger;
            trigger = expr(ev.trigger, scope);
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
                priority = expr(option.expr(), scope);
            } else {
                Boolean flag = flag(option, scope);
                if (flag != null && name.equals("t0")) {
                    initialValue = flag;
                } else if (flag != null && name.equals("persistent")) {
                    persistent = flag;
                } else if (flag != null) {
                    fromTrigger = flag;
                }
            }
        }
        List<org.osteon.model.Event.Assignment> assignments = new ArrayList<>();
        for (EventAssignmentContext a : ev.eventAssignment()) {
            Token target = ref(a.target, scope);
            Entries.Entry e = entries.mention(target);
            if (entries.useAsVariable(e, target, "be changed by an event")) {
                entries.target(e, target, "an event");
                assignments.add(new org.osteon.model.Event.Assignment(e.id, expr(a.expr(), scope)));
            }
        }
        Token at = label != null ? label : ev.getStart();
        entries.event(at, label == null ? null : label.getText(), trigger, delay, assignments, priority, persistent,
                initialValue, fromTrigger, scope);
    }

    private Boolean flag(EventOptionContext option, Scope scope) {
        Expr v = expr(option.expr(), scope);
        if (v instanceof Expr.Sym sym && sym.name().equals("true")) {
            return true;
        }
        if (v instanceof Expr.Sym sym && sym.name().equals("false")) {
            return false;
        }
        problems.add(option.expr().getStart(), "expected true or false for event option '" + option.name.getText()
                + "', found '" + Names.shown(option.expr().getText()) + "'");
        return null;
    }

    private void rule(QnameContext targetName, ExprContext expr, Token operator, boolean assignment, Scope scope) {
        Token target = ref(targetName, scope);
        Entries.Entry e = entries.mention(target);
        if (e.kind == Entries.Kind.REACTION && assignment) {
            problems.add(target, "'" + e.id + "' is a reaction (line " + e.kindAt.getLine() + ") and cannot be the "
                    + "target of a rule");
            return;
        }
        if (!entries.useAsVariable(e, target, "be the target of a rule")) {
            return;
        }
        if (expr == null) {
            if (scope.depthOf(targetName.getText()) == scope.depth()) {
                // only a parent may clear a submodel's rule ("A.x := ;"); here the rule was left unfinished
                Token found = tokens.get(operator.getTokenIndex() + 1);
                problems.syntax(found, "expected an expression after '" + operator.getText() + "', found "
                        + SyntaxMessages.foundText(found));
            } else {
                entries.clearRule(e, assignment, scope);
            }
            return;
        }
        entries.rule(e, target, assignment, expr(expr, scope), scope);
    }

    private void valueAssignment(ValueAssignmentContext v, Scope scope) {
        String written = v.target.getText();
        int dot = written.lastIndexOf('.');
        String key = dot < 0 ? null : written.substring(dot + 1);
        if (v.STRING() != null || v.sbo() != null || "sboTerm".equals(key)) {
            attribute(v, written, key, scope);
            return;
        }
        Token target = ref(v.target, scope);
        Entries.Entry e = entries.mention(target);
        if (e.kind == Entries.Kind.REACTION) {
            if (v.value() == null || v.value().unit != null) {
                problems.add(target, "expected a rate law for reaction '" + e.id + "' after '='");
            } else {
                entries.reactionRate(e.id, expr(v.value().expr(), scope), scope);
            }
            return;
        }
        if (!entries.useAsVariable(e, target, "be given a value")) {
            return;
        }
        if (v.value() == null) {
            Token found = tokens.get(v.ASSIGN().getSymbol().getTokenIndex() + 1);
            if (found.getType() != SEMI) {
                // libAntimony writes "x = ;" for missing math; "x =" at the end of a line is unfinished
                problems.syntax(found, "expected a value after '=', found " + SyntaxMessages.foundText(found));
                return;
            }
            entries.declared(e, target);
            if (scope.depthOf(written) > scope.depth()) {
                entries.clearValue(e, scope);
            } else {
                entries.emptyValue(e, target);
            }
            return;
        }
        entries.declared(e, target);
        value(e, v.value(), scope);
    }

    /** {@code A.description = "..."} (Osteon's attributes) and {@code A.sboTerm = 297}. */
    private void attribute(ValueAssignmentContext v, String written, String key, Scope scope) {
        if (key == null) {
            problems.add(v.getStart(), "expected a value after '=', found "
                    + (v.STRING() != null ? "a string" : "an SBO term") + ": only an attribute such as '" + written
                    + ".description' takes " + (v.STRING() != null ? "a string" : "an SBO term"));
            return;
        }
        String owner = written.substring(0, written.length() - key.length() - 1);
        Token at = v.target.getStart();
        String stored;
        if (v.STRING() != null) {
            stored = unescape(v.STRING().getSymbol());
            if (stored == null) {
                return;
            }
        } else {
            double number = v.sbo() != null ? ExpressionBuilder.number(v.sbo().NUMBER().getSymbol())
                    : sboNumber(v.value());
            if (v.sbo() != null && !v.sbo().prefix.getText().equalsIgnoreCase("SBO")) {
                problems.add(v.sbo().prefix, "expected an SBO term such as SBO:0000297, found '" + v.sbo().getText() + "'");
                return;
            }
            stored = MetadataText.sboTerm(number);
            if (stored == null) {
                problems.add(at, "expected an SBO term number (0 to 9999999) for '" + written + "'");
                return;
            }
        }
        String value = stored;
        metadataFor(at, owner, scope, m -> m.withAttribute(key, value));
    }

    private static double sboNumber(ValueContext v) {
        if (v == null || v.unit != null || !ExpressionBuilder.isLiteral(v.expr())) {
            return Double.NaN;
        }
        return ((Expr.Num) new ExpressionBuilder().visit(v.expr())).value();
    }

    /** {@code x = 3} sets the value; any other expression is an initial assignment. Last one wins. */
    private void value(Entries.Entry e, ValueContext v, Scope scope) {
        Expr x = expr(v.expr(), scope);
        boolean literal = ExpressionBuilder.isLiteral(v.expr());
        if (v.unit != null) {
            if (!literal) {
                problems.add(v.unit, "expected ';' or a new line after the value, found '" + v.unit.getText()
                        + "': a unit may follow only a plain number");
                return;
            }
            String unit = v.unit.getText();
            entries.metadata(e.id, v.unit, m -> m.withUnit(unit));
        }
        entries.initial(e, x, literal, scope);
    }

    private void annotation(AnnotationContext a, Scope scope) {
        String qualifier = a.qualifier.getText();
        Token at = a.qualifier;
        if (a.NUMBER() != null && a.field == null) {
            problems.syntax(a.NUMBER().getSymbol(), "expected a string after '" + qualifier + "', found '"
                    + a.NUMBER().getText() + "'");
            return;
        }
        List<String> texts = a.strings() == null ? List.of(a.NUMBER().getText()) : strings(a.strings());
        if (texts == null) {
            return;
        }
        UnaryOperator<Metadata> change = annotationChange(qualifier, a.field == null ? null : a.field.getText(), texts,
                at);
        if (change != null) {
            metadata(a.target, scope, change);
        }
    }

    /** What a CV term, notes or creator line does to metadata; null (with a problem or warning) if nothing. */
    private UnaryOperator<Metadata> annotationChange(String qualifier, String field, List<String> texts, Token at) {
        if (field != null) {
            // creator terms: A creator1.name "..."
            String key = MetadataText.cvKey(qualifier + "." + field);
            String joined = String.join("\n", texts);
            return m -> m.withAttribute(key, joined);
        }
        if (qualifier.equals("notes")) {
            return m -> {
                Metadata out = m;
                for (String t : texts) {
                    out = MetadataText.addNotes(out, t);
                }
                return out;
            };
        }
        if (MetadataText.UNKNOWN_QUALIFIERS.contains(qualifier)) {
            problems.warn(at, "annotation with qualifier '" + qualifier + "' ignored: it stands for an SBML "
                    + "qualifier libAntimony could not name");
            return null;
        }
        String stored = MetadataText.qualifier(qualifier);
        if (stored == null) {
            String guess = Names.suggest(qualifier, MetadataText.qualifierNames());
            problems.add(at, "unknown annotation qualifier '" + qualifier + "'" + (guess != null
                    ? " (did you mean '" + guess + "'?)" : ": expected identity, hypernym, part, notes, ..."));
            return null;
        }
        String key = MetadataText.cvKey(stored);
        return m -> {
            String before = m.attribute(key);
            String joined = String.join("\n", texts);
            return m.withAttribute(key, before == null ? joined : before + "\n" + joined);
        };
    }

    private void modelAnnotation(ModelAnnotationContext a, Scope scope) {
        if (scope.depth() > 0) {
            return; // a submodel's own annotations do not describe the flattened model
        }
        Token at = a.getStart();
        if (a.key != null) {
            if (!a.key.getText().equals("sboTerm")) {
                problems.add(a.key.getStart(), "expected 'sboTerm' after 'model.', found '" + a.key.getText() + "'");
                return;
            }
            double number = a.sbo() != null ? ExpressionBuilder.number(a.sbo().NUMBER().getSymbol())
                    : ExpressionBuilder.number(a.NUMBER().getSymbol());
            String stored = MetadataText.sboTerm(number);
            if (stored == null) {
                problems.add(at, "expected an SBO term number (0 to 9999999) for 'model.sboTerm'");
                return;
            }
            entries.modelMetadata(m -> m.withAttribute(Metadata.SBO_TERM, stored));
            return;
        }
        List<String> texts = strings(a.strings());
        if (texts == null) {
            return;
        }
        UnaryOperator<Metadata> change = annotationChange(a.qualifier.getText(), null, texts, a.qualifier);
        if (change != null) {
            entries.modelMetadata(change);
        }
    }

    /** {@code Kholodenko1999_-_EGFR_signaling is "..."}: metadata of a model whose name had dashes. */
    private void dashedModelMetadata(DashedModelMetadataContext d) {
        String name = String.join("_", d.dashed.ID().stream().map(t -> t.getText()).toList());
        if (!name.equals(modelId)) {
            problems.add(d.dashed.getStart(), "metadata for undeclared symbol '" + d.dashed.getText() + "'");
            return;
        }
        if (d.text() != null) {
            String display = text(d.text());
            if (display != null) {
                entries.modelMetadata(m -> m.withDisplayName(display));
            }
            return;
        }
        List<String> texts = strings(d.strings());
        UnaryOperator<Metadata> change = texts == null ? null
                : annotationChange(d.qualifier.getText(), null, texts, d.qualifier);
        if (change != null) {
            entries.modelMetadata(change);
        }
    }

    private List<String> strings(StringsContext s) {
        List<String> out = new ArrayList<>();
        for (TextContext t : s.text()) {
            String value = text(t);
            if (value == null) {
                return null;
            }
            out.add(value);
        }
        return out;
    }

    /** A quoted text: "..." with Osteon's escapes, or ```...``` as written. Null (reported) if malformed. */
    private String text(TextContext t) {
        if (t.STRING() != null) {
            return unescape(t.STRING().getSymbol());
        }
        String raw = t.TRIPLE_STRING().getText();
        return raw.substring(3, raw.length() - 3);
    }

    private void metadata(QnameContext target, Scope scope, UnaryOperator<Metadata> change) {
        String written = target.getText();
        metadataFor(target.getStart(), written, scope, change);
    }

    private void metadataFor(Token at, String written, Scope scope, UnaryOperator<Metadata> change) {
        if (scope.depth() > 0 && written.equals(modelIdOf(scope))) {
            return;
        }
        Token t = scope.token(at, written);
        entries.metadata(t.getText(), at, change);
    }

    private String modelIdOf(Scope scope) {
        return instantiating.get(scope.depth());
    }

    private void placement(PlacementContext p, Scope scope) {
        Token target = ref(p.target, scope);
        Token compartment = ref(p.compartment, scope);
        Entries.Entry e = entries.mention(target);
        if (e.kind == Entries.Kind.COMPARTMENT) {
            problems.add(p.IN().getSymbol(), "expected ',' or '=' after a compartment, found 'in': compartments are "
                    + "not nested");
            return;
        }
        if (!entries.useAsVariable(e, target, "be placed in a compartment")) {
            return;
        }
        if (entries.declareKind(e, Entries.Kind.SPECIES, target)) {
            entries.placeIn(e, compartment);
        }
    }

    private void declaration(DeclarationContext d, Scope scope) {
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
        Entries.Kind kind = d.kind == null ? Entries.Kind.VARIABLE
                : d.kind.getType() == SPECIES ? Entries.Kind.SPECIES : Entries.Kind.COMPARTMENT;
        if (substanceOnly != null && kind == Entries.Kind.COMPARTMENT) {
            problems.add(substanceOnly, "'substanceOnly' applies only to species, found it on a compartment");
            return;
        }
        List<DeclItemContext> items = d.declItem();
        // "species A, B in C" puts both in C
        QnameContext shared = items.get(items.size() - 1).compartment;
        for (DeclItemContext item : items) {
            Token name = ref(item.declared, scope);
            Entries.Entry e = entries.mention(name);
            if (!entries.useAsVariable(e, name, "be declared as a variable")) {
                continue;
            }
            entries.declared(e, name);
            QnameContext compartment = item.compartment != null ? item.compartment : shared;
            Entries.Kind itemKind = kind;
            if (item.DOLLAR() != null || compartment != null || substanceOnly != null) {
                if (kind == Entries.Kind.COMPARTMENT) {
                    // '$cell' has no 'in'; 'cell in c' has its own or, for 'a, b in c', the last item's
                    DeclItemContext withIn = item.IN() != null ? item : items.get(items.size() - 1);
                    Token at = item.DOLLAR() != null ? item.DOLLAR().getSymbol()
                            : withIn.IN() != null ? withIn.IN().getSymbol() : name;
                    problems.add(at, item.DOLLAR() != null
                            ? "'$' marks a boundary species, found it on a compartment"
                            : "expected ',' or '=' after a compartment, found 'in': compartments are not nested");
                    continue;
                }
                itemKind = Entries.Kind.SPECIES;
            }
            if (itemKind != Entries.Kind.VARIABLE && !entries.declareKind(e, itemKind, name)) {
                continue;
            }
            if (isConst || isVar) {
                e.constant = isConst;
                e.constantAt = name;
            }
            e.boundary |= item.DOLLAR() != null;
            e.amountOnly |= substanceOnly != null;
            if (compartment != null) {
                entries.placeIn(e, ref(compartment, scope));
            }
            if (item.value() != null) {
                value(e, item.value(), scope);
            }
        }
    }

    private void unit(UnitDefinitionContext u) {
        if (!globalsDone.add(u)) {
            return;
        }
        String id = u.name.getText();
        if (u.unitExpr() == null) {
            entries.unitDeclared(u.name);
            return;
        }
        UnitDefinition d = UnitExpressions.definition(id, u.unitExpr(), problems);
        if (d.factors().size() == 1 && d.factors().get(0).unit().equals(id) && d.multiplier() == 1
                && d.factors().get(0).exponent() == 1) {
            // "unit time_unit = time_unit": libAntimony's way of saying the default
            entries.unitDeclared(u.name);
            return;
        }
        entries.unit(u.name, d);
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
        if (entries.declareKind(entries.mention(name), Entries.Kind.FUNCTION, name)) {
            entries.function(name.getText(), names, body);
        }
    }

    private void algebraic(AlgebraicContext a, Token label, Scope scope) {
        if (ExpressionBuilder.number(a.zero) != 0) {
            problems.add(a.zero, "expected 0 on the left of an algebraic rule, found '" + a.zero.getText() + "'");
            return;
        }
        entries.algebraic(expr(a.expr(), scope), scope);
    }

    // ------------------------------------------------------------------ submodels

    private void submodel(SubmodelContext sub, QnameContext labelName, Scope scope) {
        String module = sub.module.getText();
        ModelBlockContext block = modules.get(module);
        if (block == null) {
            String guess = Names.suggest(module, modules.keySet());
            problems.add(sub.module, "unknown model '" + module + "'" + (guess != null ? " (did you mean '" + guess
                    + "'?)" : ": define it with 'model " + module + "() ... end' before using it"));
            return;
        }
        if (instantiating.contains(module)) {
            problems.add(sub.module, "model '" + module + "' contains itself: " + String.join(" > ", instantiating)
                    + " > " + module);
            return;
        }
        String label;
        Token at;
        if (labelName != null) {
            if (labelName.getText().indexOf('.') >= 0) {
                problems.add(labelName.getStart(), "expected a plain name for the submodel, found '"
                        + labelName.getText() + "'");
                return;
            }
            at = ref(labelName, scope);
            label = labelName.getText();
        } else {
            int n = unnamedSubmodels.merge(scope.prefix() + module, 1, Integer::sum) - 1;
            label = "_" + module + n;
            at = scope.token(sub.module, label);
            entries.synonyms.depth(at.getText(), scope.depth());
        }
        if (!entries.declareKind(entries.mention(at), Entries.Kind.SUBMODEL, at)) {
            return;
        }
        for (SubmodelOptionContext option : sub.submodelOption()) {
            String key = option.key.getText();
            if (key.equals("timeconv") || key.equals("extentconv")) {
                unsupported(option.key, "the submodel conversion factor '" + key + "'");
            } else {
                problems.add(option.key, "unknown submodel option '" + key + "': expected timeconv or extentconv");
            }
        }
        if (sub.compartment != null) {
            unsupported(sub.compartment.getStart(), "placing a submodel in a compartment ('in "
                    + sub.compartment.getText() + "')");
        }
        Scope inner = scope.child(label);
        submodels.add(at.getText());
        ModelHeaderContext header = block.modelHeader();
        List<String> exported = header.params() == null ? List.of()
                : header.params().ID().stream().map(t -> t.getText()).toList();
        List<SubmodelArgumentContext> args = sub.submodelArgument();
        if (args.size() > exported.size()) {
            problems.add(args.get(exported.size()).getStart(), "model '" + module + "' has " + exported.size()
                    + (exported.size() == 1 ? " parameter" : " parameters") + ", found " + args.size() + " arguments");
            return;
        }
        instantiating.add(module);
        try {
            block.line().forEach(l -> line(l, inner));
        } finally {
            instantiating.remove(instantiating.size() - 1);
        }
        for (int i = 0; i < args.size(); i++) {
            SubmodelArgumentContext arg = args.get(i);
            Token param = inner.token(arg.getStart(), exported.get(i));
            entries.synonyms.depth(param.getText(), inner.depth());
            if (arg.qname() != null) {
                entries.synonyms.join(param.getText(), ref(arg.qname(), scope).getText());
            } else {
                Entries.Entry e = entries.mention(param);
                if (entries.useAsVariable(e, param, "be given a value")) {
                    entries.initial(e, new Expr.Num(UnitExpressions.signed(arg.signedNumber())), true, scope);
                }
            }
        }
    }

    // ------------------------------------------------------------------ strings

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

}
