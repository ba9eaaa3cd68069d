package org.osteon.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaletteTest {
    private static final List<String> BONE = List.of("OBp", "OBa", "OCa", "RANKL", "OPG", "BV", "RANK", "PTH");

    @Test
    void sameIdSameColourOnEveryCall() {
        for (String id : BONE) {
            assertThat(Palette.preferred(id)).isEqualTo(Palette.preferred(id));
        }
        assertThat(Palette.assign(BONE)).isEqualTo(Palette.assign(BONE));
    }

    @Test
    void assignmentDependsOnTheSetNotItsOrder() {
        List<String> shuffled = new ArrayList<>(BONE);
        Collections.shuffle(shuffled, new java.util.Random(7));
        Map<String, Color> a = Palette.assign(BONE);
        Map<String, Color> b = Palette.assign(shuffled);
        for (String id : BONE) {
            assertThat(b.get(id)).as(id).isEqualTo(a.get(id));
        }
        assertThat(new ArrayList<>(b.keySet())).isEqualTo(shuffled);
    }

    @Test
    void distinctWithinAPlotUpToThePaletteSize() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < Palette.colors().size(); i++) {
            ids.add("species_" + i);
        }
        assertThat(new HashSet<>(Palette.assign(ids).values())).hasSize(ids.size());
        assertThat(new HashSet<>(Palette.assign(BONE).values())).hasSize(BONE.size());
    }

    @Test
    void anIdWithoutCompetitionKeepsItsPreferredColour() {
        for (String id : BONE) {
            assertThat(Palette.assign(List.of(id)).get(id)).isEqualTo(Palette.preferred(id));
        }
        // OCa and BV want different colours, so neither is moved.
        assertThat(Palette.preferredIndex("OCa")).isNotEqualTo(Palette.preferredIndex("BV"));
        Map<String, Color> pair = Palette.assign(List.of("OCa", "BV"));
        assertThat(pair.get("OCa")).isEqualTo(Palette.preferred("OCa"));
        assertThat(pair.get("BV")).isEqualTo(Palette.preferred("BV"));
    }

    @Test
    void hashIsFixedNotJvmDependent() {
        // Pinned values: changing the hash would recolour every plot a user has ever made.
        assertThat(Palette.preferredIndex("OPG")).isEqualTo(7);
        assertThat(Palette.preferredIndex("OCa")).isEqualTo(0);
        assertThat(Palette.preferredIndex("BV")).isEqualTo(3);
    }

    @Test
    void moreIdsThanColoursReuseColoursEvenly() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add("s" + i);
        }
        Map<String, Color> colors = Palette.assign(ids);
        for (Color c : Palette.colors()) {
            long uses = colors.values().stream().filter(c::equals).count();
            assertThat(uses).isBetween(2L, 3L);
        }
    }
}
