package org.osteon.analysis.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Observed data in long format (class comment of {@link DataSet}): columns in any order and case,
 * optional sd and group, comments and blank lines, missing values skipped, and every mistake an
 * IllegalArgumentException naming file and line (lines counted from 1, comments included).
 */
class DataSetTest {
    @TempDir
    Path dir;

    @Test
    void columnsInAnyOrderAndCaseWithOptionalSdAndGroup() {
        DataSet d = DataSet.parse("# observed\n\n  Value , GROUP,Time,output,SD\n5.5,A,0.5,CTX,0.25\n-1e-3,,2,BMD,\n\n# end\n7,B,3, P1NP ,.\n",
                "obs.csv");
        assertThat(d.source()).isEqualTo("obs.csv");
        assertThat(d.rows()).containsExactly(new Observation("A", "CTX", 0.5, 5.5, 0.25, "obs.csv:4"),
                new Observation(DataSet.DEFAULT_GROUP, "BMD", 2, -1e-3, Double.NaN, "obs.csv:5"),
                new Observation("B", "P1NP", 3, 7, Double.NaN, "obs.csv:8"));
        assertThat(d.groups()).containsExactly("A", "all", "B");
    }

    @Test
    void withoutAGroupColumnEveryRowIsInGroupAll() {
        DataSet d = DataSet.parse("time,output,value\r\n1,y,2\r\n2,y,3\r\n", "w.csv");
        assertThat(d.rows()).extracting(Observation::group).containsExactly("all", "all");
        assertThat(d.rows()).extracting(Observation::value).containsExactly(2.0, 3.0);
        assertThat(d.groups()).containsExactly("all");
    }

    /** Empty, "." and "NA" (any case) values are missing: the row is skipped, not an error. */
    @Test
    void missingValuesSkipTheRow() {
        DataSet d = DataSet.parse("time,output,value,sd\n1,y,,1\n2,y,.,1\n3,y,na,1\n4,y, NA ,1\n5,y,6,na\n6,y,7, \n", "m.csv");
        assertThat(d.rows()).extracting(Observation::time).containsExactly(5.0, 6.0);
        assertThat(d.rows()).extracting(Observation::sd).allMatch(x -> Double.isNaN(x));
        assertThat(d.rows().get(0).origin()).isEqualTo("m.csv:6");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|d.csv: no data; expected a header time,output,value[,sd][,group]",
        "'# only a comment\n\n'|d.csv: no data; expected a header time,output,value[,sd][,group]",
        "'time,output,value\n# nothing\n'|d.csv: no data rows",
        "'time,output,value\n1,y,NA\n'|d.csv: no data rows",
        "'time,output,Time,value\n'|d.csv:1: column 'Time' appears twice",
        "'\ntime,output,valu\n1,y,2\n'|d.csv:2: no 'value' column (did you mean 'valu'?); data is long format: time,output,value[,sd][,group]",
        "'t,output,value\n'|d.csv:1: no 'time' column; data is long format: time,output,value[,sd][,group]",
        "'time,value\n'|d.csv:1: no 'output' column",
        "'time,output,value\n1,y\n'|d.csv:2: expected 3 values (as in the header), found 2",
        "'time,output,value\n1,y,2,3\n'|d.csv:2: expected 3 values (as in the header), found 4",
        "'time,output,value\nx,y,2\n'|d.csv:2: time must be a number, found 'x'",
        "'time,output,value\n1,y,Infinity\n'|d.csv:2: value must be a number, found 'Infinity'",
        "'time,output,value\nNaN,y,1\n'|d.csv:2: time must be a number, found 'NaN'",
        "'time,output,value\n1, ,2\n'|d.csv:2: empty output name",
        "'time,output,value,sd\n1,y,2,0\n'|d.csv:2: sd must be positive, found 0",
        "'time,output,value,sd\n1,y,2,-0.5\n'|d.csv:2: sd must be positive, found -0.5",
        "'time,output,value,sd\n1,y,2,big\n'|d.csv:2: sd must be a number, found 'big'",
    })
    void eachMistakeNamesTheFileAndLine(String text, String expected) {
        assertThatThrownBy(() -> DataSet.parse(text, "d.csv")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(expected);
    }

    @Test
    void readingAFile() throws Exception {
        Path f = dir.resolve("d.csv");
        Files.writeString(f, "time,output,value\n1,y,2\n");
        assertThat(DataSet.read(f).rows()).containsExactly(new Observation("all", "y", 1, 2, Double.NaN, f + ":2"));
        assertThat(DataSet.read(f).source()).isEqualTo(f.toString());
        assertThatThrownBy(() -> DataSet.read(dir.resolve("none.csv"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(dir.resolve("none.csv") + ": data file not found");
        assertThatThrownBy(() -> DataSet.read(dir)).hasMessage(dir + ": data file not found");
        Files.write(dir.resolve("bad.csv"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
        assertThatThrownBy(() -> DataSet.read(dir.resolve("bad.csv"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(dir.resolve("bad.csv") + ": cannot read data (");
    }

    @Test
    void ofKeepsTheRowsGiven() {
        Observation o = new Observation("g", "y", 1, 2, 0.1, "x:1");
        DataSet d = DataSet.of("src", List.of(o));
        assertThat(d.rows()).containsExactly(o);
        assertThat(d.source()).isEqualTo("src");
    }
}
