package org.osteon.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.scenario.ScenarioException;
import org.osteon.trajectory.Trajectory;

/**
 * Routes and regimens end to end, against the closed-form solutions of one-compartment
 * pharmacokinetics (pk1.ant: ka = 1/h, ke = 0.1/h, F = 0.8, V = 20 l), e.g. Gabrielsson & Weiner,
 * Pharmacokinetic and Pharmacodynamic Data Analysis, ch. 2: bolus C = D/V e^(-ke t); oral
 * C = F D ka / (V (ka - ke)) (e^(-ke t) - e^(-ka t)); infusion at rate R for T:
 * C = R/(ke V) (1 - e^(-ke t)) for t <= T, then C(T) e^(-ke (t - T)). Solver rtol 1e-10, so the
 * tolerance is 1e-7 relative to the peak.
 */
class DosingSimulationTest {
    private static final double KA = 1;
    private static final double KE = 0.1;
    private static final double F = 0.8;
    private static final double V = 20;

    @TempDir
    Path dir;

    @BeforeEach
    void models() {
        DosingTestSupport.copyModels(dir);
    }

    private Trajectory run(String doses) {
        return DosingTestSupport.run(dir, "model: pk1.ant\nuntil: 2 d\nstep: 0.5\nrtol: 1e-10\natol: 1e-14\n" + doses);
    }

    private static double oral(double dose, double t) {
        return t < 0 ? 0 : F * dose * KA / (V * (KA - KE)) * (Math.exp(-KE * t) - Math.exp(-KA * t));
    }

    @Test
    void depotRouteGivesTheBatemanCurve() {
        Trajectory tr = run("doses:\n  - {target: C, amount: 10 mg, route: depot, at: 1 h}\n");
        assertThat(tr.timeUnit()).isEqualTo("hour");
        for (int i = 0; i < tr.size(); i++) {
            double t = tr.time(i);
            assertThat(tr.value("C", i)).as("t=%s", t).isCloseTo(oral(10, t - 1), within(1e-7 * 0.32));
        }
    }

    @Test
    void repeatedDepotDosesSuperpose() {
        Trajectory tr = run("doses:\n  - {target: C, regimen: 10 mg q12h x3 sc}\n");
        for (int i = 0; i < tr.size(); i++) {
            double t = tr.time(i);
            double expected = oral(10, t) + oral(10, t - 12) + oral(10, t - 24);
            assertThat(tr.value("C", i)).as("t=%s", t).isCloseTo(expected, within(1e-7 * 0.5));
        }
    }

    @Test
    void bolusIntoTheConcentrationUsesTheVolume() {
        Trajectory tr = run("doses:\n  - {target: C, amount: 10 mg, at: 0}\n");
        for (int i = 0; i < tr.size(); i++) {
            assertThat(tr.value("C", i)).isCloseTo(0.5 * Math.exp(-KE * tr.time(i)), within(1e-7 * 0.5));
        }
    }

    @Test
    void infusionByDurationAndByRateAgree() {
        Trajectory byDuration = run("doses:\n  - {target: C, amount: 10 mg, duration: 4 h, at: 2}\n");
        Trajectory byRate = run("doses:\n  - {target: C, rate: 2.5 mg/h, amount: 10 mg, at: 2}\n");
        Trajectory byRateAndDuration = run("doses:\n  - {target: C, rate: 60 mg/d, duration: 240 min, at: 2}\n");
        double r = 2.5 / V; // mg/l per hour
        for (int i = 0; i < byDuration.size(); i++) {
            double t = byDuration.time(i) - 2;
            double expected = t <= 0 ? 0 : t <= 4 ? r / KE * (1 - Math.exp(-KE * t))
                    : r / KE * (1 - Math.exp(-KE * 4)) * Math.exp(-KE * (t - 4));
            assertThat(byDuration.value("C", i)).as("t=%s", t).isCloseTo(expected, within(1e-7 * 0.4));
            assertThat(byRate.value("C", i)).isCloseTo(expected, within(1e-7 * 0.4));
            assertThat(byRateAndDuration.value("C", i)).isCloseTo(expected, within(1e-7 * 0.4));
        }
    }

    @Test
    void plainNumbersKeepTheirOldMeaning() {
        Trajectory tr = run("doses:\n  - {target: Depot, amount: 10, at: 0, every: 12, count: 2}\n");
        assertThat(tr.value("C", tr.size() - 1)).isCloseTo(oral(10, 48) + oral(10, 36), within(1e-8));
    }

    @Test
    void aDosingTableReplaysTheSameRegimen() throws Exception {
        Files.writeString(dir.resolve("design.csv"), """
                ID,TIME,AMT,CMT,II,ADDL,RATE,EVID,DV
                1,0,10,1,12,2,0,1,.
                1,6,.,2,.,.,.,0,0.31
                1,30,10,2,0,0,2.5,1,.
                """);
        Trajectory table = run("dose_table: {file: design.csv, amount_unit: mg, time_unit: h}\n");
        Trajectory yaml = run("doses:\n  - {target: Depot, amount: 10 mg, at: 0, every: 12 h, count: 3}\n"
                + "  - {target: C, amount: 10 mg, rate: 2.5 mg/h, at: 30}\n");
        assertThat(table.column("C")).containsExactly(yaml.column("C"));
    }

    @Test
    void badDosingTablesNameFileAndLine() throws Exception {
        Files.writeString(dir.resolve("bad.csv"), "time,amt,cmt,ss\n0,10,1,0\n24,10,1,1\n");
        assertThatThrownBy(() -> run("dose_table: bad.csv\n")).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("bad.csv:3: steady-state dosing (ss 1.0) is not supported");
        Files.writeString(dir.resolve("bad2.csv"), "time,amt,cmt\n0,ten,1\n");
        assertThatThrownBy(() -> run("dose_table: bad2.csv\n")).hasMessageContaining("bad2.csv:2: column 'amt' must be a number, found 'ten'");
        Files.writeString(dir.resolve("bad3.csv"), "time,amt,cmt\n0,10,9\n");
        assertThatThrownBy(() -> run("dose_table: bad3.csv\n")).hasMessageContaining("bad3.csv:2: cmt 9 is not a state number");
        Files.writeString(dir.resolve("bad4.csv"), "time,dose,cmt\n0,10,9\n");
        assertThatThrownBy(() -> run("dose_table: bad4.csv\n")).hasMessageContaining("bad4.csv:1: the dosing table has no 'amt' column");
        Files.writeString(dir.resolve("bad5.csv"), "id,time,amt,cmt\n1,0,10,1\n2,0,10,1\n");
        assertThatThrownBy(() -> run("dose_table: bad5.csv\n")).hasMessageContaining("2 subjects");
        Files.writeString(dir.resolve("bad6.csv"), "time,amt,cmt,evid\n0,10,1,4\n");
        assertThatThrownBy(() -> run("dose_table: bad6.csv\n")).hasMessageContaining("bad6.csv:2: evid 4 (reset) is not supported");
        Files.writeString(dir.resolve("bad7.csv"), "time,amt,cmt,rate\n0,10,1,-2\n");
        assertThatThrownBy(() -> run("dose_table: bad7.csv\n")).hasMessageContaining("bad7.csv:2: rate -2");
    }

    @Test
    void unconvertibleDoseNamesTheScenarioLine() {
        assertThatThrownBy(() -> run("doses:\n  - {target: Depot, at: 0, amount: 5 IU}\n"))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("s.yaml:7:5: cannot convert 5 IU");
        assertThatThrownBy(() -> run("doses:\n  - {target: C, at: 0, amount: 5 mg/kg}\n"))
                .hasMessageStartingWith("s.yaml:7:5:").hasMessageContaining("body weight");
        assertThatThrownBy(() -> run("doses:\n  - {target: C, at: 0, every: 3 mg, count: 2, amount: 5 mg}\n"))
                .hasMessageStartingWith("s.yaml:7:5:").hasMessageContaining("'3 mg' is not a time");
        assertThatThrownBy(() -> run("doses:\n  - {target: C, amount: 5 mg, regimen: 5 mg q1d x3}\n"))
                .hasMessageStartingWith("s.yaml:7:").hasMessageContaining("cannot be combined");
        assertThatThrownBy(() -> run("doses:\n  - {target: C, at: 0, amount: 5 mg, route: sideways}\n"))
                .hasMessageContaining("unknown route 'sideways'");
    }

    @Test
    void perKilogramDosesWithTheWeightCovariate() {
        Trajectory tr = run("covariates: {weight: 50 kg}\ndoses:\n  - {target: C, amount: 0.2 mg/kg, route: depot, at: 0}\n");
        assertThat(tr.value("C", tr.size() - 1)).isCloseTo(oral(10, 48), within(1e-9));
    }

    @Test
    void runTimesInCalendarUnits() {
        Trajectory tr = DosingTestSupport.run(dir, "model: pk1.ant\nuntil: 1 week\nstep: 1 d\ndoses:\n  - {target: C, amount: 1 mg, at: 0}\n");
        assertThat(tr.time(tr.size() - 1)).isEqualTo(168);
        assertThat(tr.size()).isEqualTo(8);
        Trajectory held = DosingTestSupport.run(dir, "model: pk1.ant\nuntil: 3 d\nstep: 1 d\ninterventions:\n"
                + "  - {set: ke, value: 0, from: 1 d, to: 2 d}\n");
        assertThat(held.column("ke")).containsExactly(0.1, 0, 0, 0.1);
    }
}
