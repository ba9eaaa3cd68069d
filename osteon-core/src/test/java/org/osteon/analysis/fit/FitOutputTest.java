package org.osteon.analysis.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The result files of a fit ({@link FitOutput}) and the derived numbers of {@link FitResult}, from a
 * result built by hand: every column in its place, CSV quoting, non-finite numbers as inf/-inf/NaN in
 * CSV and null in JSON; and the validation of {@link FitSpec.Options}.
 */
class FitOutputTest {
    @TempDir
    Path dir;

    /** Two estimates, 5 observations, -2 log L 10: AIC 10 + 2 * 2 = 14, BIC 10 + 2 ln 5. */
    static FitResult result() {
        FitResult.Parameter k = new FitResult.Parameter("k,1", 2, 0.5, 1, 3, "log", 1, 0, Double.POSITIVE_INFINITY, Double.NaN,
                Double.NEGATIVE_INFINITY, "at \"bound\", x");
        FitResult.Parameter v = new FitResult.Parameter("V", -4, 1, -6, -2, "linear", -3, -10, 10, -5.5, -2.5, "");
        Observation o1 = new Observation("A", "y", 1.5, 3, Double.NaN, "d.csv:2");
        Observation o2 = new Observation("B,2", "z", 2, 1, 0.5, "d.csv:3");
        return new FitResult(List.of(k, v), 10, 4.5, 5, false, "did not converge: x", 42,
                List.of(new FitResult.Start(0, new double[] {1, -3}, 11.5, true, 30, "converged after 4 iterations"),
                        new FitResult.Start(1, new double[] {7, 2}, Double.NaN, false, 12, "failed: no run, at all")),
                new double[][] {{1, Double.NaN}, {-0.25, 1}}, List.of(new FitResult.Residual(o1, 2.5, 0.25),
                        new FitResult.Residual(o2, 1.5, 0.5)), List.of("k is poorly determined"), "sensitivity", "additive, sd 0.25", 1.5);
    }

    @Test
    void derivedNumbersOfAResult() {
        FitResult r = result();
        assertThat(r.aic()).isEqualTo(14.0);
        assertThat(r.bic()).isEqualTo(10 + 2 * Math.log(5));
        assertThat(r.parameter("V").rsePercent()).as("100 * 1 / |-4|").isEqualTo(25.0);
        assertThat(r.parameter("k,1").rsePercent()).isEqualTo(25.0);
        assertThat(r.residuals().get(0).residual()).isEqualTo(0.5);
        assertThat(r.residuals().get(0).weighted()).isEqualTo(2.0);
        assertThat(r.residuals().get(1).residual()).isEqualTo(-0.5);
        assertThat(r.residuals().get(1).weighted()).isEqualTo(-1.0);
        assertThatThrownBy(() -> r.parameter("W")).isInstanceOf(IllegalArgumentException.class).hasMessage("no estimate 'W'");
    }

    @Test
    void estimatesCsv() {
        assertThat(FitOutput.estimates(result())).isEqualTo(
                "parameter,estimate,se,ci_low,ci_high,rse_percent,scale,initial,lower,upper,profile_low,profile_high,flag\n"
                        + "\"k,1\",2.0,0.5,1.0,3.0,25.0,log,1.0,0.0,inf,NaN,-inf,\"at \"\"bound\"\", x\"\n"
                        + "V,-4.0,1.0,-6.0,-2.0,25.0,linear,-3.0,-10.0,10.0,-5.5,-2.5,\n");
    }

    @Test
    void residualsCorrelationStartsAndPredictionsCsv() {
        FitResult r = result();
        assertThat(FitOutput.residuals(r)).isEqualTo("group,output,time,observed,predicted,sd,residual,weighted_residual,source\n"
                + "A,y,1.5,3.0,2.5,0.25,0.5,2.0,d.csv:2\n\"B,2\",z,2.0,1.0,1.5,0.5,-0.5,-1.0,d.csv:3\n");
        assertThat(FitOutput.correlation(r)).isEqualTo("parameter,\"k,1\",V\n\"k,1\",1.0,NaN\nV,-0.25,1.0\n");
        assertThat(FitOutput.starts(r)).isEqualTo("start,\"start_k,1\",start_V,objective,converged,evaluations,message\n"
                + "0,1.0,-3.0,11.5,true,30,converged after 4 iterations\n1,7.0,2.0,NaN,false,12,\"failed: no run, at all\"\n");
        List<Curve> curves = List.of(new Curve("A", "y", new double[] {0, 0.5}, new double[] {1, Double.POSITIVE_INFINITY}),
                new Curve("B", "y,z", new double[] {1}, new double[] {-2}));
        assertThat(FitOutput.predictions(curves)).isEqualTo("group,output,time,predicted\nA,y,0.0,1.0\nA,y,0.5,inf\nB,\"y,z\",1.0,-2.0\n");
        assertThat(FitOutput.predictions(List.of())).isEqualTo("group,output,time,predicted\n");
    }

    @ParameterizedTest
    @CsvSource({"1.5,1.5", "-0.0,-0.0", "1e300,1.0E300", "Infinity,inf", "-Infinity,-inf", "NaN,NaN"})
    void numbersInCsv(double v, String text) {
        assertThat(FitOutput.num(v)).isEqualTo(text);
    }

    @Test
    void jsonCarriesEverythingWithNullForNonFiniteNumbers() throws Exception {
        JsonNode j = new ObjectMapper().readTree(FitOutput.json(result()));
        assertThat(j.get("converged").asBoolean()).isFalse();
        assertThat(j.get("message").asText()).isEqualTo("did not converge: x");
        assertThat(j.get("objective").asDouble()).isEqualTo(10.0);
        assertThat(j.get("objective_is").asText()).isEqualTo("-2 log likelihood (Gaussian, including constants)");
        assertThat(j.get("weighted_ssr").asDouble()).isEqualTo(4.5);
        assertThat(j.get("aic").asDouble()).isEqualTo(14.0);
        assertThat(j.get("bic").asDouble()).isEqualTo(10 + 2 * Math.log(5));
        assertThat(j.get("observations").asInt()).isEqualTo(5);
        assertThat(j.get("evaluations").asInt()).isEqualTo(42);
        assertThat(j.get("gradient").asText()).isEqualTo("sensitivity");
        assertThat(j.get("error_model").asText()).isEqualTo("additive, sd 0.25");
        assertThat(j.get("seconds").asDouble()).isEqualTo(1.5);
        JsonNode k = j.get("parameters").get(0);
        assertThat(k.get("name").asText()).isEqualTo("k,1");
        assertThat(k.get("estimate").asDouble()).isEqualTo(2.0);
        assertThat(k.get("se").asDouble()).isEqualTo(0.5);
        assertThat(k.get("ci_low").asDouble()).isEqualTo(1.0);
        assertThat(k.get("ci_high").asDouble()).isEqualTo(3.0);
        assertThat(k.get("scale").asText()).isEqualTo("log");
        assertThat(k.get("profile_low").isNull()).as("NaN").isTrue();
        assertThat(k.get("profile_high").isNull()).as("-inf").isTrue();
        assertThat(k.get("flag").asText()).isEqualTo("at \"bound\", x");
        JsonNode v = j.get("parameters").get(1);
        assertThat(v.get("profile_low").asDouble()).isEqualTo(-5.5);
        assertThat(v.get("profile_high").asDouble()).isEqualTo(-2.5);
        assertThat(j.get("parameters")).hasSize(2);
        assertThat(j.get("identifiability")).hasSize(1);
        assertThat(j.get("identifiability").get(0).asText()).isEqualTo("k is poorly determined");
        assertThat(j.get("correlation").toString()).isEqualTo("[[1.0,null],[-0.25,1.0]]");
        FitResult inf = new FitResult(result().parameters(), Double.POSITIVE_INFINITY, Double.NaN, 5, true, "", 1, List.of(),
                new double[2][2], List.of(), List.of(), "g", "e", 0);
        JsonNode n = new ObjectMapper().readTree(FitOutput.json(inf));
        assertThat(n.get("objective").isNull()).isTrue();
        assertThat(n.get("weighted_ssr").isNull()).isTrue();
        assertThat(n.get("aic").isNull()).isTrue();
        assertThat(n.get("converged").asBoolean()).isTrue();
    }

    @Test
    void writeSavesTheSixFiles() throws Exception {
        FitResult r = result();
        List<Curve> curves = List.of(new Curve("A", "y", new double[] {0}, new double[] {1}));
        Path out = dir.resolve("out/fit");
        List<Path> written = FitOutput.write(r, curves, out);
        assertThat(written).containsExactly(out.resolve("estimates.csv"), out.resolve("residuals.csv"), out.resolve("correlation.csv"),
                out.resolve("predictions.csv"), out.resolve("starts.csv"), out.resolve("fit.json"));
        assertThat(Files.readString(out.resolve("estimates.csv"))).isEqualTo(FitOutput.estimates(r));
        assertThat(Files.readString(out.resolve("residuals.csv"))).isEqualTo(FitOutput.residuals(r));
        assertThat(Files.readString(out.resolve("correlation.csv"))).isEqualTo(FitOutput.correlation(r));
        assertThat(Files.readString(out.resolve("predictions.csv"))).isEqualTo("group,output,time,predicted\nA,y,0.0,1.0\n");
        assertThat(Files.readString(out.resolve("starts.csv"))).isEqualTo(FitOutput.starts(r));
        assertThat(Files.readString(out.resolve("fit.json"))).isEqualTo(FitOutput.json(r)).endsWith("}\n");
    }

    @Test
    void optionsAreValidatedAtTheEndsOfTheirRanges() {
        FitSpec.Options ok = new FitSpec.Options(1, "multistart", 1, 2, 0.5, 1);
        assertThat(new FitSpec.Options(10_000, "cmaes", -1, 2, 1e-300, 1).starts()).isEqualTo(10_000);
        assertThat(ok.withStarts(7)).isEqualTo(new FitSpec.Options(7, "multistart", 1, 2, 0.5, 1));
        assertThat(ok.withThreads(3)).isEqualTo(new FitSpec.Options(1, "multistart", 1, 2, 0.5, 3));
        assertThatThrownBy(() -> new FitSpec.Options(0, "multistart", 1, 2, 0.5, 1)).hasMessage("starts must be from 1 to 10000, found 0");
        assertThatThrownBy(() -> new FitSpec.Options(10_001, "multistart", 1, 2, 0.5, 1)).hasMessage("starts must be from 1 to 10000, found 10001");
        assertThatThrownBy(() -> new FitSpec.Options(1, "grid", 1, 2, 0.5, 1)).hasMessage("global must be multistart or cmaes, found 'grid'");
        assertThatThrownBy(() -> new FitSpec.Options(1, "multistart", 1, 1, 0.5, 1)).hasMessage("max_evaluations must be at least 2");
        for (double rtol : new double[] {0, 1, -0.1, Double.NaN}) {
            assertThatThrownBy(() -> new FitSpec.Options(1, "cmaes", 1, 2, rtol, 1)).hasMessage("rtol must be between 0 and 1, found " + rtol);
        }
        assertThat(new FitSpec.Options(1, "cmaes", 1, 2, 0.999, 1).rtol()).isEqualTo(0.999);
        assertThatThrownBy(() -> new FitSpec.Options(1, "multistart", 1, 2, 0.5, 0)).hasMessage("threads must be at least 1");
    }

    @Test
    void aSpecNeedsAnEstimateAndKeepsItsMapsInOrder() {
        DataSet data = DataSet.of("d", List.of(new Observation("all", "y", 1, 1, Double.NaN, "d:2")));
        assertThatThrownBy(() -> new FitSpec(null, Map.of(), data, Map.of(), List.of(), ErrorModel.additive(1), Map.of(),
                FitSpec.Options.DEFAULT, List.of())).hasMessage("nothing to estimate: list at least one parameter under 'estimate'");
        java.util.LinkedHashMap<String, org.osteon.scenario.Scenario> groups = new java.util.LinkedHashMap<>();
        groups.put("Z", org.osteon.scenario.Scenario.ofModel("z"));
        groups.put("A", org.osteon.scenario.Scenario.ofModel("a"));
        FitSpec s = new FitSpec(org.osteon.scenario.Scenario.ofModel("base"), groups, data, Map.of("y", Transform.FRACTION_OF_BASELINE),
                List.of(Estimate.of("k", 1)), ErrorModel.additive(1), Map.of("z", ErrorModel.proportional(0.2)), FitSpec.Options.DEFAULT,
                List.of("k"));
        groups.clear();
        assertThat(s.groups().keySet()).as("a copy, in the order given").containsExactly("Z", "A");
        assertThat(s.scenarioFor("A").model()).isEqualTo("a");
        assertThat(s.scenarioFor("Q").model()).isEqualTo("base");
        assertThat(s.transformFor("y")).isEqualTo(Transform.FRACTION_OF_BASELINE);
        assertThat(s.transformFor("z")).isEqualTo(Transform.NONE);
        assertThat(s.errorFor("z")).isEqualTo(ErrorModel.proportional(0.2));
        assertThat(s.errorFor("y")).isEqualTo(ErrorModel.additive(1));
    }
}
