package org.osteon.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osteon.compile.CompiledModel;
import org.osteon.compile.ModelCompiler;
import org.osteon.model.Model;
import org.osteon.simulation.Changes;
import org.osteon.simulation.InitialConditions;
import org.osteon.simulation.SimulationProblem;
import org.osteon.simulation.Simulator;
import org.osteon.simulation.SolverSettings;
import org.osteon.text.AntimonyReader;
import org.osteon.trajectory.Trajectory;

/** Explanations on a model small enough to check by hand. */
class ExplainerTest {
    static final String MODEL = """
            model m()
              x' = gain - loss
              x = 1
              gain := a*b
              loss := 2*x0
              var a = 1
              b = 2
              x0 = 1
              gain.explain = "balance +: gain"
              loss.explain = "balance -: loss"
              a.explain = "gain x: first factor"
              b.explain = "gain x: second factor"
              m.explain_groups = "balance = x, gain = gain"
            end
            """;

    @Test
    void additiveEffectsIntegrateAndMultiplicativeEffectsAreLogRatios() {
        Model model = AntimonyReader.parse(MODEL, "m.ant");
        CompiledModel c = ModelCompiler.compile(model);
        InitialConditions init = InitialConditions.prepare(c, Map.of(), 0);
        // a doubles on [0, 10]: gain goes from 2 to 4, so x grows by 2 per day for 10 days.
        SimulationProblem problem = new SimulationProblem(c, init.state(), init.parameters(), 0, 10,
                SimulationProblem.grid(0, 10, 1), Changes.window(c.layout(), "a", 2, 0, 10, 1), List.of("a"));
        Trajectory tr = Simulator.solve(problem, SolverSettings.DEFAULT);
        Explanation ex = Explainer.explain("s", model, c, problem, tr, new double[] {5, 10});
        assertThat(ex.groups()).extracting(Explanation.Group::name).containsExactly("balance", "gain");
        Explanation.Group balance = ex.groups().get(0);
        Explanation.Effect gain = balance.effects().get(0);
        assertThat(gain.term().symbol()).isEqualTo("gain");
        // Extra gain of 2 per day (trapezoid of a constant: exact).
        assertThat(gain.values()).containsExactly(10.0, 20.0);
        assertThat(balance.actual()[1]).isCloseTo(20.0, within(1e-6));
        Explanation.Group product = ex.groups().get(1);
        assertThat(product.effects().get(0).term().symbol()).isEqualTo("a");
        assertThat(product.effects().get(0).values()[0]).isCloseTo(Math.log(2), within(1e-15));
        assertThat(product.total()[0]).isCloseTo(product.actual()[0], within(1e-12));
    }

    @Test
    void malformedAttributeIsNamed() {
        Model model = AntimonyReader.parse(MODEL.replace("gain x: first factor", "gain times first factor"), "m.ant");
        CompiledModel c = ModelCompiler.compile(model);
        InitialConditions init = InitialConditions.prepare(c, Map.of(), 0);
        SimulationProblem problem = new SimulationProblem(c, init.state(), init.parameters(), 0, 1,
                SimulationProblem.grid(0, 1, 1), List.of(), List.of());
        Trajectory tr = Simulator.solve(problem, SolverSettings.DEFAULT);
        assertThatThrownBy(() -> Explainer.explain("s", model, c, problem, tr, new double[] {1}))
                .hasMessageContaining("explain attribute of 'a'");
    }
}
