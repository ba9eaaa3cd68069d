package org.osteon.analysis.sampling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.osteon.util.Suggestions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the random variables of a spec: {@code parameters:} (model symbols), {@code covariates:}
 * and a {@code correlation:} or {@code covariance:} block, into a {@link JointDistribution}.
 *
 * <pre>
 * covariates:
 *   age:    {distribution: normal, mean: 65, sd: 7, min: 50, max: 85}
 *   weight: {distribution: lognormal, median: 70, cv: 0.2, parameter: BW}   # also written into model symbol BW
 * parameters:
 *   K_D8:   {distribution: lognormal, cv: 0.3}                  # median: the scenario's value
 *   A_OCa:  {distribution: lognormal, omega: 0.2, covariates: {weight: {power: 0.75, reference: 70}}}
 * correlation: {names: [K_D8, A_OCa], matrix: [[1, 0.5], [0.5, 1]]}
 * </pre>
 */
public final class VariableReader {
    static final Set<String> VARIABLE_KEYS = Set.of("distribution", "mean", "median", "sd", "cv", "omega", "omega2",
            "min", "max", "factor", "value", "covariates", "parameter");
    static final Set<String> EFFECT_KEYS = Set.of("power", "linear", "exponential", "reference");
    static final Set<String> MATRIX_KEYS = Set.of("names", "matrix");
    static final List<String> DISTRIBUTIONS = List.of("normal", "lognormal", "logitnormal", "uniform", "loguniform",
            "fixed");

    private final SpecYaml yaml;

    public VariableReader(SpecYaml yaml) {
        this.yaml = yaml;
    }

    /**
     * @param baseValue the model's value of a symbol (the default centre of a distribution), or
     *                  null when the model has no such symbol (reported, with {@code symbols} for
     *                  a suggestion)
     * @return the joint distribution, or null when there were problems (all reported to the yaml)
     */
    public JointDistribution read(Node parameters, Node covariates, Node correlation, Node covariance,
                                  Function<String, Double> baseValue, List<String> symbols, boolean allowCovariates) {
        List<RandomVariable> vars = new ArrayList<>();
        Map<String, Node> where = new LinkedHashMap<>();
        if (covariates != null && !allowCovariates) {
            yaml.problem(covariates, "covariates are for populations; a sensitivity design varies parameters only");
        } else {
            yaml.named(covariates, "'covariates' must map covariate names to distributions, e.g. age: {distribution:"
                    + " normal, mean: 65, sd: 7}").forEach((name, node) -> {
                RandomVariable v = variable(name, node, true, null, symbols, baseValue);
                where.put(name, node);
                if (v != null) {
                    vars.add(v);
                }
            });
        }
        Map<String, Node> params = yaml.named(parameters, "'parameters' must map model symbols to distributions,"
                + " e.g. K_D8: {distribution: lognormal, cv: 0.3}");
        if (params.isEmpty() && parameters instanceof MappingNode) { // a non-mapping was reported by named()
            yaml.problem(parameters, "'parameters' names no parameter");
        }
        params.forEach((name, node) -> {
            Double base = baseValue.apply(name);
            if (base == null) {
                yaml.problem(node, "unknown parameter '" + name + "'" + Suggestions.didYouMean(name, symbols)
                        + ": name a parameter or a state (for its initial value) of the model");
                return;
            }
            if (where.containsKey(name)) {
                yaml.problem(node, "'" + name + "' is both a covariate and a parameter; give the covariate another name");
                return;
            }
            where.put(name, node);
            RandomVariable v = variable(name, node, false, base, symbols, baseValue);
            if (v != null) {
                vars.add(v);
            }
        });
        if (correlation != null && covariance != null) {
            yaml.problem(covariance, "give either 'correlation' or 'covariance', not both");
            return null;
        }
        if (!yaml.problems().isEmpty()) {
            return null;
        }
        double[][] r = null;
        if (correlation != null || covariance != null) {
            r = correlationMatrix(correlation != null ? correlation : covariance, covariance != null, vars, where);
            if (r == null) {
                return null;
            }
        }
        try {
            return new JointDistribution(vars, r);
        } catch (IllegalArgumentException e) {
            yaml.problem(correlation != null ? correlation : covariance != null ? covariance : parameters, e.getMessage());
            return null;
        }
    }

    private RandomVariable variable(String name, Node node, boolean covariate, Double base, List<String> symbols,
                                    Function<String, Double> baseValue) {
        if (!(node instanceof MappingNode map)) {
            yaml.problem(node, "'" + name + "' must be a mapping such as {distribution: lognormal, cv: 0.3}");
            return null;
        }
        int before = yaml.problems().size();
        Map<String, Node> e = yaml.entries(map, VARIABLE_KEYS);
        String kind = yaml.string(e, "distribution");
        if (kind == null) {
            if (!e.containsKey("distribution")) {
                yaml.problem(node, "'" + name + "' needs 'distribution' (one of " + String.join(", ", DISTRIBUTIONS) + ")");
            }
            return null;
        }
        if (!DISTRIBUTIONS.contains(kind)) {
            yaml.problem(e.get("distribution"), "unknown distribution '" + kind + "'" + Suggestions.didYouMean(kind,
                    DISTRIBUTIONS) + "; use one of " + String.join(", ", DISTRIBUTIONS));
            return null;
        }
        Distribution d = distribution(name, kind, e, node, covariate ? null : base);
        List<Effect> effects = covariate ? List.of() : effects(name, e.get("covariates"));
        String target = null;
        if (e.containsKey("parameter")) {
            if (!covariate) {
                yaml.problem(e.get("parameter"), "'parameter' belongs to a covariate (the model symbol it sets)");
            } else {
                target = yaml.string(e, "parameter");
                if (target != null && baseValue.apply(target) == null) {
                    yaml.problem(e.get("parameter"), "unknown model symbol '" + target + "'"
                            + Suggestions.didYouMean(target, symbols));
                }
            }
        }
        if (e.containsKey("covariates") && covariate) {
            yaml.problem(e.get("covariates"), "a covariate cannot depend on other covariates");
        }
        if (d == null || yaml.problems().size() > before) {
            return null;
        }
        return new RandomVariable(name, covariate, d, effects, target);
    }

    private Distribution distribution(String name, String kind, Map<String, Node> e, Node owner, Double base) {
        Double mean = yaml.number(e, "mean");
        Double median = yaml.number(e, "median");
        Double sd = yaml.number(e, "sd");
        Double cv = yaml.number(e, "cv");
        Double omega = yaml.number(e, "omega");
        Double omega2 = yaml.number(e, "omega2");
        Double min = yaml.number(e, "min");
        Double max = yaml.number(e, "max");
        Double factor = yaml.number(e, "factor");
        Double value = yaml.number(e, "value");
        String label = "'" + name + "' (" + kind + ")";
        List<String> allowed = switch (kind) {
            case "normal" -> List.of("mean", "sd", "cv", "min", "max");
            case "lognormal" -> List.of("median", "cv", "omega", "omega2", "min", "max");
            case "logitnormal" -> List.of("median", "omega", "omega2", "min", "max");
            case "uniform" -> List.of("min", "max", "factor");
            case "loguniform" -> List.of("min", "max", "factor");
            default -> List.of("value");
        };
        for (String k : List.of("mean", "median", "sd", "cv", "omega", "omega2", "min", "max", "factor", "value")) {
            if (e.containsKey(k) && !allowed.contains(k)) {
                yaml.problem(e.get(k), label + " takes " + String.join(", ", allowed) + ", not '" + k + "'");
                return null;
            }
        }
        try {
            switch (kind) {
                case "normal": {
                    double m = mean != null ? mean : required(base, owner, label + " needs 'mean'");
                    double s = sd != null ? sd : cv != null ? cv * Math.abs(m) : spreadMissing(owner, label, "'sd' or 'cv'");
                    if (sd != null && cv != null) {
                        yaml.problem(e.get("cv"), label + ": give 'sd' or 'cv', not both");
                    }
                    return new Distribution.Normal(m, s, min == null ? Double.NEGATIVE_INFINITY : min,
                            max == null ? Double.POSITIVE_INFINITY : max);
                }
                case "lognormal": {
                    double m = median != null ? median : required(base, owner, label + " needs 'median'");
                    if (!(m > 0)) {
                        yaml.problem(e.containsKey("median") ? e.get("median") : owner, label + " needs a positive median,"
                                + " found " + m + (median == null ? " (the model's value)" : ""));
                        return null;
                    }
                    if (count(cv, omega, omega2) != 1) {
                        spreadMissing(owner, label, "exactly one of 'cv', 'omega' (SD of log) and 'omega2' (variance of log)");
                    }
                    double lo = min == null ? 0 : min;
                    double hi = max == null ? Double.POSITIVE_INFINITY : max;
                    if (cv != null) {
                        return Distribution.LogNormal.withCv(m, cv, lo, hi);
                    }
                    return new Distribution.LogNormal(m, omega != null ? omega : Math.sqrt(omega2), lo, hi);
                }
                case "logitnormal": {
                    double m = median != null ? median : required(base, owner, label + " needs 'median'");
                    if (count(omega, omega2, null) != 1) {
                        spreadMissing(owner, label, "exactly one of 'omega' and 'omega2'");
                    }
                    return new Distribution.LogitNormal(m, omega != null ? omega : Math.sqrt(omega2),
                            min == null ? 0 : min, max == null ? 1 : max);
                }
                case "uniform":
                case "loguniform": {
                    double lo;
                    double hi;
                    if (factor != null) {
                        if (min != null || max != null) {
                            yaml.problem(e.get("factor"), label + ": give 'min' and 'max', or 'factor', not both");
                            return null;
                        }
                        double b = required(base, owner, label + " needs 'min' and 'max'");
                        if (!(factor > 1) || !(b > 0)) {
                            yaml.problem(e.get("factor"), label + ": 'factor' must be > 1 around a positive value"
                                    + " (the range is value/factor to value*factor), found factor " + factor + ", value " + b);
                            return null;
                        }
                        lo = b / factor;
                        hi = b * factor;
                    } else {
                        if (min == null || max == null) {
                            yaml.problem(owner, label + " needs 'min' and 'max' (or 'factor')");
                            return null;
                        }
                        lo = min;
                        hi = max;
                    }
                    return kind.equals("uniform") ? new Distribution.Uniform(lo, hi) : new Distribution.LogUniform(lo, hi);
                }
                default:
                    return new Distribution.Fixed(value != null ? value : required(base, owner, label + " needs 'value'"));
            }
        } catch (IllegalArgumentException ex) {
            yaml.problem(owner, label + ": " + ex.getMessage());
            return null;
        }
    }

    private static int count(Double a, Double b, Double c) {
        return (a == null ? 0 : 1) + (b == null ? 0 : 1) + (c == null ? 0 : 1);
    }

    private double required(Double v, Node owner, String message) {
        if (v == null) {
            throw new IllegalArgumentException(message.substring(message.indexOf(':') + 1).trim());
        }
        return v;
    }

    private double spreadMissing(Node owner, String label, String what) {
        throw new IllegalArgumentException("give " + what);
    }

    private List<Effect> effects(String name, Node node) {
        List<Effect> out = new ArrayList<>();
        yaml.named(node, "'covariates' of '" + name + "' must map covariate names to effects such as {power: 0.75,"
                + " reference: 70}").forEach((cov, n) -> {
            if (!(n instanceof MappingNode m)) {
                yaml.problem(n, "the effect of '" + cov + "' on '" + name + "' must be a mapping such as {power: 0.75,"
                        + " reference: 70}");
                return;
            }
            Map<String, Node> e = yaml.entries(m, EFFECT_KEYS);
            List<Effect.Form> forms = new ArrayList<>();
            Double theta = null;
            for (Effect.Form f : Effect.Form.values()) {
                String key = f.name().toLowerCase(java.util.Locale.ROOT);
                if (e.containsKey(key)) {
                    forms.add(f);
                    theta = yaml.number(e, key);
                }
            }
            Double ref = yaml.number(e, "reference");
            if (forms.size() != 1) {
                yaml.problem(n, "the effect of '" + cov + "' on '" + name + "' needs exactly one of power, linear,"
                        + " exponential");
                return;
            }
            if (ref == null) {
                yaml.problem(n, "the effect of '" + cov + "' on '" + name + "' needs 'reference' (the covariate value"
                        + " where the effect is 1)");
                return;
            }
            if (theta == null) {
                return;
            }
            try {
                out.add(new Effect(cov, forms.get(0), theta, ref));
            } catch (IllegalArgumentException ex) {
                yaml.problem(n, ex.getMessage());
            }
        });
        return out;
    }

    /**
     * The full correlation matrix over {@code vars} from a block naming some of them; for a
     * covariance block, also checks (or fills in) each variable's spread in its Gaussian scale.
     */
    private double[][] correlationMatrix(Node node, boolean isCovariance, List<RandomVariable> vars,
                                         Map<String, Node> where) {
        String key = isCovariance ? "covariance" : "correlation";
        if (!(node instanceof MappingNode map)) {
            yaml.problem(node, "'" + key + "' must be {names: [A, B], matrix: [[...], [...]]}");
            return null;
        }
        Map<String, Node> e = yaml.entries(map, MATRIX_KEYS);
        List<String> names = yaml.names(e.get("names"), "names");
        if (names.size() < 2 || !e.containsKey("matrix")) {
            yaml.problem(node, "'" + key + "' needs 'names' (two or more variables) and 'matrix'");
            return null;
        }
        double[][] m = yaml.matrix(e.get("matrix"), "matrix", names.size());
        if (m == null) {
            return null;
        }
        List<String> all = vars.stream().map(RandomVariable::name).toList();
        int[] index = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            index[i] = all.indexOf(names.get(i));
            if (index[i] < 0) {
                yaml.problem(e.get("names"), "'" + names.get(i) + "' in '" + key + "' is not a declared parameter or"
                        + " covariate" + Suggestions.didYouMean(names.get(i), all));
                return null;
            }
            if (names.subList(0, i).contains(names.get(i))) {
                yaml.problem(e.get("names"), "'" + names.get(i) + "' appears twice in '" + key + "'");
                return null;
            }
        }
        if (isCovariance) {
            for (int i = 0; i < names.size(); i++) {
                RandomVariable v = vars.get(index[i]);
                double var = m[i][i];
                if (!(var > 0)) {
                    yaml.problem(e.get("matrix"), "the variance of '" + v.name() + "' must be positive, found " + var);
                    return null;
                }
                double sd = Math.sqrt(var);
                double declared = gaussianSpread(v.distribution());
                if (Double.isNaN(declared)) {
                    yaml.problem(where.get(v.name()), "'" + v.name() + "' is " + v.distribution().describe()
                            + ": a covariance is in the Gaussian scale of normal, lognormal (log) and logitnormal (logit)"
                            + " variables; use 'correlation' for others");
                    return null;
                }
                if (Math.abs(declared - sd) > 1e-9 * Math.max(1, sd)) {
                    yaml.problem(e.get("matrix"), "the covariance gives '" + v.name() + "' a standard deviation of " + sd
                            + " in its Gaussian scale, but its distribution says " + declared);
                    return null;
                }
            }
            double[][] r = new double[names.size()][names.size()];
            for (int i = 0; i < r.length; i++) {
                for (int j = 0; j < r.length; j++) {
                    r[i][j] = m[i][j] / Math.sqrt(m[i][i] * m[j][j]);
                }
            }
            m = r;
        }
        double[][] full = new double[vars.size()][vars.size()];
        for (int i = 0; i < full.length; i++) {
            full[i][i] = 1;
        }
        for (int i = 0; i < names.size(); i++) {
            for (int j = 0; j < names.size(); j++) {
                full[index[i]][index[j]] = m[i][j];
            }
        }
        return full;
    }

    /** sd of a normal, omega of a lognormal or logitnormal (untruncated); NaN for other distributions. */
    static double gaussianSpread(Distribution d) {
        if (!d.gaussianScale()) {
            return Double.NaN;
        }
        if (d instanceof Distribution.Normal n) {
            return n.sd();
        }
        if (d instanceof Distribution.LogNormal l) {
            return l.omega();
        }
        if (d instanceof Distribution.LogitNormal l) {
            return l.omega();
        }
        return Double.NaN;
    }
}
