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
    void citationAndDoi() {
        assertThat(model.metadata().attribute("doi")).isEqualTo("10.1016/j.bone.2019.04.022");
        assertThat(model.metadata().attribute("citation")).contains("Bone 125:87-95");
    }
}
