package org.osteon.compile;

import java.util.Map;
import java.util.Set;

/**
 * The functions and constants every expression may use, with their arities. {@code log(x)} is
 * the natural logarithm (as in Antimony and most modelling tools); {@code log10(x)} and
 * {@code log(b, x)} give other bases. Comparison and logical functions follow SBML infix names
 * (libSBML's Level 3 formula syntax), so every MathML function of SBML core has a name here:
 * the reciprocal and inverse trigonometric and hyperbolic functions, {@code quotient} and
 * {@code rem} (integer division truncated toward zero and its remainder, as MathML defines them),
 * {@code implies}, {@code factorial}, and the SBML csymbols {@code delay(x, d)} (the value of
 * x at time - d) and {@code rateOf(x)} (the current time derivative of symbol x).
 */
public final class Builtins {
    private Builtins() {
    }

    /** Symbol naming the independent variable. */
    public static final String TIME = "time";

    /** {@code delay(x, d)}: x at time - d (SBML csymbol delay). */
    public static final String DELAY = "delay";

    /** {@code rateOf(x)}: the time derivative of symbol x (SBML Level 3 Version 2 csymbol rateOf). */
    public static final String RATE_OF = "rateOf";

    /** Arity by name; -1 means variadic (at least one argument). */
    private static final Map<String, Integer> ARITY = Map.ofEntries(
            Map.entry("abs", 1), Map.entry("exp", 1), Map.entry("ln", 1), Map.entry("log", -1),
            Map.entry("log10", 1), Map.entry("log2", 1), Map.entry("sqrt", 1), Map.entry("pow", 2),
            Map.entry("power", 2), Map.entry("root", 2), Map.entry("sqr", 1),
            Map.entry("sin", 1), Map.entry("cos", 1), Map.entry("tan", 1),
            Map.entry("asin", 1), Map.entry("acos", 1), Map.entry("atan", 1),
            Map.entry("arcsin", 1), Map.entry("arccos", 1), Map.entry("arctan", 1),
            Map.entry("sinh", 1), Map.entry("cosh", 1), Map.entry("tanh", 1),
            Map.entry("sec", 1), Map.entry("csc", 1), Map.entry("cot", 1),
            Map.entry("sech", 1), Map.entry("csch", 1), Map.entry("coth", 1),
            Map.entry("arcsec", 1), Map.entry("arccsc", 1), Map.entry("arccot", 1),
            Map.entry("arcsinh", 1), Map.entry("arccosh", 1), Map.entry("arctanh", 1),
            Map.entry("asinh", 1), Map.entry("acosh", 1), Map.entry("atanh", 1),
            Map.entry("arcsech", 1), Map.entry("arccsch", 1), Map.entry("arccoth", 1),
            Map.entry("quotient", 2), Map.entry("rem", 2), Map.entry("factorial", 1),
            Map.entry("implies", 2), Map.entry(DELAY, 2), Map.entry(RATE_OF, 1),
            Map.entry("floor", 1), Map.entry("ceil", 1), Map.entry("ceiling", 1), Map.entry("sign", 1),
            Map.entry("min", -1), Map.entry("max", -1), Map.entry("piecewise", -1),
            Map.entry("and", -1), Map.entry("or", -1), Map.entry("xor", -1), Map.entry("not", 1),
            Map.entry("lt", 2), Map.entry("leq", 2), Map.entry("gt", 2), Map.entry("geq", 2),
            Map.entry("eq", 2), Map.entry("neq", 2));

    /**
     * The SBML csymbol avogadro: the SBML Level 3 specifications (L3V1 and L3V2, sec. 3.4.6) fix
     * it at 6.02214179e23 (CODATA 2006), not the 2019 SI value 6.02214076e23; the SBML Test
     * Suite checks that value (case 00960).
     */
    public static final double AVOGADRO = 6.02214179e23;

    private static final Map<String, Double> CONSTANTS = Map.of(
            "pi", Math.PI, "exponentiale", Math.E, "avogadro", AVOGADRO,
            "true", 1.0, "false", 0.0, "INF", Double.POSITIVE_INFINITY, "inf", Double.POSITIVE_INFINITY,
            "NaN", Double.NaN, "infinity", Double.POSITIVE_INFINITY);

    /** Functions whose result is a truth value. */
    public static final Set<String> BOOLEAN_FUNCTIONS = Set.of("and", "or", "xor", "not", "implies", "lt", "leq", "gt", "geq", "eq", "neq");

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
