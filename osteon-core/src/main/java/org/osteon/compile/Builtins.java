package org.osteon.compile;

import java.util.Map;
import java.util.Set;

/**
 * The functions and constants every expression may use, with their arities. {@code log(x)} is
 * the natural logarithm (as in Antimony and most modelling tools); {@code log10(x)} and
 * {@code log(b, x)} give other bases. Comparison and logical functions follow SBML infix names.
 */
public final class Builtins {
    private Builtins() {
    }

    /** Symbol naming the independent variable. */
    public static final String TIME = "time";

    /** Arity by name; -1 means variadic (at least one argument). */
    private static final Map<String, Integer> ARITY = Map.ofEntries(
            Map.entry("abs", 1), Map.entry("exp", 1), Map.entry("ln", 1), Map.entry("log", -1),
            Map.entry("log10", 1), Map.entry("log2", 1), Map.entry("sqrt", 1), Map.entry("pow", 2),
            Map.entry("power", 2), Map.entry("root", 2), Map.entry("sqr", 1),
            Map.entry("sin", 1), Map.entry("cos", 1), Map.entry("tan", 1),
            Map.entry("asin", 1), Map.entry("acos", 1), Map.entry("atan", 1),
            Map.entry("arcsin", 1), Map.entry("arccos", 1), Map.entry("arctan", 1),
            Map.entry("sinh", 1), Map.entry("cosh", 1), Map.entry("tanh", 1),
            Map.entry("floor", 1), Map.entry("ceil", 1), Map.entry("ceiling", 1), Map.entry("sign", 1),
            Map.entry("min", -1), Map.entry("max", -1), Map.entry("piecewise", -1),
            Map.entry("and", -1), Map.entry("or", -1), Map.entry("xor", -1), Map.entry("not", 1),
            Map.entry("lt", 2), Map.entry("leq", 2), Map.entry("gt", 2), Map.entry("geq", 2),
            Map.entry("eq", 2), Map.entry("neq", 2));

    private static final Map<String, Double> CONSTANTS = Map.of(
            "pi", Math.PI, "exponentiale", Math.E, "avogadro", 6.02214076e23,
            "true", 1.0, "false", 0.0, "INF", Double.POSITIVE_INFINITY, "inf", Double.POSITIVE_INFINITY,
            "NaN", Double.NaN, "infinity", Double.POSITIVE_INFINITY);

    /** Functions whose result is a truth value. */
    public static final Set<String> BOOLEAN_FUNCTIONS = Set.of("and", "or", "xor", "not", "lt", "leq", "gt", "geq", "eq", "neq");

    public static boolean isFunction(String name) {
        return ARITY.containsKey(name);
    }

    /** Whether {@code n} arguments are acceptable for the built-in {@code name}. */
    public static boolean acceptsArity(String name, int n) {
        int a = ARITY.getOrDefault(name, 0);
        if (name.equals("log")) {
            return n == 1 || n == 2;
        }
        if (name.equals("piecewise")) {
            return n >= 1;
        }
        return a < 0 ? n >= 1 : a == n;
    }

    public static String arityText(String name) {
        if (name.equals("log")) {
            return "1 or 2";
        }
        int a = ARITY.getOrDefault(name, 0);
        return a < 0 ? "at least 1" : Integer.toString(a);
    }

    public static boolean isConstant(String name) {
        return CONSTANTS.containsKey(name);
    }

    public static double constant(String name) {
        return CONSTANTS.get(name);
    }

    public static Set<String> functionNames() {
        return ARITY.keySet();
    }
}
