package org.osteon.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable model with SBML Level 3 Core semantics: the single representation that text,
 * SBML and Java builders produce and that the compiler consumes.
 *
 * <p>Lists keep declaration order, so a model read from text and written back is equal to the
 * original. Use {@link #builder(String)} to construct one and {@link #toBuilder()} to derive a
 * changed copy.
 *
 * @param conversionFactor id of the parameter converting reaction extent into the substance of
 *                         every species without its own {@link Species#conversionFactor()} (SBML
 *                         Level 3), or {@code null}
 */
public record Model(String id, Metadata metadata, List<UnitDefinition> units,
                    List<FunctionDefinition> functions, List<Compartment> compartments,
                    List<Species> species, List<Parameter> parameters,
                    List<InitialAssignment> initialAssignments, List<Rule> rules,
                    List<Reaction> reactions, List<Event> events, String conversionFactor) {

    public Model {
        ModelSymbol.requireId(id);
        if (conversionFactor != null) {
            ModelSymbol.requireId(conversionFactor);
        }
        metadata = metadata == null ? Metadata.EMPTY : metadata;
        units = List.copyOf(units);
        functions = List.copyOf(functions);
        compartments = List.copyOf(compartments);
        species = List.copyOf(species);
        parameters = List.copyOf(parameters);
        initialAssignments = List.copyOf(initialAssignments);
        rules = List.copyOf(rules);
        reactions = List.copyOf(reactions);
        events = List.copyOf(events);
    }

    /** A model without a model-wide conversion factor. */
    public Model(String id, Metadata metadata, List<UnitDefinition> units, List<FunctionDefinition> functions,
                 List<Compartment> compartments, List<Species> species, List<Parameter> parameters,
                 List<InitialAssignment> initialAssignments, List<Rule> rules, List<Reaction> reactions,
                 List<Event> events) {
        this(id, metadata, units, functions, compartments, species, parameters, initialAssignments, rules,
                reactions, events, null);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public Builder toBuilder() {
        Builder b = new Builder(id).metadata(metadata).conversionFactor(conversionFactor);
        b.units.addAll(units);
        b.functions.addAll(functions);
        b.compartments.addAll(compartments);
        b.species.addAll(species);
        b.parameters.addAll(parameters);
        b.initialAssignments.addAll(initialAssignments);
        b.rules.addAll(rules);
        b.reactions.addAll(reactions);
        b.events.addAll(events);
        return b;
    }

    /** Every compartment, species, parameter, reaction, function and event by id. */
    public Map<String, ModelSymbol> symbols() {
        Map<String, ModelSymbol> out = new LinkedHashMap<>();
        compartments.forEach(c -> out.put(c.id(), c));
        species.forEach(s -> out.put(s.id(), s));
        parameters.forEach(p -> out.put(p.id(), p));
        reactions.forEach(r -> out.put(r.id(), r));
        functions.forEach(f -> out.put(f.id(), f));
        events.forEach(e -> out.put(e.id(), e));
        return out;
    }

    public Optional<ModelSymbol> symbol(String symbolId) {
        return Optional.ofNullable(symbols().get(symbolId));
    }

    public Optional<Species> speciesById(String speciesId) {
        return species.stream().filter(s -> s.id().equals(speciesId)).findFirst();
    }

    public Optional<Parameter> parameter(String parameterId) {
        return parameters.stream().filter(p -> p.id().equals(parameterId)).findFirst();
    }

    public Optional<Compartment> compartment(String compartmentId) {
        return compartments.stream().filter(c -> c.id().equals(compartmentId)).findFirst();
    }

    /** The assignment or rate rule setting {@code variable} (algebraic rules name no variable). */
    public Optional<Rule> ruleFor(String variable) {
        return rules.stream().filter(r -> variable.equals(r.variable())).findFirst();
    }

    /** Every species reference of every reaction that has its own id, in reaction order. */
    public List<SpeciesReference> speciesReferencesWithIds() {
        List<SpeciesReference> out = new ArrayList<>();
        for (Reaction r : reactions) {
            r.reactants().stream().filter(s -> s.id() != null).forEach(out::add);
            r.products().stream().filter(s -> s.id() != null).forEach(out::add);
        }
        return out;
    }

    /** The species reference with this id. */
    public Optional<SpeciesReference> speciesReference(String referenceId) {
        return speciesReferencesWithIds().stream().filter(s -> s.id().equals(referenceId)).findFirst();
    }

    public Optional<UnitDefinition> unit(String unitId) {
        return units.stream().filter(u -> u.id().equals(unitId)).findFirst();
    }

    /**
     * The name of the model's time unit, for labels: the unit a {@code time_unit} definition renames
     * ({@code unit time_unit = hour}), the usual name of a multiple of seconds
     * ({@code unit time_unit = 3600 second} is "hour"; SBML files write time units this way), else
     * "time_unit" itself; "day", Osteon's default, when the model declares none. Conversions do not
     * use this name: they resolve the definition (see {@code org.osteon.units.Units#timeUnit}).
     */
    public String timeUnit() {
        Optional<UnitDefinition> declared = unit("time_unit");
        if (declared.isEmpty()) {
            return "day";
        }
        UnitDefinition u = declared.get();
        if (u.factors().size() != 1 || u.factors().get(0).exponent() != 1) {
            return u.id();
        }
        String base = u.factors().get(0).unit();
        if (u.multiplier() == 1) {
            return base;
        }
        if (base.equals("second")) {
            String named = SECONDS.get(u.multiplier());
            if (named != null) {
                return named;
            }
        }
        return u.id();
    }

    /** Time units SBML files write as multiples of the second. */
    private static final Map<Double, String> SECONDS = Map.of(60.0, "minute", 3600.0, "hour",
            86400.0, "day", 604800.0, "week");

    /** Mutable collector for building a {@link Model}; not thread-safe. */
    public static final class Builder {
        private String id;
        private Metadata metadata = Metadata.EMPTY;
        private String conversionFactor;
        private final List<UnitDefinition> units = new ArrayList<>();
        private final List<FunctionDefinition> functions = new ArrayList<>();
        private final List<Compartment> compartments = new ArrayList<>();
        private final List<Species> species = new ArrayList<>();
        private final List<Parameter> parameters = new ArrayList<>();
        private final List<InitialAssignment> initialAssignments = new ArrayList<>();
        private final List<Rule> rules = new ArrayList<>();
        private final List<Reaction> reactions = new ArrayList<>();
        private final List<Event> events = new ArrayList<>();

        private Builder(String id) {
            this.id = id;
        }

        public Builder id(String newId) {
            this.id = newId;
            return this;
        }

        public Builder metadata(Metadata m) {
            this.metadata = m;
            return this;
        }

        /** The model-wide conversion factor (a parameter id), or {@code null}. */
        public Builder conversionFactor(String parameterId) {
            this.conversionFactor = parameterId;
            return this;
        }

        public Builder unit(UnitDefinition u) {
            units.add(u);
            return this;
        }

        public Builder function(FunctionDefinition f) {
            functions.add(f);
            return this;
        }

        public Builder compartment(Compartment c) {
            compartments.add(c);
            return this;
        }

        public Builder species(Species s) {
            species.add(s);
            return this;
        }

        public Builder parameter(Parameter p) {
            parameters.add(p);
            return this;
        }

        public Builder initialAssignment(InitialAssignment a) {
            initialAssignments.add(a);
            return this;
        }

        public Builder rule(Rule r) {
            rules.add(r);
            return this;
        }

        public Builder reaction(Reaction r) {
            reactions.add(r);
            return this;
        }

        public Builder event(Event e) {
            events.add(e);
            return this;
        }

        public Model build() {
            return new Model(id, metadata, units, functions, compartments, species, parameters,
                    initialAssignments, rules, reactions, events, conversionFactor);
        }
    }
}
