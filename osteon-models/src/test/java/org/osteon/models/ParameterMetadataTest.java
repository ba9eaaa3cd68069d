package org.osteon.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osteon.model.Model;
import org.osteon.model.Parameter;

/** Every parameter of every built-in model carries a unit and a source (or a note saying how it was chosen). */
class ParameterMetadataTest {
    static Stream<String> models() {
        return BuiltInModels.all().stream().map(BuiltInModel::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyParameterHasUnitAndSource(String id) {
        Model model = new BuiltInCatalog().model(id).orElseThrow();
        Set<String> ruleTargets = new HashSet<>();
        model.rules().forEach(r -> ruleTargets.add(r.variable()));
        for (Parameter p : model.parameters()) {
            if (ruleTargets.contains(p.id())) {
                continue; // a rule variable: its unit and meaning come from its rule
            }
            assertThat(p.metadata().unit()).as("%s: unit of %s", id, p.id()).isNotNull();
            assertThat(p.metadata().source() != null || p.metadata().attribute("note") != null)
                    .as("%s: source or note of %s", id, p.id()).isTrue();
        }
        assertThat(model.metadata().attribute("citation")).as("%s: citation", id).isNotBlank();
    }
}
