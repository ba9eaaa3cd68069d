package org.osteon.trajectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.compile.Variable;

/**
 * Queries of a trajectory (interpolation, extremes, selection) and its JSON form, on a grid small
 * enough that every expected value is a hand calculation written next to it. Tolerance 1e-15
 * absolute for interpolated values (a few ulps of numbers of order 1); everything else is exact.
 */
class TrajectoryTest {
    private static final RunInfo RUN = new RunInfo("rodas5p", 1e-8, 1e-10, 12, 3, 95, 4, 5, 2, true, 1, 0.25, List.of(5.0));

    /** x: 1, 3, 3, 0 at t = 0, 2, 4, 5 (two equal maxima, the minimum last); r is a rate column. */
    private static Trajectory tr() {
        return new Trajectory("bone", "day", new double[] {0, 2, 4, 5},
                List.of(new Column("x", Variable.Kind.SPECIES, "pM", "x [pM]"),
                        new Column("y", Variable.Kind.ASSIGNED, null, "y"),
                        new Column("r", Variable.Kind.FLUX, null, "rate")),
                new double[][] {{1, 3, 3, 0}, {2, 1, 1, 2}, {0, Double.NaN, Double.POSITIVE_INFINITY, 1}}, RUN);
    }

    @Test
    void valueAtInterpolatesLinearlyAndHoldsTheEndValuesOutsideTheGrid() {
        Trajectory t = tr();
        // (1 - 0.25) * 1 + 0.25 * 3 = 1.5 at t = 0.5; between t = 4 and 5: 3 + 0.5 * (0 - 3) = 1.5
        assertThat(t.valueAt("x", 0.5)).isCloseTo(1.5, within(1e-15));
        assertThat(t.valueAt("x", 4.5)).isCloseTo(1.5, within(1e-15));
        assertThat(t.valueAt("x", 4.8)).isCloseTo(3 - 0.8 * 3, within(1e-15));
        // on grid points: the recorded value itself
        assertThat(t.valueAt("x", 2)).isEqualTo(3);
        assertThat(t.valueAt("x", 5)).isEqualTo(0);
        assertThat(t.valueAt("y", 4)).isEqualTo(1);
        // before the first and after the last time: the end values
        assertThat(t.valueAt("x", 0)).isEqualTo(1);
        assertThat(t.valueAt("x", -3)).isEqualTo(1);
        assertThat(t.valueAt("x", 9)).isEqualTo(0);
        assertThat(t.valueAt("y", 9)).isEqualTo(2);
    }

    @Test
    void extremesAndTheirTimesTakeTheFirstOccurrence() {
        Trajectory t = tr();
        assertThat(t.min("x")).isEqualTo(0);
        assertThat(t.max("x")).isEqualTo(3);
        assertThat(t.min("y")).isEqualTo(1);
        assertThat(t.timeOfMax("x")).isEqualTo(2); // 3 at t = 2 and t = 4: the first
        assertThat(t.timeOfMin("x")).isEqualTo(5);
        assertThat(t.timeOfMin("y")).isEqualTo(2); // 1 at t = 2 and t = 4: the first
        assertThat(t.timeOfMax("y")).isEqualTo(0); // 2 at t = 0 and t = 5: the first
        assertThat(t.first("y")).isEqualTo(2);
        assertThat(t.last("x")).isEqualTo(0);
    }

    @Test
    void columnsAreFoundByNameAndAnUnknownNameIsNamedInTheError() {
        Trajectory t = tr();
        assertThat(t.has("x")).isTrue();
        assertThat(t.has("z")).isFalse();
        assertThat(t.columnInfo("y").kind()).isEqualTo(Variable.Kind.ASSIGNED);
        assertThat(t.columnInfo("x").displayUnit()).isEqualTo("pM");
        assertThat(t.modelId()).isEqualTo("bone");
        assertThat(t.runInfo()).isSameAs(RUN);
        assertThatThrownBy(() -> t.column("xx"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageStartingWith("no column 'xx' in the trajectory of bone");
        // the column is a copy: changing it does not change the trajectory
        t.column("x")[0] = 42;
        assertThat(t.first("x")).isEqualTo(1);
    }

    @Test
    void selectKeepsTheGivenOrderAndWithoutKindsDropsOnlyThoseKinds() {
        Trajectory t = tr();
        Trajectory yx = t.select(List.of("y", "x"));
        assertThat(yx.columns()).extracting(Column::id).containsExactly("y", "x");
        assertThat(yx.column("x")).containsExactly(1, 3, 3, 0);
        assertThat(yx.times()).containsExactly(0, 2, 4, 5);
        Trajectory noRates = t.withoutKinds(Set.of(Variable.Kind.FLUX));
        assertThat(noRates.columns()).extracting(Column::id).containsExactly("x", "y");
        assertThat(t.withoutKinds(Set.of()).columns()).hasSize(3);
    }

    @Test
    void mismatchedShapesAreRefused() {
        List<Column> one = List.of(new Column("x", Variable.Kind.SPECIES, null, "x"));
        assertThatThrownBy(() -> new Trajectory("m", "day", new double[] {0, 1}, one, new double[][] {{1}}, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Trajectory("m", "day", new double[] {0, 1}, one, new double[][] {{1, 2}, {3, 4}}, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The JSON form written in the class comment of JsonWriter, read back with Jackson. */
    @Test
    void jsonHoldsEveryFieldAndWritesNonFiniteNumbersAsNull() throws IOException {
        StringWriter text = new StringWriter();
        JsonWriter.write(tr(), text);
        JsonNode j = new ObjectMapper().readTree(text.toString());
        assertThat(j.get("model").asText()).isEqualTo("bone");
        assertThat(j.get("timeUnit").asText()).isEqualTo("day");
        assertThat(j.get("time").toString()).isEqualTo("[0.0,2.0,4.0,5.0]");
        JsonNode x = j.get("columns").get(0);
        assertThat(x.get("id").asText()).isEqualTo("x");
        assertThat(x.get("kind").asText()).isEqualTo("species");
        assertThat(x.get("unit").asText()).isEqualTo("pM");
        assertThat(x.get("label").asText()).isEqualTo("x [pM]");
        assertThat(x.get("values").toString()).isEqualTo("[1.0,3.0,3.0,0.0]");
        assertThat(j.get("columns").get(1).has("unit")).isFalse(); // no unit declared: no field
        assertThat(j.get("columns").get(2).get("values").toString()).isEqualTo("[0.0,null,null,1.0]");
        JsonNode run = j.get("run");
        assertThat(run.get("method").asText()).isEqualTo("rodas5p");
        assertThat(run.get("rtol").asDouble()).isEqualTo(1e-8);
        assertThat(run.get("atol").asDouble()).isEqualTo(1e-10);
        assertThat(run.get("acceptedSteps").asLong()).isEqualTo(12);
        assertThat(run.get("rejectedSteps").asLong()).isEqualTo(3);
        assertThat(run.get("functionEvaluations").asLong()).isEqualTo(95);
        assertThat(run.get("jacobianEvaluations").asLong()).isEqualTo(4);
        assertThat(run.get("restarts").asLong()).isEqualTo(2);
        assertThat(run.get("switchedToStiff").asBoolean()).isTrue();
        assertThat(run.get("eventsFired").asLong()).isEqualTo(1);
        assertThat(run.get("solveMillis").asDouble()).isEqualTo(0.25);
    }

    /** writeTo leaves the generator where it found it: trajectories can be embedded in a larger document. */
    @Test
    void jsonTrajectoriesEmbedInALargerDocument() throws IOException {
        StringWriter text = new StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(text)) {
            g.writeStartArray();
            JsonWriter.writeTo(tr(), g);
            JsonWriter.writeTo(tr(), g);
            g.writeString("after");
            g.writeEndArray();
        }
        JsonNode j = new ObjectMapper().readTree(text.toString());
        assertThat(j.size()).isEqualTo(3);
        assertThat(j.get(1).get("run").get("eventsFired").asLong()).isEqualTo(1);
        assertThat(j.get(2).asText()).isEqualTo("after");
    }

    @Test
    void jsonWithoutRunInfoHasNoRunAndTheFileAndStreamFormsAgree(@TempDir Path dir) throws IOException {
        Trajectory plain = new Trajectory("m", "week", new double[] {1}, List.of(new Column("a", Variable.Kind.PARAMETER, null, "a")),
                new double[][] {{-0.5}}, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonWriter.write(plain, bytes);
        String streamed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(new ObjectMapper().readTree(streamed).has("run")).isFalse();
        Path file = dir.resolve("t.json");
        JsonWriter.write(plain, file);
        assertThat(Files.readString(file)).isEqualTo(streamed)
                .isEqualTo("{\"model\":\"m\",\"timeUnit\":\"week\",\"time\":[1.0],\"columns\":[{\"id\":\"a\",\"kind\":\"parameter\","
                        + "\"label\":\"a\",\"values\":[-0.5]}]}");
    }

    /** The stream and file forms of the CSV writer write everything (the writer is flushed). */
    @Test
    void csvToAStreamAndToAFileIsComplete(@TempDir Path dir) throws IOException {
        Trajectory t = tr().select(List.of("x"));
        String expected = "time,x\n0.0,1.0\n2.0,3.0\n4.0,3.0\n5.0,0.0\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvWriter.write(t, bytes, ',');
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
        ByteArrayOutputStream withUnits = new ByteArrayOutputStream();
        CsvWriter.write(t, withUnits, ';', CsvWriter.Units.HEADER);
        assertThat(withUnits.toString(StandardCharsets.UTF_8)).startsWith("time [day];x [pM]\n0.0;1.0\n");
        Path file = dir.resolve("t.csv");
        CsvWriter.write(t, file);
        assertThat(Files.readString(file)).isEqualTo(expected);
    }

    @Test
    void timeUnitsNamesAndAliases() {
        assertThat(TimeUnits.names()).containsExactly("second", "minute", "hour", "day", "week", "month", "year");
        assertThat(TimeUnits.canonical(" Weeks ")).isEqualTo("week");
        assertThat(TimeUnits.canonical("a")).isEqualTo("year");
        assertThat(TimeUnits.canonical("fortnight")).isNull();
        assertThat(TimeUnits.canonical(null)).isNull();
        // already in the unit: the same trajectory; an alias of it is renamed to the canonical name
        Trajectory days = tr();
        assertThat(TimeUnits.convert(days, "days")).isSameAs(days);
        Trajectory d = new Trajectory("m", "d", new double[] {0, 3}, List.of(), new double[0][], null);
        Trajectory renamed = TimeUnits.convert(d, "day");
        assertThat(renamed.timeUnit()).isEqualTo("day");
        assertThat(renamed.times()).containsExactly(0, 3);
        // no time unit given: days (Antimony's default)
        Trajectory none = new Trajectory("m", null, new double[] {0, 7}, List.of(), new double[0][], null);
        assertThat(TimeUnits.convert(none, "week").times()).containsExactly(0, 1);
    }
}
