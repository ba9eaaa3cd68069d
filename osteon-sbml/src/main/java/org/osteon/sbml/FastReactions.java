package org.osteon.sbml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osteon.model.Event;
import org.osteon.model.InitialAssignment;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.Parameter;
import org.osteon.model.Reaction;
import org.osteon.model.Rule;
import org.osteon.model.Species;
import org.osteon.model.SpeciesReference;
import org.osteon.model.expr.Expr;

/**
 * SBML's fast reactions (Level 2 and Level 3 Version 1, {@code fast="true"}) as the rapid-
 * equilibrium limit they stand for (L2V4 sec. 4.13.3, L3V1 sec. 4.11.2): the fast reactions are at
 * equilibrium at every instant, and only the slow reactions move what they conserve.
 * <p>
 * With N the stoichiometry of the fast reactions over the species they change, every vector l
 * with l N = 0 gives a conserved total T = sum l_i n_i (n: amounts), which only slow reactions
 * change: T becomes a parameter with the rate rule dT/dt = sum l_i (slow rate of species i). The
 * species become algebraic: the rules 0 = sum l_i n_i - T, and 0 = v_j (the kinetic law) for a
 * set of linearly independent fast reactions, determine them (as many equations as species:
 * rank N kinetic laws and dim(left null space of N) totals). Osteon's DAE path then keeps them
 * consistent at the start and after every event. An event that sets such a species changes the
 * totals instead, after which the species re-equilibrate: the rapid-equilibrium meaning of the set.
 * <p>
 * Refused (as unsupported, naming the reaction or species): variable stoichiometry in a fast
 * reaction, a fast species with a rule or a conversion factor or read through {@code delay} (its
 * history before the start would be the equilibrated value, not the file's), and a fast reaction
 * whose id other math uses (its flux is not its kinetic law in the limit).
 */
final class FastReactions {
    /** Pivot threshold for the elimination on stoichiometries (small integers or simple fractions in practice). */
    private static final double EPS = 1e-12;

    private FastReactions() {
    }

    /**
     * @param fast ids of the fast reactions
     * @throws IllegalArgumentException with the reason, for the cases this reduction does not handle
     */
    static Model reduce(Model model, Set<String> fast) {
        if (fast.isEmpty()) {
            return model;
        }
        List<Reaction> fastReactions = model.reactions().stream().filter(r -> fast.contains(r.id())).toList();
        List<Reaction> slowReactions = model.reactions().stream().filter(r -> !fast.contains(r.id())).toList();
        // the species the fast reactions change
        List<String> species = new ArrayList<>();
        for (Reaction r : fastReactions) {
            for (SpeciesReference ref : concat(r.reactants(), r.products())) {
                if (Double.isNaN(ref.stoichiometry())) {
                    throw new IllegalArgumentException("fast reaction '" + r.id() + "' has a variable stoichiometry");
                }
                Species s = model.speciesById(ref.species()).orElseThrow();
                if (!s.boundary() && !s.constant() && !species.contains(s.id())) {
                    species.add(s.id());
                }
            }
        }
        for (String id : species) {
            Species s = model.speciesById(id).orElseThrow();
            if (model.ruleFor(id).isPresent()) {
                throw new IllegalArgumentException("species '" + id + "' of a fast reaction also has a rule");
            }
            if (s.conversionFactor() != null || model.conversionFactor() != null) {
                throw new IllegalArgumentException("species '" + id + "' of a fast reaction has a conversion factor");
            }
        }
        Set<String> used = new HashSet<>();
        model.rules().forEach(r -> used.addAll(org.osteon.model.expr.Exprs.symbols(r.expression())));
        model.reactions().forEach(r -> used.addAll(org.osteon.model.expr.Exprs.symbols(r.rate())));
        model.initialAssignments().forEach(a -> used.addAll(org.osteon.model.expr.Exprs.symbols(a.expression())));
        model.events().forEach(e -> {
            used.addAll(org.osteon.model.expr.Exprs.symbols(e.trigger()));
            e.assignments().forEach(a -> used.addAll(org.osteon.model.expr.Exprs.symbols(a.expression())));
        });
        Set<String> delayed = delayedSymbols(model);
        for (String id : species) {
            if (delayed.contains(id)) {
                // its history before the start would be the equilibrated value, not the value the file gives
                throw new IllegalArgumentException("species '" + id + "' of a fast reaction is read through delay()");
            }
        }
        for (Reaction r : fastReactions) {
            if (used.contains(r.id())) {
                throw new IllegalArgumentException("the flux of fast reaction '" + r.id() + "' is used in the model's math");
            }
        }
        int n = species.size();
        int m = fastReactions.size();
        double[][] stoich = new double[n][m];
        for (int j = 0; j < m; j++) {
            Reaction r = fastReactions.get(j);
            for (SpeciesReference ref : r.reactants()) {
                int i = species.indexOf(ref.species());
                if (i >= 0) {
                    stoich[i][j] -= ref.stoichiometry();
                }
            }
            for (SpeciesReference ref : r.products()) {
                int i = species.indexOf(ref.species());
                if (i >= 0) {
                    stoich[i][j] += ref.stoichiometry();
                }
            }
        }
        List<Integer> independent = pivotColumns(stoich, n, m);
        List<double[]> conserved = leftNullSpace(stoich, n, m);

        Set<String> taken = new HashSet<>(model.symbols().keySet());
        List<Parameter> parameters = new ArrayList<>(model.parameters());
        List<InitialAssignment> initial = new ArrayList<>(model.initialAssignments());
        List<Rule> rules = new ArrayList<>(model.rules());
        Map<String, double[]> totals = new LinkedHashMap<>();
        for (double[] l : conserved) {
            String t = fresh("fast_total", taken);
            totals.put(t, l);
            parameters.add(new Parameter(t, 0, false, Metadata.EMPTY.withAttribute("note",
                    "conserved by the fast reactions " + String.join(", ", fast) + " (rapid equilibrium)")));
            initial.add(new InitialAssignment(t, combination(model, species, l, Map.of())));
            rules.add(new Rule.Rate(t, slowRate(model, species, l, slowReactions)));
            rules.add(new Rule.Algebraic(new Expr.Binary(Expr.BinaryOp.SUB, combination(model, species, l, Map.of()), Expr.sym(t))));
        }
        for (int j : independent) {
            rules.add(new Rule.Algebraic(fastReactions.get(j).rate()));
        }
        // slow reactions no longer change the species directly: their effect goes through the totals
        Set<String> fastSpecies = new HashSet<>(species);
        List<Reaction> reactions = new ArrayList<>();
        for (Reaction r : slowReactions) {
            reactions.add(new Reaction(r.id(), without(r.reactants(), fastSpecies), without(r.products(), fastSpecies), r.rate(),
                    r.reversible(), r.metadata()));
        }
        List<Event> events = new ArrayList<>();
        for (Event e : model.events()) {
            Map<String, Expr> set = new HashMap<>();
            List<Event.Assignment> kept = new ArrayList<>();
            for (Event.Assignment a : e.assignments()) {
                if (fastSpecies.contains(a.variable())) {
                    set.put(a.variable(), a.expression());
                } else {
                    kept.add(a);
                }
            }
            if (!set.isEmpty()) {
                totals.forEach((t, l) -> kept.add(new Event.Assignment(t, combination(model, species, l, set))));
            }
            events.add(set.isEmpty() ? e : new Event(e.id(), e.trigger(), e.delay(), kept, e.priority(), e.persistent(),
                    e.initialValue(), e.useValuesFromTriggerTime(), e.metadata()));
        }
        // The compiler matches each algebraic rule to a symbol in it, preferring symbols declared
        // first: the species of the fast reactions go first, so that a boundary species or a
        // non-constant parameter in a kinetic law is not taken for the unknown.
        List<Species> ordered = new ArrayList<>();
        model.species().stream().filter(s -> fastSpecies.contains(s.id())).forEach(ordered::add);
        model.species().stream().filter(s -> !fastSpecies.contains(s.id())).forEach(ordered::add);
        return new Model(model.id(), model.metadata(), model.units(), model.functions(), model.compartments(), ordered,
                parameters, initial, rules, reactions, events, model.conversionFactor());
    }

    /** Symbols inside the first argument of a delay() anywhere in the model's math. */
    private static Set<String> delayedSymbols(Model model) {
        Set<String> out = new HashSet<>();
        List<Expr> all = new ArrayList<>();
        model.rules().forEach(r -> all.add(r.expression()));
        model.reactions().forEach(r -> all.add(r.rate()));
        model.initialAssignments().forEach(a -> all.add(a.expression()));
        model.events().forEach(e -> {
            all.add(e.trigger());
            e.assignments().forEach(a -> all.add(a.expression()));
        });
        for (Expr e : all) {
            org.osteon.model.expr.Exprs.walk(e, x -> {
                if (x instanceof Expr.Call c && c.function().equals("delay") && !c.args().isEmpty()) {
                    out.addAll(org.osteon.model.expr.Exprs.symbols(c.args().get(0)));
                }
            });
        }
        return out;
    }

    /** sum l_i n_i, with n_i the amount of species i (its value, or value * size for a concentration), or the value set. */
    private static Expr combination(Model model, List<String> species, double[] l, Map<String, Expr> values) {
        Expr sum = null;
        for (int i = 0; i < l.length; i++) {
            if (l[i] == 0) {
                continue;
            }
            Species s = model.speciesById(species.get(i)).orElseThrow();
            Expr value = values.getOrDefault(s.id(), Expr.sym(s.id()));
            Expr amount = s.amountOnly() || s.compartment() == null ? value
                    : new Expr.Binary(Expr.BinaryOp.MUL, value, Expr.sym(s.compartment()));
            sum = add(sum, l[i], amount);
        }
        return sum == null ? Expr.Num.ZERO : sum;
    }

    /** sum_i l_i sum_slow (net stoichiometry of i) * rate: how slow reactions change the total, in amount per time. */
    private static Expr slowRate(Model model, List<String> species, double[] l, List<Reaction> slow) {
        Expr sum = null;
        for (Reaction r : slow) {
            double c = 0;
            for (int i = 0; i < l.length; i++) {
                if (l[i] == 0) {
                    continue;
                }
                for (SpeciesReference ref : r.reactants()) {
                    c -= ref.species().equals(species.get(i)) ? l[i] * stoichiometry(r, ref) : 0;
                }
                for (SpeciesReference ref : r.products()) {
                    c += ref.species().equals(species.get(i)) ? l[i] * stoichiometry(r, ref) : 0;
                }
            }
            if (c != 0) {
                sum = add(sum, c, Expr.sym(r.id()));
            }
        }
        return sum == null ? Expr.Num.ZERO : sum;
    }

    private static double stoichiometry(Reaction r, SpeciesReference ref) {
        if (Double.isNaN(ref.stoichiometry())) {
            throw new IllegalArgumentException("slow reaction '" + r.id() + "' changes a species of a fast reaction with a "
                    + "variable stoichiometry");
        }
        return ref.stoichiometry();
    }

    private static Expr add(Expr sum, double coefficient, Expr term) {
        Expr t = coefficient == 1 || coefficient == -1 ? term : new Expr.Binary(Expr.BinaryOp.MUL, new Expr.Num(Math.abs(coefficient)), term);
        if (sum == null) {
            return coefficient < 0 ? new Expr.Unary(Expr.UnaryOp.NEG, t) : t;
        }
        return new Expr.Binary(coefficient < 0 ? Expr.BinaryOp.SUB : Expr.BinaryOp.ADD, sum, t);
    }

    private static List<SpeciesReference> without(List<SpeciesReference> refs, Set<String> species) {
        return refs.stream().filter(r -> !species.contains(r.species())).toList();
    }

    private static List<SpeciesReference> concat(List<SpeciesReference> a, List<SpeciesReference> b) {
        List<SpeciesReference> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String fresh(String base, Set<String> taken) {
        for (int k = 1; ; k++) {
            String id = base + "_" + k;
            if (taken.add(id)) {
                return id;
            }
        }
    }

    /** Columns of a linearly independent set spanning the column space (Gaussian elimination with partial pivoting). */
    static List<Integer> pivotColumns(double[][] a, int rows, int cols) {
        double[][] w = copy(a, rows, cols);
        List<Integer> pivots = new ArrayList<>();
        int row = 0;
        for (int c = 0; c < cols && row < rows; c++) {
            int best = row;
            for (int r = row + 1; r < rows; r++) {
                if (Math.abs(w[r][c]) > Math.abs(w[best][c])) {
                    best = r;
                }
            }
            if (Math.abs(w[best][c]) < EPS) {
                continue;
            }
            double[] tmp = w[row];
            w[row] = w[best];
            w[best] = tmp;
            for (int r = row + 1; r < rows; r++) {
                double f = w[r][c] / w[row][c];
                for (int k = c; k < cols; k++) {
                    w[r][k] -= f * w[row][k];
                }
            }
            pivots.add(c);
            row++;
        }
        return pivots;
    }

    /** A basis of {l : l A = 0} (the null space of A transposed, from its reduced row echelon form). */
    static List<double[]> leftNullSpace(double[][] a, int rows, int cols) {
        // rref of A^T (cols x rows)
        double[][] t = new double[cols][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j][i] = a[i][j];
            }
        }
        List<Integer> pivotOf = new ArrayList<>();
        int row = 0;
        for (int c = 0; c < rows && row < cols; c++) {
            int best = row;
            for (int r = row + 1; r < cols; r++) {
                if (Math.abs(t[r][c]) > Math.abs(t[best][c])) {
                    best = r;
                }
            }
            if (Math.abs(t[best][c]) < EPS) {
                continue;
            }
            double[] tmp = t[row];
            t[row] = t[best];
            t[best] = tmp;
            double p = t[row][c];
            for (int k = 0; k < rows; k++) {
                t[row][k] /= p;
            }
            for (int r = 0; r < cols; r++) {
                if (r != row && t[r][c] != 0) {
                    double f = t[r][c];
                    for (int k = 0; k < rows; k++) {
                        t[r][k] -= f * t[row][k];
                    }
                }
            }
            pivotOf.add(c);
            row++;
        }
        List<double[]> basis = new ArrayList<>();
        for (int free = 0; free < rows; free++) {
            if (pivotOf.contains(free)) {
                continue;
            }
            double[] l = new double[rows];
            l[free] = 1;
            for (int r = 0; r < pivotOf.size(); r++) {
                double v = -t[r][free];
                l[pivotOf.get(r)] = Math.abs(v) < EPS ? 0 : v;
            }
            basis.add(l);
        }
        return basis;
    }

    private static double[][] copy(double[][] a, int rows, int cols) {
        double[][] w = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(a[i], 0, w[i], 0, cols);
        }
        return w;
    }
}
