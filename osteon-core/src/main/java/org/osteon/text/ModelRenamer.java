package org.osteon.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.osteon.model.UnitDefinition;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.Exprs;

/**
 * Renames ids throughout a model, for the writer: ids libAntimony cannot read ({@code gamma},
 * a function there) become {@code gamma_}, as libAntimony itself renames SBML ids that clash with
 * its keywords.
 */
final class ModelRenamer {
    /** Names that, used as a symbol, mean the built-in constant in both readers. */
    private static final Set<String> CONSTANTS = Set.of("time", "pi", "exponentiale", "avogadro", "true", "false",
            "inf", "INF", "infinity", "NaN");

    private ModelRenamer() {
    }

    /** Every declared id libAntimony reserves, with its replacement (in declaration order). */
    static Map<String, String> reservedIds(Model m) {
        Set<String> taken = new HashSet<>();
        List<String> ids = new ArrayList<>();
        ids.add(m.id());
        m.units().forEach(u -> ids.add(u.id()));
        m.functions().forEach(f -> ids.add(f.id()));
        m.compartments().forEach(c -> ids.add(c.id()));
        m.species().forEach(s -> ids.add(s.id()));
        m.parameters().forEach(p -> ids.add(p.id()));
        m.reactions().forEach(r -> ids.add(r.id()));
        m.events().forEach(e -> ids.add(e.id()));
        m.speciesReferencesWithIds().forEach(r -> ids.add(r.id()));
        taken.addAll(ids);
        for (Expr e : allExpressions(m)) {
            taken.addAll(Exprs.symbols(e));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : ids) {
            if (Names.LIBANTIMONY_RESERVED.contains(id) && !out.containsKey(id)) {
                String fresh = id + "_";
                while (taken.contains(fresh)) {
                    fresh += "_";
                }
                taken.add(fresh);
                out.put(id, fresh);
            }
        }
        return out;
    }

    static Model rename(Model m, Map<String, String> names) {
        Model.Builder b = Model.builder(name(m.id(), names)).metadata(metadata(m.metadata(), names))
                .conversionFactor(m.conversionFactor() == null ? null : name(m.conversionFactor(), names));
        for (UnitDefinition u : m.units()) {
            b.unit(new UnitDefinition(name(u.id(), names), u.multiplier(), u.factors().stream()
                    .map(f -> new UnitDefinition.Factor(name(f.unit(), names), f.exponent())).toList()));
        }
        for (FunctionDefinition f : m.functions()) {
            b.function(function(f, names));
        }
        for (Compartment c : m.compartments()) {
            b.compartment(new Compartment(name(c.id(), names), c.size(), c.constant(), metadata(c.metadata(), names)));
        }
        for (Species s : m.species()) {
            b.species(new Species(name(s.id(), names), s.compartment() == null ? null : name(s.compartment(), names),
                    s.initialValue(), s.amountOnly(), s.boundary(), s.constant(),
                    s.conversionFactor() == null ? null : name(s.conversionFactor(), names), metadata(s.metadata(), names)));
        }
        for (Parameter p : m.parameters()) {
            b.parameter(new Parameter(name(p.id(), names), p.value(), p.constant(), metadata(p.metadata(), names)));
        }
        for (InitialAssignment a : m.initialAssignments()) {
            b.initialAssignment(new InitialAssignment(name(a.symbol(), names), expr(a.expression(), names)));
        }
        for (Rule r : m.rules()) {
            if (r instanceof Rule.Algebraic) {
                b.rule(new Rule.Algebraic(expr(r.expression(), names)));
            } else {
                b.rule(r instanceof Rule.Assignment ? new Rule.Assignment(name(r.variable(), names),
                        expr(r.expression(), names)) : new Rule.Rate(name(r.variable(), names), expr(r.expression(), names)));
            }
        }
        for (Reaction r : m.reactions()) {
            b.reaction(new Reaction(name(r.id(), names), refs(r.reactants(), names), refs(r.products(), names),
                    expr(r.rate(), names), r.reversible(), metadata(r.metadata(), names)));
        }
        for (Event e : m.events()) {
            b.event(new Event(name(e.id(), names), expr(e.trigger(), names), expr(e.delay(), names),
                    e.assignments().stream().map(a -> new Event.Assignment(name(a.variable(), names),
                            expr(a.expression(), names))).toList(), expr(e.priority(), names), e.persistent(),
                    e.initialValue(), e.useValuesFromTriggerTime(), metadata(e.metadata(), names)));
        }
        return b.build();
    }

    private static FunctionDefinition function(FunctionDefinition f, Map<String, String> names) {
        // parameters are local: rename the reserved ones inside the body only
        Map<String, String> local = new HashMap<>(names);
        List<String> parameters = new ArrayList<>();
        for (String p : f.parameters()) {
            local.remove(p);
            if (Names.LIBANTIMONY_RESERVED.contains(p)) {
                String fresh = p + "_";
                while (f.parameters().contains(fresh)) {
                    fresh += "_";
                }
                local.put(p, fresh);
            }
            parameters.add(local.getOrDefault(p, p));
        }
        return new FunctionDefinition(name(f.id(), names), parameters,
                f.body() == null ? null : expr(f.body(), local), metadata(f.metadata(), names));
    }

    private static String name(String id, Map<String, String> names) {
        return names.getOrDefault(id, id);
    }

    private static Metadata metadata(Metadata m, Map<String, String> names) {
        return m.unit() == null || !names.containsKey(m.unit()) ? m : m.withUnit(names.get(m.unit()));
    }

    private static List<SpeciesReference> refs(List<SpeciesReference> refs, Map<String, String> names) {
        return refs.stream().map(r -> new SpeciesReference(name(r.species(), names), r.stoichiometry(),
                r.id() == null ? null : name(r.id(), names))).toList();
    }

    private static Expr expr(Expr e, Map<String, String> names) {
        if (e == null) {
            return null;
        }
        Expr symbols = Exprs.mapSymbols(e, s -> names.containsKey(s.name()) && !CONSTANTS.contains(s.name())
                ? new Expr.Sym(names.get(s.name())) : s);
        return Exprs.mapCalls(symbols, c -> names.containsKey(c.function())
                ? new Expr.Call(names.get(c.function()), c.args()) : c);
    }

    static List<Expr> allExpressions(Model m) {
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
