package org.osteon.analysis.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osteon.scenario.ScenarioException;
import org.osteon.scenario.ScenarioRunner;

/**
 * Reading fit specifications (the format of docs/pharmacometrics.md): what each key sets, its
 * defaults, and for each mistake a message naming file, line and column of the offending node
 * (line and column counted from 1). The model is {@link LineFits#LINE} in m.ant, the data the four
 * points of {@link LineFits#FOUR_POINTS} in d.csv.
 */
class FitSpecReaderTest {
    private static final String HEAD = "model: m.ant\ndata: d.csv\n";
    private static final String EST = "estimate:\n  - {name: b}\n";
    private static final String ERR = "error: {additive: 2}\n";

    @TempDir
    Path dir;

    private final ScenarioRunner runner = LineFits.runner();

    @BeforeEach
    void files() {
        LineFits.write(dir.resolve("m.ant"), LineFits.LINE);
        LineFits.write(dir.resolve("d.csv"), LineFits.FOUR_POINTS);
    }

    private FitSpec read(String yaml) {
        return FitSpecReader.parse(yaml, "fit.yaml", dir, runner);
    }

    private List<String> problems(String yaml) {
        try {
            read(yaml);
        } catch (ScenarioException e) {
            return e.problems();
        }
        throw new AssertionError("no problem reported for:\n" + yaml);
    }

    /**
     * Defaults: one start from the initial values, seed 1, 400 evaluations, rtol 1e-8; an estimate
     * without initial starts from the model's value (b = 1, state y = 1) on the log scale (positive)
     * with bounds (0, inf); the run ends at the last data time, 4.
     */
    @Test
    void aMinimalSpecTakesItsDefaultsFromTheModelAndTheData() {
        FitSpec s = read(HEAD + "estimate:\n  - {name: b}\n  - {name: y, initial: 0}\n  - {name: y, initial: 2, scale: linear}\n" + ERR);
        assertThat(s.options()).isEqualTo(FitSpec.Options.DEFAULT);
        assertThat(s.options()).isEqualTo(new FitSpec.Options(1, "multistart", 1, 400, 1e-8, 1));
        assertThat(s.estimates()).containsExactly(new Estimate("b", 1, 0, Double.POSITIVE_INFINITY, true),
                new Estimate("y", 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false),
                new Estimate("y", 2, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false));
        assertThat(s.error()).isEqualTo(ErrorModel.additive(2));
        assertThat(s.errors()).isEmpty();
        assertThat(s.transforms()).isEmpty();
        assertThat(s.groups()).isEmpty();
        assertThat(s.profile()).isEmpty();
        assertThat(s.scenario().until()).isEqualTo(4.0);
        assertThat(s.data().rows()).hasSize(4);
        assertThat(s.data().rows().get(3).time()).isEqualTo(4.0);
        assertThat(s.errorFor("y")).isEqualTo(ErrorModel.additive(2));
        assertThat(s.transformFor("y")).isEqualTo(Transform.NONE);
        assertThat(s.scenarioFor("any")).isSameAs(s.scenario());
    }

    @Test
    void boundsInitialValuesAndInfinitiesAreReadAsWritten() {
        FitSpec s = read(HEAD + "estimate:\n  - {name: b, initial: 3, lower: -inf, upper: .inf, scale: LIN}\n"
                + "  - {name: y, initial: 2, lower: 0.5, upper: +inf, scale: log}\n  - {name: y, initial: -1, lower: -.inf, upper: 5}\n"
                + "  - {name: b, initial: 1, lower: 1e-3, upper: Inf}\n" + ERR);
        assertThat(s.estimates()).containsExactly(new Estimate("b", 3, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false),
                new Estimate("y", 2, 0.5, Double.POSITIVE_INFINITY, true),
                new Estimate("y", -1, Double.NEGATIVE_INFINITY, 5, false),
                new Estimate("b", 1, 1e-3, Double.POSITIVE_INFINITY, true));
    }

    @Test
    void searchOptions() {
        FitSpec multi = read(HEAD + EST + ERR + "global: {method: multistart}\nmax_evaluations: 50\nrtol: 1e-6\n");
        assertThat(multi.options()).as("multistart without starts: 10").isEqualTo(new FitSpec.Options(10, "multistart", 1, 50, 1e-6, 1));
        FitSpec cmaes = read(HEAD + EST + ERR + "global: {method: CMAES}\n");
        assertThat(cmaes.options()).as("cmaes without starts: 1").isEqualTo(new FitSpec.Options(1, "cmaes", 1, 400, 1e-8, 1));
        FitSpec seeded = read(HEAD + EST + ERR + "global: {method: cmaes, starts: 3, seed: 7}\n");
        assertThat(seeded.options()).isEqualTo(new FitSpec.Options(3, "cmaes", 7, 400, 1e-8, 1));
        FitSpec noMethod = read(HEAD + EST + ERR + "global: {starts: 4}\n");
        assertThat(noMethod.options()).isEqualTo(new FitSpec.Options(4, "multistart", 1, 400, 1e-8, 1));
        // the ends of each range are allowed
        assertThat(read(HEAD + EST + ERR + "global: {starts: 1}\nmax_evaluations: 2\n").options())
                .isEqualTo(new FitSpec.Options(1, "multistart", 1, 2, 1e-8, 1));
        assertThat(read(HEAD + EST + ERR + "global: {starts: 10000}\nmax_evaluations: 1e7\nrtol: 9.99e-4\n").options())
                .isEqualTo(new FitSpec.Options(10000, "multistart", 1, 10_000_000, 9.99e-4, 1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "global: {starts: 0}|5:18: 'starts' must be a whole number from 1 to 10000",
        "global: {starts: 10001}|5:18: 'starts' must be a whole number from 1 to 10000",
        "global: {starts: 2.5}|5:18: 'starts' must be a whole number from 1 to 10000",
        "global: {method: grid}|5:18: global method must be multistart or cmaes, found 'grid'",
        "global: {seed: x}|5:16: 'seed' must be a number, found 'x'",
        "global: {runs: 3}|5:10: unknown key 'runs'",
        "global: multistart|5:9: 'global' is {method: multistart|cmaes, starts: N, seed: S}",
        "max_evaluations: 1|5:18: 'max_evaluations' must be a whole number from 2 to 1e7",
        "max_evaluations: 1.0000001e7|5:18: 'max_evaluations' must be a whole number from 2 to 1e7",
        "max_evaluations: 20.5|5:18: 'max_evaluations' must be a whole number from 2 to 1e7",
        "rtol: 1e-3|5:7: 'rtol' must be between 0 and 1e-3 (fits need accurate runs)",
        "rtol: 0|5:7: 'rtol' must be between 0 and 1e-3 (fits need accurate runs)",
        "rtol: [1]|5:7: 'rtol' must be a single value",
        "until: soon|5:8: 'until' must be a number, found 'soon'",
        "profile: [y]|5:11: cannot profile 'y': it is not under 'estimate'",
        "profile: 3|5:10: 'profile' must be true, false or a list of estimated names",
        "transform: percent|5:12: 'transform' maps outputs to transforms, e.g. {CTX: percent_of_baseline}",
        "transform: {y: percent_of_baselin}|5:16: unknown transform 'percent_of_baselin' (did you mean 'percent_of_baseline'?)",
        "transform: {y: [a]}|5:16: 'transform.y' must be a single value",
        "groups: [a]|5:9: 'groups' maps group names to scenarios, e.g. groups: {A: {scenario: arm-a.yaml}}",
        "groups: {A: {until: 3}}|5:14: unknown key 'until'",
        "groups: {A: missing.yaml}|5:13: scenario file 'missing.yaml' not found",
        "estimates: []|5:1: unknown key 'estimates' (did you mean 'estimate'?); expected one of data, description, error, estimate, "
                + "global, groups, max_evaluations, model, name, profile, rtol, scenario, transform, until",
    })
    void eachMistakeNamesItsLineAndColumn(String line, String expected) {
        List<String> p = problems("model: m.ant\ndata: d.csv\nestimate:\n  - {name: b}\n" + line + "\n" + ERR);
        assertThat(p).anySatisfy(x -> assertThat(x).startsWith("fit.yaml:" + expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "error: 2|5:8: 'error' must be a mapping such as {proportional: 0.1}",
        "error: {additive: -1}|5:19: an error term must be positive, found -1.0",
        "error: {additive: 0}|5:19: an error term must be positive, found 0.0",
        "error: {additive: abc}|5:19: 'error' must be a number, found 'abc'",
        "error: {additive: {estimate: x}}|5:30: 'estimate' must be a number, found 'x'",
        "error: {additive: {start: 1}}|5:20: unknown key 'start'",
        "error: {combined: 2}|5:19: 'combined' is {additive: a, proportional: b}",
        "error: {combined: {additive: 2}}|5:19: 'combined' needs both additive and proportional",
        "error: {additive: {estimate: 0}}|5:8: the error model needs an additive or a proportional term greater than 0",
        "error: {y: 2}|5:12: the error model of 'y' must be a mapping such as {additive: 2}",
        "error: {y: {sd: 2}}|5:13: unknown key 'sd'",
    })
    void errorModelMistakes(String line, String expected) {
        List<String> p = problems(HEAD + EST + line + "\n");
        assertThat(p).anySatisfy(x -> assertThat(x).startsWith("fit.yaml:" + expected));
    }

    @Test
    void errorModelForms() {
        assertThat(read(HEAD + EST + "error: {proportional: 0.1}\n").error()).isEqualTo(ErrorModel.proportional(0.1));
        assertThat(read(HEAD + EST + "error: {additive: estimate}\n").error()).as("estimated additive starts at 1")
                .isEqualTo(new ErrorModel(1, 0, true, false));
        assertThat(read(HEAD + EST + "error: {proportional: Estimate}\n").error()).as("estimated proportional starts at 0.1")
                .isEqualTo(new ErrorModel(0, 0.1, false, true));
        assertThat(read(HEAD + EST + "error: {additive: {estimate: 3}, proportional: 0.2}\n").error())
                .isEqualTo(new ErrorModel(3, 0.2, true, false));
        assertThat(read(HEAD + EST + "error: {combined: {additive: 2, proportional: {estimate: 0.3}}}\n").error())
                .isEqualTo(new ErrorModel(2, 0.3, false, true));
        FitSpec byOutput = read(HEAD + EST + "error: {y: {additive: 2}, z: {proportional: 0.2}}\n");
        assertThat(byOutput.errors()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("y", ErrorModel.additive(2),
                "z", ErrorModel.proportional(0.2)));
        assertThat(byOutput.error()).as("the first one listed serves outputs not listed").isEqualTo(ErrorModel.additive(2));
        assertThat(byOutput.errorFor("z")).isEqualTo(ErrorModel.proportional(0.2));
        assertThat(byOutput.errorFor("w")).isEqualTo(ErrorModel.additive(2));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "estimate: {name: b}|3:11: 'estimate' is a list of {name: P, initial: X, lower: L, upper: U, scale: log}",
        "estimate: [b]|3:12: each estimate is a mapping {name: P, initial: X, ...}",
        "estimate: [{initial: 2}]|3:12: an estimate needs a name",
        "estimate: [{name: bb}]|3:19: cannot estimate 'bb': model 'line' has no such parameter or state (did you mean 'b'?)",
        "estimate: [{name: yy}]|3:19: cannot estimate 'yy': model 'line' has no such parameter or state (did you mean 'y'?)",
        "estimate: [{name: b, initial: x}]|3:31: 'initial' must be a number, found 'x'",
        "estimate: [{name: b, lower: 0..1}]|3:29: 'lower' must be a number, found '0..1'",
        "estimate: [{name: b, upper: NaN}]|3:29: 'upper' must be a number, found 'NaN'",
        "estimate: [{name: b, scale: ln}]|3:29: scale must be log or linear, found 'ln'",
        "estimate: [{name: b, initial: 5, lower: 1, upper: 2}]|3:12: 'b': the initial value 5.0 is outside its bounds [1.0, 2.0]",
        "estimate: [{name: b, step: 1}]|3:22: unknown key 'step'",
        "estimate: [{name: [b]}]|3:19: 'name' must be a single value",
        "estimate: [{[a]: 1}]|3:13: keys must be plain words",
    })
    void estimateMistakes(String line, String expected) {
        List<String> p = problems(HEAD + line + "\n" + ERR);
        assertThat(p).anySatisfy(x -> assertThat(x).startsWith("fit.yaml:" + expected));
    }

    /** Every problem is listed, not only the first; keys missing altogether are named without a position. */
    @Test
    void missingKeysAreAllReportedTogether() {
        assertThat(problems("name: empty\n")).containsExactly(
                "fit.yaml: missing key 'model' (a model id or file, or a scenario file or id)",
                "fit.yaml: missing key 'data' (a CSV file: time, output, value[, sd][, group])",
                "fit.yaml: missing key 'error' (e.g. error: {proportional: 0.1}, {additive: 2}, or {additive: estimate})");
        assertThat(problems(HEAD + ERR)).containsExactly(
                "fit.yaml: missing key 'estimate' (a list of {name, initial, lower, upper, scale})");
        assertThatThrownBy(() -> read(HEAD + "estimate: []\n" + ERR)).isInstanceOf(ScenarioException.class)
                .hasMessage("fit.yaml: nothing to estimate: list at least one parameter under 'estimate'");
        assertThat(problems("- a\n")).containsExactly("fit.yaml:1:1: a fit specification is a mapping with model, data and estimate");
        assertThat(problems(HEAD + EST + ERR + "global: {method: grid, starts: 0}\nrtol: 1\n")).hasSize(3);
    }

    @Test
    void modelAndDataMistakes() {
        assertThat(problems("model: m.ant\nscenario: s.yaml\ndata: d.csv\n" + EST + ERR))
                .anySatisfy(x -> assertThat(x).startsWith("fit.yaml:2:11: give 'model' or 'scenario', not both"));
        assertThat(problems("model: gone.yaml\ndata: d.csv\n" + EST + ERR))
                .containsExactly("fit.yaml:1:8: scenario file 'gone.yaml' not found");
        assertThat(problems("model: [m.ant]\ndata: d.csv\n" + EST + ERR))
                .containsExactly("fit.yaml:1:8: 'model' must be a single value");
        assertThat(problems("model: nosuchmodel\ndata: d.csv\n" + EST + ERR))
                .singleElement().asString().startsWith("fit.yaml:1:8: ").contains("unknown model 'nosuchmodel'");
        assertThat(problems("model: gone.ant\ndata: d.csv\n" + EST + ERR))
                .singleElement().asString().startsWith("fit.yaml:1:8: ");
        assertThat(problems("model: m.ant\ndata: [d.csv]\n" + EST + ERR))
                .containsExactly("fit.yaml:2:7: 'data' is a CSV file name or {file: F, time_unit: h}");
        assertThat(problems("model: m.ant\ndata: {time_unit: h}\n" + EST + ERR))
                .containsExactly("fit.yaml:2:7: 'data' needs a file");
        assertThat(problems("model: m.ant\ndata: gone.csv\n" + EST + ERR))
                .containsExactly("fit.yaml:2:7: " + dir.resolve("gone.csv") + ": data file not found");
        LineFits.write(dir.resolve("bad.csv"), "time,output,value\n1,y,x\n");
        assertThat(problems("model: m.ant\ndata: bad.csv\n" + EST + ERR))
                .containsExactly("fit.yaml:2:7: " + dir.resolve("bad.csv") + ":2: value must be a number, found 'x'");
        assertThat(problems("model: m.ant\ndata: {file: d.csv, unit: h}\n" + EST + ERR))
                .anySatisfy(x -> assertThat(x).startsWith("fit.yaml:2:21: unknown key 'unit'; expected one of file, time_unit"));
    }

    @Test
    void profileTrueListsEveryEstimateAndFalseNone() {
        String two = HEAD + "estimate:\n  - {name: b}\n  - {name: y}\n" + ERR;
        assertThat(read(two + "profile: true\n").profile()).containsExactly("b", "y");
        assertThat(read(two + "profile: [y]\n").profile()).containsExactly("y");
        assertThat(read(two + "profile: false\n").profile()).isEmpty();
        assertThat(read(two + "transform: {y: change-from-baseline}\n").transformFor("y")).isEqualTo(Transform.CHANGE_FROM_BASELINE);
    }

    /** Data only at time 0 give no span: the run keeps its default end. */
    @Test
    void dataOnlyAtTimeZeroLeaveTheEndUnset() {
        LineFits.write(dir.resolve("z.csv"), "time,output,value\n0,y,1\n");
        assertThat(read("model: m.ant\ndata: z.csv\n" + EST + ERR).scenario().until()).isNull();
    }

    /** An explicit until wins over the data's span; data times in days become hours for a model in hours. */
    @Test
    void untilAndTheDataTimeUnit() {
        assertThat(read(HEAD + EST + ERR + "until: 10\n").scenario().until()).isEqualTo(10.0);
        LineFits.write(dir.resolve("h.ant"), "model lineh\n  unit time_unit = hour\n  y' = b\n  y = 1\n  b = 1\nend\n");
        FitSpec days = read("model: h.ant\ndata: {file: d.csv, time_unit: day}\n" + EST + ERR);
        assertThat(days.data().rows()).extracting(Observation::time).containsExactly(24.0, 48.0, 72.0, 96.0);
        assertThat(days.scenario().until()).isCloseTo(96.0, offset(1e-12));
        assertThat(days.data().rows().get(0).origin()).endsWith("d.csv:2");
        FitSpec hours = read("model: h.ant\ndata: {file: d.csv}\n" + EST + ERR);
        assertThat(hours.data().rows()).extracting(Observation::time).containsExactly(1.0, 2.0, 3.0, 4.0);
    }

    /**
     * Groups (trial arms) by scenario: arm A's scenario has its own end (7); arm B's spans the data
     * (last time 6); the base model's run spans only the rows of groups without a scenario (last 3).
     */
    @Test
    void groupsHaveTheirOwnScenarios() {
        LineFits.write(dir.resolve("g.csv"), "time,output,value,group\n1,y,2,A\n6,y,3,B\n3,y,4,C\n");
        LineFits.write(dir.resolve("a.yaml"), "model: m.ant\nuntil: 7\nset: {b: 2}\n");
        LineFits.write(dir.resolve("b.yaml"), "model: m.ant\n");
        FitSpec s = read("model: m.ant\ndata: g.csv\ngroups: {A: {scenario: a.yaml}, B: b.yaml}\n" + EST + ERR);
        assertThat(s.groups()).containsOnlyKeys("A", "B");
        assertThat(s.scenarioFor("A").until()).isEqualTo(7.0);
        assertThat(s.scenarioFor("A").set()).containsEntry("b", 2.0);
        assertThat(s.scenarioFor("B").until()).isEqualTo(6.0);
        assertThat(s.scenarioFor("C").until()).isEqualTo(3.0);
        assertThat(s.scenario().until()).isEqualTo(3.0);
        assertThat(problems("model: m.ant\ndata: g.csv\ngroups: {A: {}}\n" + EST + ERR))
                .containsExactly("fit.yaml:3:13: group 'A' needs a scenario");
    }

    /** A scenario file as the model: its own settings (until) apply; 'scenario:' is the same key. */
    @Test
    void aScenarioFileAsTheModel() {
        LineFits.write(dir.resolve("s.yaml"), "model: m.ant\nuntil: 12\n");
        assertThat(read("model: s.yaml\ndata: d.csv\n" + EST + ERR).scenario().until()).isEqualTo(12.0);
        assertThat(read("scenario: s.yaml\ndata: d.csv\n" + EST + ERR).scenario().until()).isEqualTo(12.0);
    }

    @Test
    void readingAFileResolvesItsNeighbours() {
        LineFits.write(dir.resolve("fit.yaml"), HEAD + EST + ERR);
        FitSpec s = FitSpecReader.read(dir.resolve("fit.yaml"), runner);
        assertThat(s.data().source()).isEqualTo(dir.resolve("d.csv").toString());
        assertThatThrownBy(() -> FitSpecReader.read(dir.resolve("none.yaml"), runner)).isInstanceOf(ScenarioException.class)
                .hasMessage(dir.resolve("none.yaml") + ": fit specification not found");
    }
}
