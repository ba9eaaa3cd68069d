package org.osteon.trajectory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osteon.compile.Variable;

/**
 * The CSV writer's promise (its class comment): the numbers read back are the very doubles written,
 * bit for bit. Seeded random values over the whole double range (and the awkward ones: subnormals,
 * negative zero, values a float would round) are written and parsed back.
 */
class CsvWriterTest {
    private static Trajectory small(String timeUnit) {
        return new Trajectory("m", timeUnit, new double[] {0, 7, 14},
                List.of(new Column("x", Variable.Kind.SPECIES, "pM", "x"),
                        new Column("BV_change", Variable.Kind.ASSIGNED, "", "bone volume change [%]"),
                        new Column("k", Variable.Kind.PARAMETER, null, "rate, plain")),
                new double[][] {{1, 2, 3}, {0, -1.5, -3}, {0.5, 0.5, 0.5}}, null);
    }

    /** Issue 13: units in the CSV header, or as a second row, for every output ('-' where none is declared). */
    @org.junit.jupiter.api.Test
    void unitsGoIntoTheHeaderOrASecondRow() throws IOException {
        StringWriter header = new StringWriter();
        CsvWriter.write(small("day"), header, ',', CsvWriter.Units.HEADER);
        assertThat(header.toString()).startsWith("time [day],x [pM],BV_change [%],k [-]\n0.0,1.0,0.0,0.5\n");
        StringWriter row = new StringWriter();
        CsvWriter.write(small("day"), row, '\t', CsvWriter.Units.ROW);
        assertThat(row.toString()).startsWith("time\tx\tBV_change\tk\nday\tpM\t%\t-\n0.0\t1.0");
        StringWriter plain = new StringWriter();
        CsvWriter.write(small("day"), plain, ',');
        assertThat(plain.toString()).startsWith("time,x,BV_change,k\n0.0,");
    }

    /** --time-unit: times shown in weeks, months or years; the values are untouched. */
    @org.junit.jupiter.api.Test
    void timesConvertBetweenUnits() {
        Trajectory weeks = TimeUnits.convert(small("day"), "weeks");
        assertThat(weeks.timeUnit()).isEqualTo("week");
        assertThat(weeks.times()).containsExactly(0, 1, 2);
        assertThat(weeks.column("x")).containsExactly(1, 2, 3);
        // 7 days = 7 / (365.25 / 12) months; 14 days = 14 / 365.25 years
        assertThat(TimeUnits.convert(small("day"), "month").time(1)).isCloseTo(7 / (365.25 / 12), org.assertj.core.data.Offset.offset(1e-14));
        assertThat(TimeUnits.convert(small("day"), "yr").time(2)).isCloseTo(14 / 365.25, org.assertj.core.data.Offset.offset(1e-14));
        // a model counting hours (petersonriggs2010): 14 h = 14/24 d
        assertThat(TimeUnits.convert(small("hour"), "day").time(2)).isCloseTo(14 / 24.0, org.assertj.core.data.Offset.offset(1e-14));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TimeUnits.convert(small("day"), "fortnight"))
                .hasMessageContaining("unknown time unit 'fortnight'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TimeUnits.convert(small("cycle"), "day"))
                .hasMessageContaining("time unit 'cycle'");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 20_260_206})
    void everyValueReadsBackAsTheSameDouble(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 200;
        double[] times = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = i * 0.1 + random.nextDouble() * 1e-9; // not representable as float
            a[i] = Double.longBitsToDouble(random.nextLong()); // anything, finite or not
            if (!Double.isFinite(a[i])) {
                a[i] = random.nextDouble();
            }
            b[i] = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-300, 300));
        }
        a[0] = Double.MIN_VALUE;
        a[1] = -0.0;
        a[2] = 0.1 + 0.2;
        a[3] = 1 + Math.ulp(1.0);
        a[4] = Double.MAX_VALUE;
        b[0] = 16_777_217; // the first integer a float cannot hold
        Trajectory tr = new Trajectory("m", "day", times,
                List.of(new Column("a", Variable.Kind.SPECIES, "pM", "A"), new Column("b", Variable.Kind.PARAMETER, "", "B")),
                new double[][] {a, b}, null);

        StringWriter out = new StringWriter();
        CsvWriter.write(tr, out, ',');
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).isEqualTo("time,a,b");
        assertThat(lines).hasSize(n + 1);
        List<double[]> read = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",");
            assertThat(cells).hasSize(3);
            read.add(new double[] {Double.parseDouble(cells[0]), Double.parseDouble(cells[1]), Double.parseDouble(cells[2])});
        }
        for (int i = 0; i < n; i++) {
            assertThat(Double.doubleToRawLongBits(read.get(i)[0])).as("time row " + i).isEqualTo(Double.doubleToRawLongBits(times[i]));
            assertThat(Double.doubleToRawLongBits(read.get(i)[1])).as("a row " + i).isEqualTo(Double.doubleToRawLongBits(a[i]));
            assertThat(Double.doubleToRawLongBits(read.get(i)[2])).as("b row " + i).isEqualTo(Double.doubleToRawLongBits(b[i]));
        }
    }
}
