package org.osteon.analysis.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The random-variable block of population and sensitivity specs: what each distribution key
 * gives (values by hand from the documented formulas), and each mistake reported with its line,
 * column and a message naming the variable. The model symbols are k = 2, x0 = 10, BW = 70 and
 * neg = -1.
 */
class VariableReaderTest {
    private static final Map<String, Double> MODEL = Map.of("k", 2.0, "x0", 10.0, "BW", 70.0, "neg", -1.0);
    private static final List<String> SYMBOLS = List.of("k", "x0", "BW", "neg");

    private SpecYaml yaml;

    private JointDistribution read(String text, boolean allowCovariates) {
        yaml = new SpecYaml("spec.yaml");
        MappingNode root = yaml.root(text, "a mapping");
        Map<String, Node> top = yaml.entries(root, java.util.Set.of("parameters", "covariates", "correlation", "covariance"));
        return new VariableReader(yaml).read(top.get("parameters"), top.get("covariates"), top.get("correlation"),
                top.get("covariance"), MODEL::get, SYMBOLS, allowCovariates);
    }

    private JointDistribution read(String text) {
        return read(text, true);
    }

    private Distribution only(String text) {
        JointDistribution j = read(text);
        assertThat(yaml.problems()).isEmpty();
        assertThat(j.size()).isEqualTo(1);
        return j.variables().get(0).distribution();
    }

    private String problem(String text) {
        JointDistribution j = read(text);
        assertThat(j).isNull();
        assertThat(yaml.problems()).hasSize(1);
        return yaml.problems().get(0);
    }

    /** Centred on the model's value when no centre is given: lognormal median k = 2; normal mean x0 = 10 with sd = cv |mean| = 1. */
    @Test
    void distributionsCentredOnTheModelValue() {
        assertThat(only("parameters: {k: {distribution: lognormal, cv: 0.3}}"))
                .isEqualTo(Distribution.LogNormal.withCv(2, 0.3, 0, Double.POSITIVE_INFINITY));
        assertThat(only("parameters: {x0: {distribution: normal, cv: 0.1}}"))
                .isEqualTo(new Distribution.Normal(10, 1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertThat(only("parameters: {neg: {distribution: normal, cv: 0.5}}"))
                .as("sd = cv |mean|").isEqualTo(new Distribution.Normal(-1, 0.5, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertThat(only("parameters: {x0: {distribution: fixed}}")).isEqualTo(new Distribution.Fixed(10));
        assertThat(only("parameters: {x0: {distribution: fixed, value: 3}}")).isEqualTo(new Distribution.Fixed(3));
    }

    /** Explicit keys: min/max bounds, omega and omega2 = omega^2, uniform ranges by min/max or value/factor..value*factor. */
    @Test
    void explicitKeys() {
        assertThat(only("parameters: {x0: {distribution: normal, mean: 5, sd: 2, min: 1, max: 9}}"))
                .isEqualTo(new Distribution.Normal(5, 2, 1, 9));
        assertThat(only("parameters: {k: {distribution: lognormal, median: 3, omega: 0.2, min: 1, max: 8}}"))
                .isEqualTo(new Distribution.LogNormal(3, 0.2, 1, 8));
        assertThat(only("parameters: {k: {distribution: lognormal, omega2: 0.04}}"))
                .isEqualTo(new Distribution.LogNormal(2, 0.2, 0, Double.POSITIVE_INFINITY));
        assertThat(only("parameters: {k: {distribution: logitnormal, median: 0.3, omega: 1}}"))
                .isEqualTo(new Distribution.LogitNormal(0.3, 1, 0, 1));
        assertThat(only("parameters: {k: {distribution: logitnormal, median: 3, omega2: 0.25, min: 1, max: 5}}"))
                .isEqualTo(new Distribution.LogitNormal(3, 0.5, 1, 5));
        assertThat(only("parameters: {k: {distribution: uniform, min: 1, max: 4}}")).isEqualTo(new Distribution.Uniform(1, 4));
        assertThat(only("parameters: {k: {distribution: uniform, factor: 4}}")).isEqualTo(new Distribution.Uniform(0.5, 8));
        assertThat(only("parameters: {k: {distribution: loguniform, factor: 10}}")).isEqualTo(new Distribution.LogUniform(0.2, 20));
        assertThat(only("parameters: {k: {distribution: loguniform, min: 1, max: 100}}")).isEqualTo(new Distribution.LogUniform(1, 100));
    }

    @Test
    void covariatesWithEffectsAndModelTargets() {
        JointDistribution j = read("""
                covariates:
                  weight: {distribution: lognormal, median: 70, cv: 0.2, parameter: BW}
                  age: {distribution: normal, mean: 65, sd: 7}
                parameters:
                  k: {distribution: lognormal, omega: 0.2, covariates: {weight: {power: 0.75, reference: 70}, age: {linear: 0.01, reference: 65}}}
                  x0: {distribution: fixed, covariates: {age: {exponential: -0.1, reference: 60}}}
                """);
        assertThat(yaml.problems()).isEmpty();
        assertThat(j.names()).containsExactly("weight", "age", "k", "x0");
        assertThat(j.variables().get(0).covariate()).isTrue();
        assertThat(j.variables().get(0).target()).isEqualTo("BW");
        assertThat(j.variables().get(1).target()).isNull();
        assertThat(j.variables().get(2).effects()).containsExactly(new Effect("weight", Effect.Form.POWER, 0.75, 70),
                new Effect("age", Effect.Form.LINEAR, 0.01, 65));
        // weight 140, age 75, k drawn 2, x0 drawn 10: k = 2 * 2^0.75 * (1 + 0.01 * 10), x0 = 10 exp(-0.1 * 15)
        double[] x = {140, 75, 2, 10};
        j.applyEffects(x);
        assertThat(x[2]).isCloseTo(2 * Math.pow(2, 0.75) * 1.1, within(1e-12));
        assertThat(x[3]).isCloseTo(10 * Math.exp(-1.5), within(1e-12));
        assertThat(j.modelValues(x)).containsExactly(Map.entry("BW", 140.0), Map.entry("k", x[2]), Map.entry("x0", x[3]));
    }

    /** A correlation block over some variables is placed into the full matrix in variable order; a covariance is checked against the spreads and turned into correlations. */
    @Test
    void correlationAndCovariance() {
        JointDistribution j = read("""
                parameters:
                  k: {distribution: lognormal, omega: 0.2}
                  x0: {distribution: normal, sd: 2}
                  BW: {distribution: normal, sd: 1}
                correlation: {names: [BW, k], matrix: [[1, 0.5], [0.5, 1]]}
                """);
        assertThat(yaml.problems()).isEmpty();
        assertThat(j.correlated()).isTrue();
        JointDistribution c = read("""
                parameters:
                  k: {distribution: lognormal, omega: 0.2}
                  x0: {distribution: normal, sd: 2}
                covariance: {names: [k, x0], matrix: [[0.04, 0.2], [0.2, 4]]}
                """);
        assertThat(yaml.problems()).isEmpty();
        assertThat(c.correlated()).isTrue();
        // correlation 0.2 / (0.2 * 2) = 0.5: the draws of (log k, x0) have that correlation; check one
        // draw against the Cholesky factor [[1, 0], [0.5, sqrt(0.75)]] applied to independent normals
        JointDistribution independent = read("""
                parameters:
                  k: {distribution: lognormal, omega: 0.2}
                  x0: {distribution: normal, sd: 2}
                """);
        double[] zi = independent.draw(5, 9);
        double z0 = Math.log(zi[0] / 2) / 0.2;
        double z1 = (zi[1] - 10) / 2;
        double[] zc = c.draw(5, 9);
        assertThat(Math.log(zc[0] / 2) / 0.2).isCloseTo(z0, within(1e-9));
        assertThat((zc[1] - 10) / 2).isCloseTo(0.5 * z0 + Math.sqrt(0.75) * z1, within(1e-9));
    }

    @Test
    void mistakesInDistributionsAreNamed() {
        assertThat(problem("parameters: {kk: {distribution: lognormal, cv: 0.3}}"))
                .isEqualTo("spec.yaml:1:18: unknown parameter 'kk' (did you mean 'k'?): name a parameter or a state (for its initial value) of the model");
        assertThat(problem("parameters: {k: 3}")).startsWith("spec.yaml:1:17: 'k' must be a mapping");
        assertThat(problem("parameters: {k: {cv: 0.3}}"))
                .endsWith("'k' needs 'distribution' (one of normal, lognormal, logitnormal, uniform, loguniform, fixed)");
        assertThat(problem("parameters: {k: {distribution: lognorm, cv: 0.3}}")).contains("unknown distribution 'lognorm'");
        assertThat(problem("parameters: {k: {distribution: lognormal, sd: 0.3}}"))
                .endsWith("'k' (lognormal) takes median, cv, omega, omega2, min, max, not 'sd'");
        assertThat(problem("parameters: {k: {distribution: lognormal}}"))
                .endsWith("'k' (lognormal): give exactly one of 'cv', 'omega' (SD of log) and 'omega2' (variance of log)");
        assertThat(problem("parameters: {k: {distribution: lognormal, cv: 0.3, omega: 0.2}}")).contains("give exactly one of");
        assertThat(problem("parameters: {neg: {distribution: lognormal, cv: 0.3}}"))
                .endsWith("'neg' (lognormal) needs a positive median, found -1.0 (the model's value)");
        assertThat(problem("parameters: {k: {distribution: lognormal, median: 0, cv: 0.3}}"))
                .startsWith("spec.yaml:1:51: ").endsWith("needs a positive median, found 0.0");
        assertThat(problem("parameters: {x0: {distribution: normal}}")).endsWith("'x0' (normal): give 'sd' or 'cv'");
        assertThat(problem("parameters: {x0: {distribution: normal, sd: 1, cv: 0.1}}")).endsWith("give 'sd' or 'cv', not both");
        assertThat(problem("parameters: {k: {distribution: logitnormal, median: 0.5}}")).endsWith("give exactly one of 'omega' and 'omega2'");
        assertThat(problem("parameters: {k: {distribution: uniform, min: 1}}")).endsWith("'k' (uniform) needs 'min' and 'max' (or 'factor')");
        assertThat(problem("parameters: {k: {distribution: uniform, max: 1}}")).endsWith("needs 'min' and 'max' (or 'factor')");
        assertThat(problem("parameters: {k: {distribution: uniform, factor: 2, min: 1}}")).endsWith("give 'min' and 'max', or 'factor', not both");
        assertThat(problem("parameters: {k: {distribution: uniform, factor: 2, max: 9}}")).endsWith("not both");
        assertThat(problem("parameters: {k: {distribution: uniform, factor: 1}}"))
                .endsWith("'factor' must be > 1 around a positive value (the range is value/factor to value*factor), found factor 1.0, value 2.0");
        assertThat(problem("parameters: {neg: {distribution: uniform, factor: 2}}")).endsWith("found factor 2.0, value -1.0");
        assertThat(problem("parameters: {k: {distribution: uniform, min: 3, max: 1}}")).endsWith("'k' (uniform): uniform needs finite min < max");
        assertThat(problem("parameters: {x0: {distribution: normal, mean: x, sd: 1}}")).endsWith("'mean' must be a number, found 'x'");
    }

    @Test
    void mistakesInBlocksAreNamed() {
        read("covariates: {age: {distribution: normal, mean: 65, sd: 7}}\nparameters: {k: {distribution: fixed}}", false);
        assertThat(yaml.problems()).containsExactly(
                "spec.yaml:1:13: covariates are for populations; a sensitivity design varies parameters only");
        assertThat(problem("parameters: {}")).isEqualTo("spec.yaml:1:13: 'parameters' names no parameter");
        // a list instead of a mapping is one mistake with one message (it was also reported as "names no parameter")
        assertThat(problem("parameters: [k]")).isEqualTo("spec.yaml:1:13: 'parameters' must map model symbols to distributions,"
                + " e.g. K_D8: {distribution: lognormal, cv: 0.3}");
        assertThat(problem("""
                covariates: {k: {distribution: normal, mean: 1, sd: 1}}
                parameters: {k: {distribution: fixed}}
                """)).endsWith("'k' is both a covariate and a parameter; give the covariate another name");
        assertThat(problem("parameters: {k: {distribution: fixed, parameter: BW}}"))
                .endsWith("'parameter' belongs to a covariate (the model symbol it sets)");
        assertThat(problem("covariates: {w: {distribution: fixed, value: 1, parameter: BWW}}\nparameters: {k: {distribution: fixed}}"))
                .endsWith("unknown model symbol 'BWW' (did you mean 'BW'?)");
        assertThat(problem("covariates: {w: {distribution: fixed, value: 1, covariates: {a: {power: 1, reference: 1}}}}\nparameters: {k: {distribution: fixed}}"))
                .endsWith("a covariate cannot depend on other covariates");
        String two = "covariates: {w: {distribution: fixed, value: 70}}\n";
        assertThat(problem(two + "parameters: {k: {distribution: fixed, covariates: {w: 3}}}"))
                .endsWith("the effect of 'w' on 'k' must be a mapping such as {power: 0.75, reference: 70}");
        assertThat(problem(two + "parameters: {k: {distribution: fixed, covariates: {w: {power: 1, linear: 1, reference: 70}}}}"))
                .endsWith("the effect of 'w' on 'k' needs exactly one of power, linear, exponential");
        assertThat(problem(two + "parameters: {k: {distribution: fixed, covariates: {w: {reference: 70}}}}"))
                .endsWith("needs exactly one of power, linear, exponential");
        assertThat(problem(two + "parameters: {k: {distribution: fixed, covariates: {w: {power: 1}}}}"))
                .endsWith("the effect of 'w' on 'k' needs 'reference' (the covariate value where the effect is 1)");
        assertThat(problem(two + "parameters: {k: {distribution: fixed, covariates: {w: {power: 1, reference: 0}}}}"))
                .endsWith("a power effect needs a positive reference value");
        assertThat(problem(two + "parameters: {k: {distribution: fixed, covariates: {v: {power: 1, reference: 1}}}}"))
                .endsWith("parameter 'k' depends on 'v', which is not a declared covariate");
    }

    @Test
    void mistakesInCorrelationBlocksAreNamed() {
        String params = "parameters:\n  k: {distribution: lognormal, omega: 0.2}\n  x0: {distribution: normal, sd: 2}\n"
                + "  BW: {distribution: uniform, min: 1, max: 2}\n";
        assertThat(problem(params + "correlation: {names: [k, x0], matrix: [[1, 0], [0, 1]]}\ncovariance: {names: [k, x0], matrix: [[1, 0], [0, 1]]}"))
                .endsWith("give either 'correlation' or 'covariance', not both");
        assertThat(problem(params + "correlation: [1]")).endsWith("'correlation' must be {names: [A, B], matrix: [[...], [...]]}");
        assertThat(problem(params + "correlation: {names: [k], matrix: [[1]]}"))
                .endsWith("'correlation' needs 'names' (two or more variables) and 'matrix'");
        assertThat(problem(params + "correlation: {names: [k, x0]}")).endsWith("needs 'names' (two or more variables) and 'matrix'");
        assertThat(problem(params + "correlation: {names: [k, x00], matrix: [[1, 0], [0, 1]]}"))
                .endsWith("'x00' in 'correlation' is not a declared parameter or covariate (did you mean 'x0'?)");
        assertThat(problem(params + "correlation: {names: [k, k], matrix: [[1, 0], [0, 1]]}")).endsWith("'k' appears twice in 'correlation'");
        assertThat(problem(params + "correlation: {names: [k, x0], matrix: [[1, 0]]}")).endsWith("'matrix' must be a list of 2 rows of 2 numbers");
        assertThat(problem(params + "correlation: {names: [k, x0], matrix: [[1, 0], [0]]}")).endsWith("row 2 of 'matrix' must have 2 numbers");
        assertThat(problem(params + "correlation: {names: [k, x0], matrix: [[1, 2], [2, 1]]}"))
                .endsWith("the correlation matrix must be symmetric with entries in [-1, 1]");
        assertThat(problem(params + "correlation: {names: [k, x0], matrix: [[1, 1], [1, 1]]}")).contains("not positive definite");
        assertThat(problem(params + "covariance: {names: [k, x0], matrix: [[0, 0], [0, 4]]}"))
                .endsWith("the variance of 'k' must be positive, found 0.0");
        assertThat(problem(params + "covariance: {names: [k, x0], matrix: [[0.09, 0], [0, 4]]}"))
                .endsWith("the covariance gives 'k' a standard deviation of 0.3 in its Gaussian scale, but its distribution says 0.2");
        assertThat(problem(params + "covariance: {names: [k, BW], matrix: [[0.04, 0], [0, 4]]}"))
                .contains("'BW' is uniform(1.0, 2.0): a covariance is in the Gaussian scale");
    }

    /** sd of a normal, omega of lognormal and logitnormal; NaN when truncated or of another kind. */
    @Test
    void gaussianSpreads() {
        assertThat(VariableReader.gaussianSpread(new Distribution.Normal(0, 3, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY))).isEqualTo(3.0);
        assertThat(VariableReader.gaussianSpread(new Distribution.LogNormal(1, 0.4, 0, Double.POSITIVE_INFINITY))).isEqualTo(0.4);
        assertThat(VariableReader.gaussianSpread(new Distribution.LogitNormal(0.5, 0.7, 0, 1))).isEqualTo(0.7);
        assertThat(VariableReader.gaussianSpread(new Distribution.Normal(0, 3, 0, Double.POSITIVE_INFINITY))).isNaN();
        assertThat(VariableReader.gaussianSpread(new Distribution.Uniform(0, 1))).isNaN();
    }
}
