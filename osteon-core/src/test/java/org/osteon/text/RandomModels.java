package org.osteon.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.osteon.model.expr.Expr.BinaryOp;
import org.osteon.model.expr.Expr.UnaryOp;

/**
 * Seeded generator of valid models of varied shape, for round-trip tests: every element kind,
 * metadata with awkward strings, event options, units, external functions, and numbers and
 * expressions chosen to trip a printer (negative zero, subnormals, NaN, nested signs, powers).
 */
final class RandomModels {
    private static final double[] TRICKY = {
        0, -0.0, 1, -1, 0.5, 2, 1e-3, -2.5e6, 1e300, -1e-300, Double.MIN_VALUE, -Double.MIN_VALUE,
        Double.MIN_NORMAL, Double.MAX_VALUE, 1e15, 1e16, 123456789012345.0, 0.1 + 0.2, Math.PI, -Math.E,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 7e-4, 3e6, 4.9e-324, 1e21, 1.0 / 3
    };
    private static final String[] STRINGS = {
        "", "active osteoblasts", "Pivonka 2008, Table 1", "say \"hi\"", "back\\slash", "two\nlines",
        "tab\there", "cr\rhere", "µ-mol · L⁻¹ — ünïcödé", "// not a comment", "# nor this", "/* nor */ this",
        "trailing backslash \\", "\\\"", "'single'", "a;b", "end", "model m() end"
    };
    private static final String[] ATTRIBUTE_KEYS = {
        "description", "source", "note", "citation", "doi", "unit", "model", "end", "in", "x_1"
    };

    private final Random random;
    private final Set<String> used = new LinkedHashSet<>();
    private int counter;

    private RandomModels(long seed) {
        random = new Random(seed);
    }

    static Model model(long seed) {
        return new RandomModels(seed).build();
    }

    private Model build() {
        Model.Builder b = Model.builder(fresh("model"));
        // no unit on the model or a function: it means nothing and libAntimony has no syntax for it
        b.metadata(metadata().withUnit(null));
        for (int i = random.nextInt(3); i > 0; i--) {
            List<UnitDefinition.Factor> factors = new ArrayList<>();
            java.util.Set<String> named = new java.util.HashSet<>();
            for (int j = random.nextInt(4); j > 0; j--) {
                String unit = pick("mole", "litre", "day", "metre", "second", fresh("u"));
                double exponent = random.nextInt(3) == 0 ? finiteNumber() : pickDouble(1, -1, 2, -2, 3, 0.5, -0.5);
                // A unit named twice is written as one factor with the summed power (libAntimony loses the
                // definition otherwise; AntimonyWriter.merged): equal in meaning, not in factor list, so not here.
                if (named.add(unit)) {
                    factors.add(new UnitDefinition.Factor(unit, exponent));
                }
            }
            b.unit(new UnitDefinition(fresh("unit"), random.nextBoolean() ? 1 : finiteNumber(), factors));
        }
        List<String> functionIds = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            List<String> params = new ArrayList<>();
            for (int j = random.nextInt(4); j > 0; j--) {
                params.add(fresh("p"));
            }
            String id = fresh("f");
            functionIds.add(id);
            Expr body = random.nextInt(3) == 0 ? null : expr(3, params.isEmpty() ? List.of("time") : params, List.of());
            b.function(new FunctionDefinition(id, params, body, metadata().withUnit(null)));
        }
        List<String> compartments = new ArrayList<>();
        List<String> species = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        int nc = random.nextInt(3);
        int ns = random.nextInt(6);
        int np = random.nextInt(7);
        for (int i = 0; i < nc; i++) {
            compartments.add(fresh("C"));
        }
        for (int i = 0; i < ns; i++) {
            species.add(fresh("S"));
        }
        for (int i = 0; i < np; i++) {
            parameters.add(fresh("k"));
        }
        List<String> variables = new ArrayList<>();
        variables.addAll(compartments);
        variables.addAll(species);
        variables.addAll(parameters);
        List<String> symbols = new ArrayList<>(variables);
        symbols.add("time");
        symbols.add(fresh("undefined"));

        // choose what rules and events change first: those must not be constant
        Set<String> ruled = new LinkedHashSet<>();
        Set<String> targeted = new LinkedHashSet<>();
        for (String v : variables) {
            if (random.nextInt(4) == 0) {
                ruled.add(v);
            }
        }
        List<Event> events = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0 && !variables.isEmpty(); i--) {
            List<Event.Assignment> assignments = new ArrayList<>();
            Set<String> here = new LinkedHashSet<>();
            for (int j = random.nextInt(3); j > 0; j--) {
                String v = variables.get(random.nextInt(variables.size()));
                if (here.add(v)) {
                    assignments.add(new Event.Assignment(v, expr(2, symbols, functionIds)));
                }
            }
            targeted.addAll(here);
            events.add(new Event(fresh("E"), expr(3, symbols, functionIds),
                    random.nextBoolean() ? null : expr(2, symbols, functionIds), assignments,
                    random.nextBoolean() ? null : expr(2, symbols, functionIds),
                    random.nextBoolean(), random.nextBoolean(), random.nextBoolean(), metadata()));
        }
        Set<String> changing = new LinkedHashSet<>(ruled);
        changing.addAll(targeted);

        for (String c : compartments) {
            b.compartment(new Compartment(c, value(), !changing.contains(c) && random.nextBoolean(), metadata()));
        }
        for (String s : species) {
            String compartment = compartments.isEmpty() || random.nextInt(4) == 0
                    ? null : compartments.get(random.nextInt(compartments.size()));
            b.species(new Species(s, compartment, value(), random.nextBoolean(), random.nextInt(4) == 0,
                    !changing.contains(s) && random.nextInt(4) == 0, metadata()));
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            b.reaction(new Reaction(fresh("J"), refs(species), refs(species), expr(3, symbols, functionIds),
                    random.nextBoolean(), metadata()));
        }
        for (String v : ruled) {
            Expr e = expr(3, symbols, functionIds);
            b.rule(random.nextBoolean() ? new Rule.Assignment(v, e) : new Rule.Rate(v, e));
        }
        if (random.nextInt(4) == 0) {
            b.rule(new Rule.Algebraic(expr(3, symbols, functionIds)));
        }
        events.forEach(b::event);
        for (String p : parameters) {
            b.parameter(new Parameter(p, value(), !changing.contains(p) && random.nextBoolean(), metadata()));
        }
        for (String v : variables) {
            if (random.nextInt(5) == 0) {
                b.initialAssignment(new InitialAssignment(v, expr(3, symbols, functionIds)));
            }
        }
        return b.build();
    }

    private List<SpeciesReference> refs(List<String> species) {
        List<SpeciesReference> refs = new ArrayList<>();
        if (species.isEmpty()) {
            return refs;
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            double s = random.nextInt(3) == 0
                    ? pickDouble(2, 0.5, 3, 1e-300, Double.MIN_VALUE, 1e300, 2.5e6, 1.0 / 3, 0) : 1;
            // a named stoichiometry (species reference id), as libAntimony writes "n S"
            String id = random.nextInt(6) == 0 ? fresh("sr") : null;
            refs.add(new SpeciesReference(species.get(random.nextInt(species.size())), s, id));
        }
        return refs;
    }

    /** An expression of at most the given depth, built directly as a tree. */
    Expr expr(int depth, List<String> symbols, List<String> functions) {
        int choice = depth <= 0 ? random.nextInt(2) : random.nextInt(9);
        switch (choice) {
            case 0:
                return new Expr.Num(number());
            case 1:
                return new Expr.Sym(symbols.get(random.nextInt(symbols.size())));
            case 2:
            case 3:
                return new Expr.Unary(random.nextInt(3) == 0 ? UnaryOp.NOT : UnaryOp.NEG,
                        expr(depth - 1, symbols, functions));
            case 4:
                // right-leaning and left-leaning power towers
                return new Expr.Binary(BinaryOp.POW, expr(depth - 1, symbols, functions),
                        expr(depth - 1, symbols, functions));
            case 5: {
                List<Expr> args = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    args.add(expr(depth - 1, symbols, functions));
                }
                String f = !functions.isEmpty() && random.nextBoolean()
                        ? functions.get(random.nextInt(functions.size())) : pick("piecewise", "min", "exp", "g");
                return new Expr.Call(f, args);
            }
            default: {
                BinaryOp[] ops = BinaryOp.values();
                return new Expr.Binary(ops[random.nextInt(ops.length)], expr(depth - 1, symbols, functions),
                        expr(depth - 1, symbols, functions));
            }
        }
    }

    private Metadata metadata() {
        if (random.nextInt(3) != 0) {
            return Metadata.EMPTY;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            attributes.put(pick(ATTRIBUTE_KEYS), pick(STRINGS));
        }
        return new Metadata(random.nextBoolean() ? pick(STRINGS) : null,
                random.nextBoolean() ? pick("pM", "per_day", "dimensionless", "mole") : null, attributes);
    }

    private double value() {
        return random.nextInt(3) == 0 ? Double.NaN : number();
    }

    private double number() {
        switch (random.nextInt(4)) {
            case 0:
                return random.nextInt(100);
            case 1:
                return Double.longBitsToDouble(random.nextLong());
            default:
                return TRICKY[random.nextInt(TRICKY.length)];
        }
    }

    /** Unit scales and exponents: the reader refuses infinities and NaN there. */
    private double finiteNumber() {
        double v = number();
        return Double.isFinite(v) ? v : random.nextInt(100);
    }

    private double pickDouble(double... options) {
        return options[random.nextInt(options.length)];
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private String fresh(String prefix) {
        String id;
        do {
            id = random.nextInt(5) == 0 ? "_" + prefix + counter++ : prefix + (counter++) + suffix();
        } while (!used.add(id));
        return id;
    }

    private String suffix() {
        return random.nextInt(4) == 0 ? "_" + (char) ('a' + random.nextInt(26)) : "";
    }
}
