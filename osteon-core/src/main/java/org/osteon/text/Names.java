package org.osteon.text;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Reserved words and "did you mean" suggestions, shared by the reader and the writer. */
final class Names {
    /** Words the lexer turns into keywords: they can never name a symbol. */
    static final Set<String> RESERVED = Set.of(
            "model", "module", "end", "function", "unit", "species", "compartment", "const", "var",
            "substanceOnly", "in", "is", "has", "at", "after", "and", "or", "not", "inf", "NaN");

    /**
     * Names libAntimony cannot read as identifiers: its keywords, its built-in functions and its
     * constants (libAntimony 2.14, registry.cpp and antimony.ypp). A writer renames ids among
     * these ({@code gamma} is a function there) so that libAntimony accepts the text.
     */
    static final Set<String> LIBANTIMONY_RESERVED = Set.of(
            // keywords
            "model", "module", "end", "species", "formula", "reaction", "DNA", "gene", "operator", "compartment",
            "has", "in", "is", "var", "const", "substanceOnly", "ext", "import", "event", "at", "after", "function",
            "unit", "delete", "constraint", "maximize", "minimize",
            // functions
            "abs", "acos", "arccos", "acosh", "arccosh", "acot", "arccot", "acoth", "arccoth", "acsc", "arccsc",
            "acsch", "arccsch", "asec", "arcsec", "asech", "arcsech", "asin", "arcsin", "arcsinh", "atan", "arctan",
            "atanh", "arctanh", "ceil", "ceiling", "cos", "cosh", "cot", "coth", "csc", "csch", "delay", "exp",
            "factorial", "floor", "log", "ln", "log10", "piecewise", "power", "pow", "sqr", "sqrt", "rateOf", "root",
            "sec", "sech", "sin", "sinh", "tan", "tanh", "and", "not", "or", "xor", "eq", "equals", "geq", "gt", "leq",
            "lt", "neq", "divide", "minus", "plus", "times", "quotient", "max", "min", "rem", "implies", "normal",
            "truncatedNormal", "uniform", "exponential", "truncatedExponential", "gamma", "truncatedGamma", "poisson",
            "truncatedPoisson", "bernoulli", "binomial", "cauchy", "chisquare", "laplace", "lognormal", "rayleigh",
            // constants
            "true", "True", "TRUE", "false", "False", "FALSE", "pi", "exponentiale", "avogadro", "time", "inf",
            "INF", "infinity", "NaN", "nan", "NAN", "notanumber");

    /** Keywords that can begin a statement: the candidates for a misspelt first word. */
    static final List<String> STATEMENT_KEYWORDS = List.of(
            "species", "compartment", "const", "var", "substanceOnly", "function", "external", "unit",
            "model", "end");

    private Names() {
    }

    /** The closest candidate within a small edit distance, or null. */
    static String suggest(String word, Collection<String> candidates) {
        int limit = word.length() <= 4 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = org.osteon.util.Suggestions.distance(word, c);
            if (d <= limit && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Text shown between quotes in a message: control characters made visible, long text cut. */
    static String shown(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length() && sb.length() < 40; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (Character.isISOControl(c) || Character.isWhitespace(c) && c != ' ') {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.length() >= 40 ? sb + "..." : sb.toString();
    }
}
