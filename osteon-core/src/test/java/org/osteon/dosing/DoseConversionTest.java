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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.model.Model;
import org.osteon.scenario.ModelFiles;
import org.osteon.units.Calendar;
import org.osteon.units.Quantity;

/**
 * Dose amounts converted into the target's unit. Expected values are hand arithmetic of the SI
 * prefixes (exact to rounding: relative tolerance 1e-12), and for teriparatide the dose in pmol
 * that OpenBoneMin's trial file lists for a 20 ug dose (dose_pmol = 4856.962456 in
 * shared/reference/observed/teriparatide_observed_obm.csv, molar mass 4117.8 g/mol: 1e-6 relative).
 */
class DoseConversionTest {
    @TempDir
    Path dir;
    private CompiledModel pk;
    private Model pkModel;
    private CompiledModel molar;
    private Model molarModel;

    @BeforeEach
    void models() {
        DosingTestSupport.copyModels(dir);
        pkModel = ModelFiles.read(dir.resolve("pk1.ant"));
        pk = ModelCompiler.compile(pkModel);
        molarModel = ModelFiles.read(dir.resolve("molar.ant"));
        molar = ModelCompiler.compile(molarModel);
    }

    private double amount(CompiledModel m, Model def, String target, String dose, Map<String, Quantity> covariates) {
        Dosing d = Dosing.of(m, def, Calendar.DEFAULT, covariates);
        List<Administration> a = d.administrations(Regimen.of(target, Quantity.parse(dose)), m.defaultParameters());
        assertThat(a).hasSize(1);
        return a.get(0).amount();
    }

    @ParameterizedTest(name = "{0} into Depot (mg) = {1}")
    @CsvSource({"60 mg, 60", "20 ug, 0.02", "1e6 ng, 1", "0.5 g, 500", "2 mcg, 0.002", "3, 3"})
    void massIntoAMassState(String dose, double mg) {
        assertThat(amount(pk, pkModel, "Depot", dose, Map.of())).isCloseTo(mg, within(1e-12 * mg));
    }

    @Test
    void perBodyWeightUsesTheWeightCovariate() {
        assertThat(amount(pk, pkModel, "Depot", "5 mg/kg", Map.of("weight", Quantity.parse("70 kg")))).isCloseTo(350, within(1e-9));
        assertThat(amount(pk, pkModel, "Depot", "5 mg/kg", Map.of("weight", Quantity.parse("70000 g")))).isCloseTo(350, within(1e-9));
        assertThat(amount(pk, pkModel, "Depot", "5 mg/kg", Map.of("weight", Quantity.of(70)))).isCloseTo(350, within(1e-9));
        assertThatThrownBy(() -> amount(pk, pkModel, "Depot", "5 mg/kg", Map.of()))
                .hasMessageContaining("per kg of body weight").hasMessageContaining("covariates: {weight: 70 kg}");
    }

    @Test
    void massIntoAConcentrationGoesThroughTheDeclaredVolume() {
        // 10 mg into C (mg/l) with V = 20 l: 0.5 mg/l
        assertThat(amount(pk, pkModel, "C", "10 mg", Map.of())).isCloseTo(0.5, within(1e-14));
    }

    @Test
    void massIntoAMolarConcentrationGoesThroughMolarMassAndVolume() {
        // 4 mg / (100 g/mol) / 2 l = 2e-5 mol/l = 20000 nM
        assertThat(amount(molar, molarModel, "Drug", "4 mg", Map.of())).isCloseTo(20000, within(20000 * 1e-12));
        // 1 umol / 2 l = 500 nM: no molar mass needed
        assertThat(amount(molar, molarModel, "Drug", "1 umol", Map.of())).isCloseTo(500, within(500 * 1e-12));
    }

    @Test
    void teriparatideTwentyMicrogramsInPicomolesMatchesOpenBoneMin() {
        assertThat(amount(molar, molarModel, "Pool", "20 ug", Map.of())).isCloseTo(4856.962456, within(4856.962456 * 1e-6));
    }

    @Test
    void theDoseFollowsTheVolumeParameter() {
        Dosing d = Dosing.of(pk, pkModel, Calendar.DEFAULT, Map.of());
        double[] p = pk.defaultParameters();
        p[pk.layout().parameterIndex("V")] = 40;
        assertThat(d.administrations(Regimen.of("C", Quantity.parse("10 mg")), p).get(0).amount()).isCloseTo(0.25, within(1e-14));
        assertThat(d.parametersRead(Regimen.of("C", Quantity.parse("10 mg")))).containsExactly("V");
    }

    @Test
    void unconvertibleDosesSayWhatIsMissing() {
        assertThatThrownBy(() -> amount(pk, pkModel, "Depot", "60 IU", Map.of()))
                .hasMessageContaining("cannot convert 60 IU").hasMessageContaining("no conversion to mass");
        assertThatThrownBy(() -> amount(pk, pkModel, "F", "60 mg", Map.of()))
                .hasMessageContaining("cannot convert 60 mg").hasMessageContaining("dimensionless");
        assertThatThrownBy(() -> amount(molar, molarModel, "Flag", "1 mg", Map.of()))
                .hasMessageContaining("cannot convert 1 mg");
        assertThatThrownBy(() -> amount(molar, molarModel, "k", "1 mg", Map.of()))
                .hasMessageContaining("declares no unit for it");
        assertThatThrownBy(() -> amount(pk, pkModel, "Depot", "60 mgg", Map.of()))
                .hasMessageContaining("unknown unit 'mgg'").hasMessageContaining("did you mean");
        assertThatThrownBy(() -> amount(pk, pkModel, "Dept", "60 mg", Map.of()))
                .hasMessageContaining("dose target 'Dept' is not a state").hasMessageContaining("did you mean 'Depot'");
        // substance into a mass state needs a molar mass the model does not declare for Depot
        assertThatThrownBy(() -> amount(pk, pkModel, "Depot", "1 mmol", Map.of()))
                .hasMessageContaining("without a molar mass").hasMessageContaining("Depot.molar_mass");
    }

    @Test
    void plainNumbersNeedNoUnits() {
        assertThat(amount(molar, molarModel, "k", "0.25", Map.of())).isEqualTo(0.25);
    }

    @Test
    void depotRouteNeedsADeclaredDepot() {
        Dosing d = Dosing.of(pk, pkModel, Calendar.DEFAULT, Map.of());
        Regimen toC = Regimen.of("C", Quantity.parse("10 mg")).route(Route.DEPOT);
        Administration a = d.administrations(toC, pk.defaultParameters()).get(0);
        assertThat(a.target()).isEqualTo("Depot");
        assertThat(a.amount()).isCloseTo(10, within(1e-12));
        Dosing dm = Dosing.of(molar, molarModel, Calendar.DEFAULT, Map.of());
        assertThatThrownBy(() -> dm.administrations(Regimen.of("Drug", Quantity.parse("1 mg")).route(Route.DEPOT), molar.defaultParameters()))
                .hasMessageContaining("declares no depot for 'Drug'");
    }
}
