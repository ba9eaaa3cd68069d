package org.osteon.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.compile.CompileException;
import org.osteon.compile.ModelCompiler;
import org.osteon.model.Compartment;
import org.osteon.model.Event;
import org.osteon.model.InitialAssignment;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.Parameter;
import org.osteon.model.Reaction;
import org.osteon.model.Rule;
import org.osteon.model.Species;
import org.osteon.model.SpeciesReference;
import org.osteon.model.expr.Expr;
import org.osteon.trajectory.Trajectory;

/**
 * SBML Level 3 stoichiometry semantics: species-reference ids read and set as symbols (variable
 * stoichiometry) and conversion factors. Each case has a closed-form solution for
 * S1 -> S2 at rate k*S1 (S1 = exp(-k t)), checked to 1e-8 absolute with the solver at rtol 1e-10.
 */
class StoichiometryTest {
    private static final double K = 0.3;

    private static Model.Builder decay(SpeciesReference product) {
        return Model.builder("m")
                .compartment(new Compartment("c", 1, true, Metadata.EMPTY))
                .species(new Species("S1", "c", 1, false, false, false, Metadata.EMPTY))
                .species(new Species("S2", "c", 0, false, false, false, Metadata.EMPTY))
                .parameter(new Parameter("k", K, true, Metadata.EMPTY))
                .reaction(new Reaction("R", List.of(new SpeciesReference("S1", 1)), List.of(product),
                        Expr.bin(Expr.BinaryOp.MUL, Expr.sym("k"), Expr.sym("S1")), false, Metadata.EMPTY));
    }

    private static Trajectory run(Model m) {
        return Models.run(ModelCompiler.compile(m), 5, 1, SolverSettings.DEFAULT.withTolerances(1e-10, 1e-12), List.of());
    }

    @Test
    void stoichiometrySetByAnInitialAssignmentThroughItsId() {
        Model m = decay(new SpeciesReference("S2", Double.NaN, "s2ref"))
                .initialAssignment(new InitialAssignment("s2ref", Expr.num(2)))
                .parameter(new Parameter("seen", Double.NaN, false, Metadata.EMPTY))
                .rule(new Rule.Assignment("seen", Expr.sym("s2ref")))
                .build();
        Trajectory t = run(m);
        for (int i = 0; i < t.times().length; i++) {
            double time = t.times()[i];
            assertThat(t.column("S2")[i]).isCloseTo(2 * (1 - Math.exp(-K * time)), within(1e-8));
            assertThat(t.column("seen")[i]).isEqualTo(2);
        }
    }

    @Test
    void stoichiometryChangedByARuleInTime() {
        // s2ref := 1 + time, so dS2/dt = (1 + t) k exp(-k t): S2 = (1 + 1/k) (1 - e^{-kt}) - t e^{-kt}
        Model m = decay(new SpeciesReference("S2", Double.NaN, "s2ref"))
                .parameter(new Parameter("unused", 0, true, Metadata.EMPTY))
                .rule(new Rule.Assignment("s2ref", Expr.bin(Expr.BinaryOp.ADD, Expr.num(1), Expr.sym("time"))))
                .build();
        Trajectory t = run(m);
        for (int i = 0; i < t.times().length; i++) {
            double time = t.times()[i];
            double expected = (1 + 1 / K) * (1 - Math.exp(-K * time)) - time * Math.exp(-K * time);
            assertThat(t.column("S2")[i]).isCloseTo(expected, within(1e-8));
        }
    }

    @Test
    void stoichiometryChangedByAnEvent() {
        // stoichiometry 1 until t = 2, then 3: S2 = (1 - e^{-2k}) + 3 (e^{-2k} - e^{-kt}) after t = 2
        Model m = decay(new SpeciesReference("S2", 1, "s2ref"))
                .event(new Event("e", Expr.bin(Expr.BinaryOp.GE, Expr.sym("time"), Expr.num(2)), null,
                        List.of(new Event.Assignment("s2ref", Expr.num(3))), null, true, true, true, Metadata.EMPTY))
                .build();
        Trajectory t = run(m);
        for (int i = 0; i < t.times().length; i++) {
            double time = t.times()[i];
            double expected = time <= 2 ? 1 - Math.exp(-K * time)
                    : (1 - Math.exp(-2 * K)) + 3 * (Math.exp(-2 * K) - Math.exp(-K * time));
            assertThat(t.column("S2")[i]).as("t=%s", time).isCloseTo(expected, within(1e-8));
        }
    }

    @Test
    void speciesAndModelConversionFactors() {
        // S1 converts extent with its own factor 2 (S1 = e^{-2kt}); S2 uses the model's factor 5:
        // dS2/dt = 5 k S1, so S2 = 5/2 (1 - e^{-2kt})
        Model base = decay(new SpeciesReference("S2", 1)).build();
        Model m = base.toBuilder()
                .conversionFactor("cfModel")
                .parameter(new Parameter("cfS1", 2, true, Metadata.EMPTY))
                .parameter(new Parameter("cfModel", 5, true, Metadata.EMPTY))
                .build();
        List<Species> species = List.of(
                new Species("S1", "c", 1, false, false, false, "cfS1", Metadata.EMPTY), m.species().get(1));
        Model.Builder b = Model.builder("m").conversionFactor("cfModel");
        m.compartments().forEach(b::compartment);
        species.forEach(b::species);
        m.parameters().forEach(b::parameter);
        m.reactions().forEach(b::reaction);
        Trajectory t = run(b.build());
        for (int i = 0; i < t.times().length; i++) {
            double time = t.times()[i];
            assertThat(t.column("S1")[i]).isCloseTo(Math.exp(-2 * K * time), within(1e-8));
            assertThat(t.column("S2")[i]).isCloseTo(2.5 * (1 - Math.exp(-2 * K * time)), within(1e-8));
        }
    }

    @Test
    void conversionFactorMustBeAParameter() {
        Model m = decay(new SpeciesReference("S2", 1)).conversionFactor("nope").build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelCompiler.compile(m))
                .isInstanceOf(CompileException.class)
                .hasMessageContaining("conversion factor 'nope'");
    }
}
