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
 * Writes a model as canonical Antimony text: functions before the model block (where tellurium
 * expects them), then sections for units, compartments, species, reactions, rules, events,
 * parameters, initial assignments and metadata, one statement per line.
 *
 * <p>{@code AntimonyReader.parse(write(m), f).equals(m)} holds for every valid model: ids are
 * identifiers and not reserved words, references point at existing elements, a symbol has at most
 * one rule and one initial assignment, and rule or event targets are not constant.
 */
public final class AntimonyWriter {
    private static final String INDENT = "  ";

    private final Model model;
    private final StringBuilder out = new StringBuilder();
    private final Set<String> targets = new HashSet<>();
    private final Set<String> boundary = new HashSet<>();

    private AntimonyWriter(Model model) {
        this.model = model;
        model.rules().stream().filter(r -> r.variable() != null).forEach(r -> targets.add(r.variable()));
        model.events().forEach(e -> e.assignments().forEach(a -> targets.add(a.variable())));
        model.species().stream().filter(Species::boundary).forEach(s -> boundary.add(s.id()));
    }

    /**
     * @throws IllegalArgumentException if a name cannot be written: not an identifier, or a
     *                                  reserved word such as {@code species} or {@code in}
     */
    public static String write(Model model) {
        if (model.rules().stream().anyMatch(r -> r instanceof Rule.Algebraic)) {
            throw new IllegalArgumentException("model '" + model.id() + "' has an algebraic rule (0 = "
                    + ExprFormatter.format(model.rules().stream().filter(r -> r instanceof Rule.Algebraic).findFirst()
                    .orElseThrow().expression()) + "), which Antimony cannot express; export it as SBML");
        }
        checkNames(model);
        return new AntimonyWriter(model).text();
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
        section("Rules", model.rules(), this::rule);
        section("Events", model.events(), this::event);
        section("Parameters", model.parameters(), this::parameter);
        section("Initial assignments", model.initialAssignments(), this::initialAssignment);
        List<String> metadata = metadataLines();
        section("Metadata", metadata, line -> line(line));
        out.append("end\n");
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

    private void unit(UnitDefinition u) {
        StringBuilder sb = new StringBuilder("unit ").append(u.id()).append(" = ");
        List<UnitDefinition.Factor> factors = u.factors();
        // a leading '/' needs a number before it: "1 / day"
        boolean number = u.multiplier() != 1 || factors.isEmpty() || factors.get(0).exponent() < 0;
        if (number) {
            sb.append(ExprFormatter.number(u.multiplier()));
        }
        for (int i = 0; i < factors.size(); i++) {
            UnitDefinition.Factor f = factors.get(i);
            boolean divide = f.exponent() < 0;
            double exponent = divide ? -f.exponent() : f.exponent();
            if (divide) {
                sb.append(" / ");
            } else if (i > 0) {
                sb.append(" * ");
            } else if (number) {
                sb.append(' ');
            }
            sb.append(f.unit());
            if (Double.compare(exponent, 1.0) != 0) {
                sb.append('^').append(ExprFormatter.number(exponent));
            }
        }
        line(sb.toString());
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
        line(sb + initialValue(s.initialValue()));
    }

    private void reaction(Reaction r) {
        String left = side(r.reactants());
        String right = side(r.products());
        line(r.id() + ": " + (left.isEmpty() ? "" : left + " ") + (r.reversible() ? "->" : "=>")
                + (right.isEmpty() ? "" : " " + right) + "; " + ExprFormatter.format(r.rate()));
    }

    private String side(List<SpeciesReference> refs) {
        return refs.stream()
                .map(ref -> (ref.stoichiometry() == 1 ? "" : ExprFormatter.number(ref.stoichiometry()) + " ")
                        + (boundary.contains(ref.species()) ? "$" : "") + ref.species())
                .collect(Collectors.joining(" + "));
    }

    private void rule(Rule r) {
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
        metadata(model.id(), model.metadata(), lines);
        model.functions().forEach(f -> metadata(f.id(), f.metadata(), lines));
        model.compartments().forEach(c -> metadata(c.id(), c.metadata(), lines));
        model.species().forEach(s -> metadata(s.id(), s.metadata(), lines));
        model.reactions().forEach(r -> metadata(r.id(), r.metadata(), lines));
        model.events().forEach(e -> metadata(e.id(), e.metadata(), lines));
        model.parameters().forEach(p -> metadata(p.id(), p.metadata(), lines));
        return lines;
    }

    private static void metadata(String id, Metadata m, List<String> lines) {
        if (m.displayName() != null) {
            lines.add(id + " is " + quote(m.displayName()));
        }
        if (m.unit() != null) {
            lines.add(id + " has " + m.unit());
        }
        for (Map.Entry<String, String> a : m.attributes().entrySet()) {
            lines.add(id + "." + a.getKey() + " = " + quote(a.getValue()));
        }
    }

    private static String constness(boolean constant, boolean byDefault) {
        return constant == byDefault ? "" : constant ? "const " : "var ";
    }

    private static String initialValue(double v) {
        return Double.isNaN(v) ? "" : " = " + ExprFormatter.number(v);
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
                if (key == null || !ModelSymbol.ID.matcher(key).matches()) {
                    throw new IllegalArgumentException("cannot write metadata attribute '" + key
                            + "': attribute names must be identifiers");
                }
            }
        }
        for (Expr e : allExpressions(m)) {
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
        if (!Names.isWritableId(name)) {
            throw new IllegalArgumentException("cannot write " + what + " '" + name + "' in Antimony: "
                    + (Names.RESERVED.contains(name) ? "it is a reserved word" : "it is not an identifier"));
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

    private static List<Expr> allExpressions(Model m) {
        List<Expr> out = new ArrayList<>();
        m.functions().stream().filter(f -> !f.isExternal()).forEach(f -> out.add(f.body()));
        m.initialAssignments().forEach(a -> out.add(a.expression()));
        m.rules().forEach(r -> out.add(r.expression()));
        m.reactions().forEach(r -> out.add(r.rate()));
        for (Event e : m.events()) {
            out.add(e.trigger());
            if (e.delay() != null) {
                out.add(e.delay());
            }
            if (e.priority() != null) {
                out.add(e.priority());
            }
            e.assignments().forEach(a -> out.add(a.expression()));
        }
        return out;
    }
}
