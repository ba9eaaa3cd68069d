package org.osteon.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.osteon.model.Compartment;
import org.osteon.model.Event;
import org.osteon.model.FunctionDefinition;
import org.osteon.model.InitialAssignment;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.ModelSymbol;
import org.osteon.model.Parameter;
import org.osteon.model.Reaction;
import org.osteon.model.Rule;
import org.osteon.model.Species;
import org.osteon.model.SpeciesReference;
import org.osteon.model.UnitDefinition;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.ExprFormatter;
import org.osteon.model.expr.Exprs;

/**
 * Writes a model as canonical Antimony text that both Osteon and libAntimony read: functions
 * before the model block (where tellurium expects them), then sections for units, compartments,
 * species, reactions, rules, events, parameters, initial assignments and metadata, one statement
 * per line; the model's and the functions' own metadata follow the block, as libAntimony writes it.
 *
 * <p>What libAntimony would not read is written in a form it does: Osteon's attributes as notes
 * ({@code A notes "description: ..."}, see {@link MetadataText}), texts it cannot hold between
 * quotes between triple back-quotes, and unit numbers so that a power never applies to them.
 * Ids that are libAntimony keywords, functions or constants ({@code gamma}) get a trailing
 * {@code _}, listed in a comment at the top. Two things have no libAntimony form and stay Osteon's
 * own: external (Java) functions are declared {@code external function f(x)}, and a unit given to
 * the model or a function ({@code f has u}). {@link LibAntimonyRules} lists what libAntimony
 * rejects; the writer's tests hold its output to it.
 *
 * <p>{@code AntimonyReader.parse(write(m), f).equals(m)} holds for every valid model whose ids
 * are not renamed: references point at existing elements, a symbol has at most one rule and one
 * initial assignment, and rule or event targets are not constant.
 */
public final class AntimonyWriter {
    private static final String INDENT = "  ";

    private final Model model;
    private final StringBuilder out = new StringBuilder();
    private final Set<String> targets = new HashSet<>();
    private final Set<String> boundary = new HashSet<>();
    private final Set<String> initialised = new HashSet<>();
    /** Units renamed because a symbol has their name: libAntimony has one namespace for both. */
    private final Map<String, String> unitNames;

    private AntimonyWriter(Model model) {
        this.model = model;
        this.unitNames = unitRenames(model);
        model.initialAssignments().forEach(a -> initialised.add(a.symbol()));
        model.rules().stream().filter(r -> r instanceof Rule.Assignment).forEach(r -> initialised.add(r.variable()));
        model.rules().stream().filter(r -> r.variable() != null).forEach(r -> targets.add(r.variable()));
        model.events().forEach(e -> e.assignments().forEach(a -> targets.add(a.variable())));
        model.species().stream().filter(Species::boundary).forEach(s -> boundary.add(s.id()));
    }

    /**
     * @throws IllegalArgumentException if a name cannot be written: not an identifier, or a
     *                                  reserved word such as {@code species} or {@code in}
     */
    public static String write(Model model) {
        if (model.conversionFactor() != null || model.species().stream().anyMatch(sp -> sp.conversionFactor() != null)) {
            String who = model.conversionFactor() != null ? "the model" : "species '" + model.species().stream()
                    .filter(sp -> sp.conversionFactor() != null).findFirst().orElseThrow().id() + "'";
            throw new IllegalArgumentException("model '" + model.id() + "': " + who + " has a conversion factor, which "
                    + "Antimony cannot express; export it as SBML");
        }
        checkNames(model);
        Map<String, String> renamed = ModelRenamer.reservedIds(model);
        AntimonyWriter w = new AntimonyWriter(renamed.isEmpty() ? model : ModelRenamer.rename(model, renamed));
        if (!renamed.isEmpty()) {
            w.out.append("// Renamed: ").append(renamed.entrySet().stream().map(e -> e.getKey() + " -> " + e.getValue())
                    .collect(Collectors.joining(", "))).append(" (reserved words in libAntimony)\n");
        }
        if (!w.unitNames.isEmpty()) {
            w.out.append("// Renamed units: ").append(w.unitNames.entrySet().stream().map(e -> e.getKey() + " -> " + e.getValue())
                    .collect(Collectors.joining(", "))).append(" (libAntimony has one namespace for units and symbols)\n");
        }
        return w.text();
    }

    /** Units whose names a compartment, species, parameter, reaction, event or function also has, with fresh names. */
    private static Map<String, String> unitRenames(Model m) {
        Set<String> symbols = new HashSet<>();
        symbols.add(m.id());
        m.functions().forEach(f -> symbols.add(f.id()));
        m.compartments().forEach(c -> symbols.add(c.id()));
        m.species().forEach(sp -> symbols.add(sp.id()));
        m.parameters().forEach(p -> symbols.add(p.id()));
        m.reactions().forEach(r -> symbols.add(r.id()));
        m.events().forEach(e -> symbols.add(e.id()));
        m.speciesReferencesWithIds().forEach(r -> symbols.add(r.id()));
        Set<String> taken = new HashSet<>(symbols);
        m.units().forEach(u -> taken.add(u.id()));
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (UnitDefinition u : m.units()) {
            if (symbols.contains(u.id())) {
                String fresh = u.id() + "_unit";
                for (int k = 2; taken.contains(fresh); k++) {
                    fresh = u.id() + "_unit" + k;
                }
                taken.add(fresh);
                out.put(u.id(), fresh);
            }
        }
        return out;
    }

    private String unitName(String unit) {
        return unitNames.getOrDefault(unit, unit);
    }

    private String text() {
        if (!model.functions().isEmpty()) {
            out.append("// Functions\n");
            model.functions().forEach(this::function);
            out.append('\n');
        }
        out.append("model *").append(model.id()).append("()\n");
        section("Units", model.units(), this::unit);
        section("Compartments", model.compartments(), this::compartment);
        section("Species", model.species(), this::species);
        section("Reactions", model.reactions(), this::reaction);
        section("Stoichiometries", model.speciesReferencesWithIds().stream()
                .filter(ref -> !Double.isNaN(ref.stoichiometry())).toList(), this::stoichiometry);
        section("Rules", model.rules(), this::rule);
        section("Events", model.events(), this::event);
        section("Parameters", model.parameters(), this::parameter);
        section("Initial assignments", model.initialAssignments(), this::initialAssignment);
        List<String> metadata = metadataLines();
        section("Metadata", metadata, line -> line(line));
        out.append("end\n");
        List<String> outside = new ArrayList<>();
        metadata(model.id(), model.metadata(), outside);
        model.functions().forEach(f -> metadata(f.id(), f.metadata(), outside));
        if (!outside.isEmpty()) {
            out.append('\n');
            outside.forEach(l -> out.append(l).append('\n'));
        }
        return out.toString();
    }

    private <T> void section(String title, List<T> items, Consumer<T> writer) {
        if (items.isEmpty()) {
            return;
        }
        out.append('\n');
        line("// " + title);
        items.forEach(writer);
    }

    private void line(String s) {
        out.append(INDENT).append(s).append('\n');
    }

    private void function(FunctionDefinition f) {
        String header = "function " + f.id() + "(" + String.join(", ", f.parameters()) + ")";
        if (f.isExternal()) {
            out.append("external ").append(header).append('\n');
        } else {
            out.append(header).append('\n').append(INDENT).append(ExprFormatter.format(f.body())).append("\nend\n");
        }
    }

    /**
     * As libAntimony reads units, a number right before a unit is raised with it by a power
     * ({@code 2 mole^2} is 4 mole^2), so a number goes before a unit only when no power follows:
     * {@code 1e-12 mole / litre}, {@code 2 * mole^2}, {@code 1 / day}.
     */
    private void unit(UnitDefinition u) {
        StringBuilder sb = new StringBuilder("unit ").append(unitName(u.id())).append(" = ");
        List<UnitDefinition.Factor> factors = merged(u.factors());
        boolean number = u.multiplier() != 1 || factors.isEmpty() || factors.get(0).exponent() < 0;
        if (number) {
            sb.append(ExprFormatter.number(u.multiplier()));
        }
        for (int i = 0; i < factors.size(); i++) {
            UnitDefinition.Factor f = factors.get(i);
            boolean divide = f.exponent() < 0;
            double exponent = divide ? -f.exponent() : f.exponent();
            boolean powered = Double.compare(exponent, 1.0) != 0;
            if (divide) {
                sb.append(" / ");
            } else if (i > 0 || number && powered) {
                sb.append(" * ");
            } else if (number) {
                sb.append(' ');
            }
            sb.append(unitName(f.unit()));
            if (powered) {
                sb.append('^').append(ExprFormatter.number(exponent));
            }
        }
        line(sb.toString());
    }

    /**
     * One factor per unit, exponents added: libAntimony 2.14 loses a definition that names a unit
     * twice ({@code pmol / hour / hour} became an empty unit; check.sh, December 2026).
     */
    private static List<UnitDefinition.Factor> merged(List<UnitDefinition.Factor> factors) {
        Map<String, Double> exponents = new java.util.LinkedHashMap<>();
        factors.forEach(f -> exponents.merge(f.unit(), f.exponent(), Double::sum));
        if (exponents.size() == factors.size()) {
            return factors;
        }
        List<UnitDefinition.Factor> out = new ArrayList<>();
        exponents.forEach((unit, exponent) -> {
            if (exponent != 0) {
                out.add(new UnitDefinition.Factor(unit, exponent));
            }
        });
        return out;
    }

    private void compartment(Compartment c) {
        line(constness(c.constant(), !targets.contains(c.id())) + "compartment " + c.id() + initialValue(c.size()));
    }

    private void species(Species s) {
        StringBuilder sb = new StringBuilder();
        if (s.constant()) {
            sb.append("const ");
        }
        if (s.amountOnly()) {
            sb.append("substanceOnly ");
        }
        sb.append("species ").append(s.boundary() ? "$" : "").append(s.id());
        if (s.compartment() != null) {
            sb.append(" in ").append(s.compartment());
        }
        // a species without a value would be read as starting at 0 (tellurium's convention)
        boolean explicitNaN = Double.isNaN(s.initialValue()) && !initialised.contains(s.id());
        line(sb + (explicitNaN ? " = NaN" : initialValue(s.initialValue())));
    }

    /**
     * A negative coefficient cannot be written before a species: it is written on the other side,
     * positive (consuming -2 A is producing 2 A), so the text has the same equations.
     */
    private void reaction(Reaction r) {
        List<SpeciesReference> reactants = new ArrayList<>();
        List<SpeciesReference> products = new ArrayList<>();
        r.reactants().forEach(ref -> (ref.stoichiometry() < 0 && ref.id() == null ? products : reactants).add(ref));
        r.products().forEach(ref -> (ref.stoichiometry() < 0 && ref.id() == null ? reactants : products).add(ref));
        String left = side(reactants);
        String right = side(products);
        line(r.id() + ": " + (left.isEmpty() ? "" : left + " ") + (r.reversible() ? "->" : "=>")
                + (right.isEmpty() ? "" : " " + right) + "; " + ExprFormatter.format(r.rate()));
    }

    /** {@code 2 A}, {@code $B}, or {@code n A} for a reference with id n (its value is written with the parameters). */
    private String side(List<SpeciesReference> refs) {
        return refs.stream()
                .map(ref -> {
                    double s = Math.abs(ref.stoichiometry());
                    String coefficient = ref.id() != null ? ref.id() + " " : s == 1 ? "" : ExprFormatter.number(s) + " ";
                    return coefficient + (boundary.contains(ref.species()) ? "$" : "") + ref.species();
                })
                .collect(Collectors.joining(" + "));
    }

    /** The value of a named stoichiometry (one set by an assignment, rule or event has none). */
    private void stoichiometry(SpeciesReference ref) {
        line(ref.id() + " = " + ExprFormatter.number(ref.stoichiometry()));
    }

    private void rule(Rule r) {
        if (r instanceof Rule.Algebraic) {
            line("0 = " + ExprFormatter.format(r.expression()));
            return;
        }
        String op = r instanceof Rule.Assignment ? " := " : "' = ";
        line(r.variable() + op + ExprFormatter.format(r.expression()));
    }

    private void event(Event e) {
        StringBuilder sb = new StringBuilder(e.id()).append(": at ");
        if (e.delay() != null) {
            sb.append(ExprFormatter.format(e.delay())).append(" after ");
        }
        sb.append('(').append(ExprFormatter.format(e.trigger())).append(')');
        if (!e.initialValue()) {
            sb.append(", t0=false");
        }
        if (e.priority() != null) {
            sb.append(", priority=").append(ExprFormatter.format(e.priority()));
        }
        if (!e.persistent()) {
            sb.append(", persistent=false");
        }
        if (!e.useValuesFromTriggerTime()) {
            sb.append(", fromTrigger=false");
        }
        sb.append(':');
        String assignments = e.assignments().stream()
                .map(a -> a.variable() + " = " + ExprFormatter.format(a.expression()))
                .collect(Collectors.joining(", "));
        if (!assignments.isEmpty()) {
            sb.append(' ').append(assignments);
        }
        line(sb.toString());
    }

    /**
     * Every parameter gets a line even without a value, so the reader sees its declaration here and
     * keeps the model's parameter order.
     */
    private void parameter(Parameter p) {
        boolean byDefault = !targets.contains(p.id());
        String prefix = constness(p.constant(), byDefault);
        if (Double.isNaN(p.value()) && prefix.isEmpty()) {
            prefix = p.constant() ? "const " : "var ";
        }
        line(prefix + p.id() + initialValue(p.value()));
    }

    private void initialAssignment(InitialAssignment a) {
        String value = ExprFormatter.format(a.expression());
        // a bare number would read back as a plain value, not as an initial assignment
        line(a.symbol() + " = " + (a.expression() instanceof Expr.Num ? "(" + value + ")" : value));
    }

    private List<String> metadataLines() {
        List<String> lines = new ArrayList<>();
        model.compartments().forEach(c -> metadata(c.id(), c.metadata(), lines));
        model.species().forEach(s -> metadata(s.id(), s.metadata(), lines));
        model.reactions().forEach(r -> metadata(r.id(), r.metadata(), lines));
        model.events().forEach(e -> metadata(e.id(), e.metadata(), lines));
        model.parameters().forEach(p -> metadata(p.id(), p.metadata(), lines));
        return lines;
    }

    private void metadata(String id, Metadata m, List<String> lines) {
        if (m.displayName() != null) {
            lines.add(id + " is " + text(m.displayName()));
        }
        if (m.unit() != null) {
            lines.add(id + " has " + unitName(m.unit()));
        }
        for (Map.Entry<String, String> a : m.attributes().entrySet()) {
            String key = a.getKey();
            String value = a.getValue();
            long sbo = key.equals(Metadata.SBO_TERM) ? MetadataText.sboNumber(value) : -1;
            if (sbo >= 0) {
                lines.add(id + ".sboTerm = " + sbo);
            } else if (key.startsWith(Metadata.CV_PREFIX) && cvTerm(key) != null) {
                String qualifier = cvTerm(key);
                lines.add(id + " " + qualifier + " " + value.lines().map(AntimonyWriter::text)
                        .collect(Collectors.joining(", ")));
            } else {
                lines.add(id + " notes " + text(MetadataText.notes(key, value)));
            }
        }
    }

    /** The qualifier (or creator term) a {@code cv:} key is written with, or null if libAntimony has none. */
    private static String cvTerm(String key) {
        String name = key.substring(Metadata.CV_PREFIX.length());
        int dot = name.indexOf('.');
        String qualifier = dot < 0 ? name : name.substring(0, dot);
        if (dot < 0 ? qualifier.equals(MetadataText.qualifier(qualifier)) && !name.isEmpty()
                : qualifier.matches("creator\\d+") && ModelSymbol.ID.matcher(name.substring(dot + 1)).matches()) {
            return name;
        }
        return null;
    }

    private static String constness(boolean constant, boolean byDefault) {
        return constant == byDefault ? "" : constant ? "const " : "var ";
    }

    private static String initialValue(double v) {
        return Double.isNaN(v) ? "" : " = " + ExprFormatter.number(v);
    }

    /**
     * A text between quotes, as both readers read it: plain {@code "..."} when it has no quote,
     * backslash or line break (libAntimony's strings have no escapes), else between triple
     * back-quotes, which neither reader escapes; else (a text with three back-quotes or ending in
     * one) Osteon's escaped quotes, which libAntimony would read differently.
     */
    static String text(String s) {
        boolean plain = s.chars().noneMatch(c -> c == '"' || c == '\\' || c == '\n' || c == '\r');
        if (plain) {
            return "\"" + s + "\"";
        }
        if (!s.contains("```") && !s.endsWith("`")) {
            return "```" + s + "```";
        }
        return quote(s);
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                default:
                    sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    // ------------------------------------------------------------------ names

    private static void checkNames(Model m) {
        List<String> names = new ArrayList<>();
        names.add(m.id());
        m.units().forEach(u -> {
            names.add(u.id());
            u.factors().forEach(f -> names.add(f.unit()));
        });
        m.functions().forEach(f -> {
            names.add(f.id());
            names.addAll(f.parameters());
        });
        m.compartments().forEach(c -> names.add(c.id()));
        m.species().forEach(s -> {
            names.add(s.id());
            if (s.compartment() != null) {
                names.add(s.compartment());
            }
        });
        m.parameters().forEach(p -> names.add(p.id()));
        m.initialAssignments().forEach(a -> names.add(a.symbol()));
        m.rules().stream().filter(r -> r.variable() != null).forEach(r -> names.add(r.variable()));
        m.reactions().forEach(r -> {
            names.add(r.id());
            r.reactants().forEach(s -> names.add(s.species()));
            r.products().forEach(s -> names.add(s.species()));
        });
        m.events().forEach(e -> {
            names.add(e.id());
            e.assignments().forEach(a -> names.add(a.variable()));
        });
        for (String name : names) {
            requireWritable(name, "name");
        }
        for (Metadata md : allMetadata(m)) {
            if (md.unit() != null) {
                requireWritable(md.unit(), "unit");
            }
            for (String key : md.attributes().keySet()) {
                boolean cv = key != null && key.startsWith(Metadata.CV_PREFIX) && cvTerm(key) != null;
                if (!cv && (key == null || !MetadataText.isNotesKey(key))) {
                    throw new IllegalArgumentException("cannot write metadata attribute '" + key
                            + "': attribute names must be identifiers or annotation qualifiers such as cv:hypernym");
                }
            }
        }
        for (Expr e : ModelRenamer.allExpressions(m)) {
            Exprs.walk(e, node -> {
                if (node instanceof Expr.Sym) {
                    requireWritable(((Expr.Sym) node).name(), "symbol");
                } else if (node instanceof Expr.Call) {
                    requireWritable(((Expr.Call) node).function(), "function");
                }
            });
        }
    }

    private static void requireWritable(String name, String what) {
        if (name == null || !ModelSymbol.ID.matcher(name).matches()) {
            throw new IllegalArgumentException("cannot write " + what + " '" + name + "' in Antimony: it is not an "
                    + "identifier");
        }
    }

    private static List<Metadata> allMetadata(Model m) {
        List<Metadata> out = new ArrayList<>();
        out.add(m.metadata());
        m.functions().forEach(f -> out.add(f.metadata()));
        m.compartments().forEach(c -> out.add(c.metadata()));
        m.species().forEach(s -> out.add(s.metadata()));
        m.parameters().forEach(p -> out.add(p.metadata()));
        m.reactions().forEach(r -> out.add(r.metadata()));
        m.events().forEach(e -> out.add(e.metadata()));
        return out;
    }
}
