package org.osteon.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.text.AntimonyReader;

/** The layout's name lookups: every state, parameter and output found under its own name (the first of each kind too), states listed first. */
class LayoutTest {
    @Test
    void everyNameIsFoundAndListedStatesFirst() {
        Layout layout = ModelCompiler.compile(AntimonyReader.parse(CompiledSensitivitiesTest.MODEL, "sens.ant")).layout();
        List<String> all = layout.allIds();
        assertThat(all).containsExactlyInAnyOrder("x", "y", "k", "s", "m", "q", "K", "u", "w", "r", "g");
        assertThat(all.subList(0, 2)).containsExactlyInAnyOrder("x", "y");
        assertThat(all.subList(2, 7)).containsExactlyInAnyOrder("k", "s", "m", "q", "K");
        for (String id : all) {
            assertThat(layout.find(id)).as(id).hasValueSatisfying(v -> assertThat(v.id()).isEqualTo(id));
        }
        assertThat(layout.find("nope")).isEmpty();
        assertThat(layout.stateIndex("k")).isEqualTo(-1);
        assertThat(layout.parameterIndex("x")).isEqualTo(-1);
        assertThat(layout.outputIndex("x")).isEqualTo(-1);
    }
}
