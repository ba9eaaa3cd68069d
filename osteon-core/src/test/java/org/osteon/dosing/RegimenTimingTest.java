package org.osteon.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.model.Model;
import org.osteon.scenario.ModelFiles;
import org.osteon.units.Calendar;
import org.osteon.units.Quantity;

/** Dose times in calendar units, in models whose time unit is hours or days (hand arithmetic, 1e-12 relative). */
class RegimenTimingTest {
    @TempDir
    Path dir;
    private CompiledModel hours;
    private Model hoursModel;
    private CompiledModel days;
    private Model daysModel;

    @BeforeEach
    void models() {
        DosingTestSupport.copyModels(dir);
        hoursModel = ModelFiles.read(dir.resolve("pk1.ant"));
        hours = ModelCompiler.compile(hoursModel);
        daysModel = ModelFiles.read(dir.resolve("molar.ant"));
        days = ModelCompiler.compile(daysModel);
    }

    private static double[] times(CompiledModel m, Model def, Calendar c, Regimen r) {
        return Dosing.of(m, def, c, Map.of()).administrations(r, m.defaultParameters()).stream()
                .mapToDouble(Administration::time).toArray();
    }

    @Test
    void monthsAreJulianUnlessTheCalendarSaysOtherwise() {
        Regimen r = Regimen.compact("Pool", "60 ug q6mo x3").start(Quantity.parse("1 year"));
        assertThat(times(days, daysModel, Calendar.DEFAULT, r)).containsExactly(365.25, 365.25 + 182.625, 365.25 + 365.25);
        double[] t28 = times(days, daysModel, Calendar.DEFAULT.withMonthDays(28), r);
        assertThat(t28).containsExactly(365.25, 365.25 + 168, 365.25 + 336);
    }

    @Test
    void anHourModelGetsHours() {
        Regimen r = Regimen.compact("Depot", "60 mg q6mo x2").start(Quantity.parse("2 weeks"));
        assertThat(times(hours, hoursModel, Calendar.DEFAULT, r)).containsExactly(336, 336 + 182.625 * 24);
        assertThat(Dosing.of(hours, hoursModel, Calendar.DEFAULT, Map.of()).time(Quantity.parse("3 d"))).isEqualTo(72);
        assertThat(Dosing.of(hours, hoursModel, Calendar.DEFAULT, Map.of()).time(Quantity.of(5))).isEqualTo(5);
    }

    @Test
    void compactFormEqualsTheLongForm() {
        Regimen compact = Regimen.compact("C", "60 mg q6mo x8 sc");
        Regimen expanded = Regimen.of("C", Quantity.parse("60 mg")).route(Route.DEPOT).every(Quantity.of(6, "month"), 8);
        assertThat(compact).isEqualTo(expanded);
        Regimen daily = Regimen.compact("Depot", "20 ug qd for 2 weeks");
        assertThat(times(hours, hoursModel, Calendar.DEFAULT, daily)).hasSize(14);
        Regimen inf = Regimen.compact("C", "4 mg q4w x3 over 15 min");
        assertThat(inf.route()).isEqualTo(Route.INFUSION);
        List<Administration> a = Dosing.of(hours, hoursModel, Calendar.DEFAULT, Map.of()).administrations(inf, hours.defaultParameters());
        assertThat(a).hasSize(3);
        assertThat(a.get(0).duration()).isCloseTo(0.25, within(1e-15));
        assertThat(a.get(1).time()).isCloseTo(28 * 24, within(1e-12));
        assertThat(Regimen.compact("Depot", "1 mg bid x4").interval()).isEqualTo(Quantity.of(12, "h"));
        assertThat(Regimen.compact("Depot", "5 mg/kg q3w x4 from 1 week").start()).isEqualTo(Quantity.parse("1 week"));
    }

    @Test
    void badCompactFormsSayWhatIsWrong() {
        assertThatThrownBy(() -> Regimen.compact("X", "60 mg x8")).hasMessageContaining("8 doses need an interval");
        assertThatThrownBy(() -> Regimen.compact("X", "60 mg q6mo x8 sometimes")).hasMessageContaining("unexpected 'sometimes'");
        assertThatThrownBy(() -> Regimen.compact("X", "lots q6mo")).hasMessageContaining("expected a number");
        assertThatThrownBy(() -> Regimen.compact("X", "60 mg qd x3 for 2 weeks")).hasMessageContaining("not both");
    }

    @Test
    void timesMustBeTimes() {
        Dosing d = Dosing.of(days, daysModel, Calendar.DEFAULT, Map.of());
        assertThatThrownBy(() -> d.time(Quantity.parse("6 mg"))).hasMessageContaining("'6 mg' is not a time");
    }
}
