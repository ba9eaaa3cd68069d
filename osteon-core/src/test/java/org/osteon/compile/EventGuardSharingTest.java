package org.osteon.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.osteon.model.expr.Expr;
import org.osteon.text.AntimonyReader;

/**
 * What a compiled event tells the driver so that it evaluates each guard once per point
 * ({@link CompiledEvent#guardKey}, {@link CompiledEvent#triggerComparison}), read off the model text
 * by hand; and that a trigger taken from its guard's sign agrees with the trigger itself at seeded
 * random points, at the threshold exactly, and one ulp either side of it.
 */
class EventGuardSharingTest {
    private static final String MODEL = """
            x' = 1; x = 0; z' = -z; z = 2; var f = 0; c = 1.25
            Gt: at x > c: f = 1
            Ge: at x >= c: f = 2
            Lt: at x < c: f = 3
            Le: at x <= c: f = 4
            Mixed: at x > c && z < 1: f = 5
            Other: at z > c: f = 6
            """;

    private static CompiledModel compile() {
        return ModelCompiler.compile(AntimonyReader.parse("model m()\n" + MODEL + "\nend\n", "m.ant"));
    }

    private static CompiledEvent event(CompiledModel m, String id) {
        return m.events().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void equalGuardsShareAKeyAndOnlySingleComparisonsReportTheirOperator() {
        CompiledModel m = compile();
        int key = event(m, "Gt").guardKey(0);
        for (String id : List.of("Ge", "Lt", "Le")) {
            assertThat(event(m, id).guardKey(0)).as(id).isEqualTo(key);
        }
        CompiledEvent mixed = event(m, "Mixed");
        assertThat(mixed.guardCount()).isEqualTo(2);
        assertThat(mixed.guardKey(0)).as("x - c in Mixed").isEqualTo(key);
        assertThat(mixed.guardKey(1)).as("z - 1").isNotEqualTo(key);
        assertThat(event(m, "Other").guardKey(0)).as("z - c").isNotIn(key, mixed.guardKey(1));
        int total = m.events().stream().mapToInt(CompiledEvent::guardCount).sum();
        for (CompiledEvent e : m.events()) {
            for (int k = 0; k < e.guardCount(); k++) {
                assertThat(e.guardKey(k)).isBetween(0, total - 1);
            }
        }
        assertThat(event(m, "Gt").triggerComparison()).isEqualTo(Expr.BinaryOp.GT);
        assertThat(event(m, "Ge").triggerComparison()).isEqualTo(Expr.BinaryOp.GE);
        assertThat(event(m, "Lt").triggerComparison()).isEqualTo(Expr.BinaryOp.LT);
        assertThat(event(m, "Le").triggerComparison()).isEqualTo(Expr.BinaryOp.LE);
        assertThat(mixed.triggerComparison()).isNull();
    }

    @Test
    void theTriggerTakenFromTheGuardAgreesWithTheTrigger() {
        CompiledModel m = compile();
        double[] p = m.defaultParameters();
        int xi = m.layout().stateIndex("x");
        SplittableRandom random = new SplittableRandom(20261207L);
        double c = 1.25;
        double[] xs = new double[203];
        xs[0] = c;
        xs[1] = Math.nextUp(c);
        xs[2] = Math.nextDown(c);
        for (int i = 3; i < xs.length; i++) {
            xs[i] = c + random.nextDouble(-1, 1) * Math.pow(10, -random.nextInt(17));
        }
        for (String id : List.of("Gt", "Ge", "Lt", "Le")) {
            CompiledEvent e = event(m, id);
            for (double x : xs) {
                double[] y = new double[m.layout().stateCount()];
                y[xi] = x;
                double g = e.guard(0, 0, y, p);
                boolean fromGuard = switch (e.triggerComparison()) {
                    case GT -> g > 0;
                    case GE -> g >= 0;
                    case LT -> g < 0;
                    case LE -> g <= 0;
                    default -> throw new AssertionError();
                };
                assertThat(fromGuard).as("%s at x = %s", id, x).isEqualTo(e.trigger(0, y, p));
            }
        }
    }
}
