package org.osteon.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.model.Compartment;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.Parameter;
import org.osteon.model.Reaction;
import org.osteon.model.Rule;
import org.osteon.model.Species;
import org.osteon.model.SpeciesReference;
import org.osteon.model.expr.Expr;

/**
 * A species' rate of change when it appears several times in one reaction (SBML L3V2 sec. 4.11.7:
 * d[S]/dt = sum over references of (product stoichiometry - reactant stoichiometry) x rate / V),
 * mixing fixed coefficients and references with ids, whose values are their stoichiometries.
 * Expected values by hand; the derivative is a sum of a few exact products, compared exactly.
 */
class NetStoichiometryTest {

    /** A in compartment C (size 2), reaction R with rate k = 3 and the given references of A. */
    private static Model model(List<SpeciesReference> reactants, List<SpeciesReference> products) {
        return Model.builder("m")
                .compartment(new Compartment("C", 2, true, Metadata.EMPTY))
                .species(new Species("A", "C", 1, false, false, false, Metadata.EMPTY))
                .parameter(new Parameter("k", 3, true, Metadata.EMPTY))
                .reaction(new Reaction("R", reactants, products, Expr.sym("k"), false, Metadata.EMPTY))
                .build();
    }

    private static double dAdt(Model m) {
        CompiledModel c = ModelCompiler.compile(m);
        double[] dydt = new double[c.layout().states().size()];
        c.derivatives(0, c.defaultState(), c.defaultParameters(), dydt);
        return dydt[c.layout().stateIndex("A")];
    }

    @Test
    void aFixedAndANamedReferenceOfTheSameSpeciesAddUp() {
        // reactant A with id sA (stoichiometry 3), product A with fixed 1: (1 - 3) * 3 / 2 = -3
        assertThat(dAdt(model(List.of(new SpeciesReference("A", 3, "sA")), List.of(new SpeciesReference("A", 1)))))
                .isEqualTo(-3.0);
    }

    @Test
    void twoNamedReferencesOfTheSameSpeciesAreProductMinusReactant() {
        // product pA = 5, reactant rA = 2: (5 - 2) * 3 / 2 = 4.5
        assertThat(dAdt(model(List.of(new SpeciesReference("A", 2, "rA")), List.of(new SpeciesReference("A", 5, "pA")))))
                .isEqualTo(4.5);
        // two named reactants: -(2 + 4) * 3 / 2 = -9
        assertThat(dAdt(model(List.of(new SpeciesReference("A", 2, "r1"), new SpeciesReference("A", 4, "r2")), List.of())))
                .isEqualTo(-9.0);
        // two named products: (2 + 4) * 3 / 2 = 9
        assertThat(dAdt(model(List.of(), List.of(new SpeciesReference("A", 2, "p1"), new SpeciesReference("A", 4, "p2")))))
                .isEqualTo(9.0);
    }

    @Test
    void fixedCoefficientsOnBothSidesNet() {
        // 2 A -> 3 A: (3 - 2) * 3 / 2 = 1.5; A -> A: no change at all
        assertThat(dAdt(model(List.of(new SpeciesReference("A", 2)), List.of(new SpeciesReference("A", 3))))).isEqualTo(1.5);
        assertThat(dAdt(model(List.of(new SpeciesReference("A", 1)), List.of(new SpeciesReference("A", 1))))).isZero();
        // 3 A -> 1 A: -2 * 3 / 2 = -3; a coefficient of exactly -1 too: 2 A -> A: -1 * 3 / 2
        assertThat(dAdt(model(List.of(new SpeciesReference("A", 3)), List.of(new SpeciesReference("A", 1))))).isEqualTo(-3.0);
        assertThat(dAdt(model(List.of(new SpeciesReference("A", 2)), List.of(new SpeciesReference("A", 1))))).isEqualTo(-1.5);
    }

    @Test
    void aCompartmentWithoutSizeHasSizeOne() {
        // SBML leaves the size undefined; Osteon takes 1 (docs): A -> ; k = 3 gives -3
        Model m = Model.builder("m")
                .compartment(new Compartment("C", Double.NaN, true, Metadata.EMPTY))
                .species(new Species("A", "C", 1, false, false, false, Metadata.EMPTY))
                .parameter(new Parameter("k", 3, true, Metadata.EMPTY))
                .reaction(new Reaction("R", List.of(new SpeciesReference("A", 1)), List.of(), Expr.sym("k"), false, Metadata.EMPTY))
                .build();
        assertThat(dAdt(m)).isEqualTo(-3.0);
    }

    @Test
    void aSpeciesChangedByReactionsCannotAlsoHaveARule() {
        Model base = model(List.of(new SpeciesReference("A", 1)), List.of());
        assertThatThrownBy(() -> ModelCompiler.compile(base.toBuilder().rule(new Rule.Rate("A", Expr.num(1))).build()))
                .isInstanceOf(CompileException.class).hasMessageContaining("species 'A' is changed by reactions and also has a rate rule");
        assertThatThrownBy(() -> ModelCompiler.compile(base.toBuilder().rule(new Rule.Assignment("A", Expr.num(1))).build()))
                .isInstanceOf(CompileException.class).hasMessageContaining("species 'A' is changed by reactions and also has an assignment rule");
    }

    @Test
    void aConstantParameterWithARuleIsRefusedUnlessItHasNoValue() {
        Model.Builder b = Model.builder("m").parameter(new Parameter("q", 2, true, Metadata.EMPTY))
                .rule(new Rule.Assignment("q", Expr.num(1)));
        assertThatThrownBy(() -> ModelCompiler.compile(b.build()))
                .isInstanceOf(CompileException.class).hasMessageContaining("'q' is declared constant but has a rule");
        // a constant parameter without a value set by a rule (how libAntimony writes `q := 1`) is accepted
        CompiledModel c = ModelCompiler.compile(Model.builder("m").parameter(new Parameter("q", Double.NaN, true, Metadata.EMPTY))
                .rule(new Rule.Assignment("q", Expr.num(1))).build());
        double[] out = new double[c.layout().outputCount()];
        c.outputs(0, new double[0], c.defaultParameters(), out);
        assertThat(out[c.layout().outputIndex("q")]).isEqualTo(1);
    }
}
