package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntegratorsTest {
    @Test
    void namesAndAliases() {
        assertThat(Integrators.byName("dopri5")).isInstanceOf(Dopri5.class);
        assertThat(Integrators.byName("rk45")).isInstanceOf(Dopri5.class);
        assertThat(Integrators.byName("dop853")).isInstanceOf(Dop853.class);
        assertThat(Integrators.byName("rk853")).isInstanceOf(Dop853.class);
        assertThat(Integrators.byName("rodas5p")).isInstanceOf(Rodas5P.class);
        assertThat(Integrators.byName("rodas")).isInstanceOf(Rodas5P.class);
        assertThat(Integrators.byName("stiff")).isInstanceOf(Rodas5P.class);
        assertThat(Integrators.byName("auto")).isInstanceOf(AutoIntegrator.class);
        assertThat(Integrators.byName("BDF")).isInstanceOf(Bdf.class);
        assertThat(Integrators.byName("bdf").name()).isEqualTo("bdf");
        assertThat(Integrators.byName(" RODAS5P ")).isInstanceOf(Rodas5P.class);
        assertThat(Integrators.byName("dopri5").name()).isEqualTo("dopri5");
        assertThat(Integrators.byName("rk853").name()).isEqualTo("dop853");
        assertThat(Integrators.byName("stiff").name()).isEqualTo("rodas5p");
        assertThat(Integrators.byName("auto").name()).isEqualTo("auto");
    }

    @Test
    void unknownNameListsValidNamesAndSuggestsTheClosest() {
        assertThatThrownBy(() -> Integrators.byName("rodas5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'rodas5'")
                .hasMessageContaining("dopri5").hasMessageContaining("dop853").hasMessageContaining("rodas5p")
                .hasMessageContaining("auto")
                .hasMessageContaining("did you mean 'rodas5p'");
        assertThatThrownBy(() -> Integrators.byName("dopri")).hasMessageContaining("did you mean 'dopri5'");
        assertThatThrownBy(() -> Integrators.byName("rk4")).hasMessageContaining("did you mean 'rk45'");
        assertThatThrownBy(() -> Integrators.byName(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void editDistance() {
        assertThat(Integrators.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(Integrators.editDistance("", "abc")).isEqualTo(3);
        assertThat(Integrators.editDistance("auto", "auto")).isZero();
    }
}
