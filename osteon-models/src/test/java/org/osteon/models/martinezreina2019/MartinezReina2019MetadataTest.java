package org.osteon.models.martinezreina2019;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osteon.model.Model;
import org.osteon.model.Parameter;

/** Every parameter and state of the model text carries a unit and a source; the model its citation. */
class MartinezReina2019MetadataTest {
    private final Model model = MartinezReinaSupport.CATALOG.model(MartinezReina2019Model.ID).orElseThrow();

    @Test
    void everyParameterHasUnitAndSource() {
        int checked = 0;
        for (Parameter p : model.parameters()) {
            boolean assigned = model.ruleFor(p.id()).map(r -> !(r instanceof org.osteon.model.Rule.Rate)).orElse(false);
            if (assigned) {
                continue;
            }
            assertThat(p.metadata().unit()).as("unit of %s", p.id()).isNotBlank();
            assertThat(p.metadata().source()).as("source of %s", p.id()).isNotBlank();
            checked++;
        }
        assertThat(checked).isGreaterThan(80);
    }

    @Test
    void modelDefaultsToThePapersQueueAndScenariosToThePeers() {
        // spec M5: the paper's volume-conserving queue by default; the reference scenarios select the peer's clipping
        assertThat(model.parameter("queue_conserve").orElseThrow().value()).isEqualTo(1.0);
        for (String id : java.util.List.of(MartinezReinaSupport.PMO, MartinezReinaSupport.STEPWISE, MartinezReinaSupport.CONTINUOUS,
                MartinezReinaSupport.ACCUMULATING)) {
            assertThat(MartinezReinaSupport.scenario(id).set()).as(id).containsEntry("queue_conserve", 0.0);
        }
        assertThat(MartinezReinaSupport.scenario(MartinezReinaSupport.CONSERVING).set()).containsEntry("queue_conserve", 1.0);
    }

    @Test
    void citationAndDoi() {
        assertThat(model.metadata().attribute("doi")).isEqualTo("10.1016/j.bone.2019.04.022");
        assertThat(model.metadata().attribute("citation")).contains("Bone 125:87-95");
    }
}
