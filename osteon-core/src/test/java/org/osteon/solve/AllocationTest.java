package org.osteon.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The step loops allocate nothing: the bytes allocated by the calling thread (HotSpot's
 * per-thread allocation counter) for a long integration exceed those of a short one of the same
 * problem by less than 64 bytes per extra step, whereas one array per step would cost at least
 * 16 + 8n bytes. The listener interpolates at every step, so the dense output is covered too.
 */
class AllocationTest {

    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "dop853", "rodas5p", "bdf", "auto"})
    void stepLoopDoesNotAllocate(String method) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        Integrator integrator = Integrators.byName(method);
        OdeFunction f = TestProblems.rotation();
        double[] out = new double[2];
        StepListener listener = step -> {
            step.interpolate(0.5 * (step.startTime() + step.endTime()), out);
            return true;
        };
        long tid = Thread.currentThread().getId();
        long[] bytes = new long[2];
        long[] steps = new long[2];
        double[] ends = {1, 200};
        for (int warm = 0; warm < 3; warm++) { // the last round is measured, after JIT compilation
            for (int k = 0; k < 2; k++) {
                IntegrationContext ctx = Measure.context(2, 1e-9, 1e-9);
                long before = threads.getThreadAllocatedBytes(tid);
                integrator.integrate(f, 0, TestProblems.ROT_Y0, ends[k], listener, ctx);
                bytes[k] = threads.getThreadAllocatedBytes(tid) - before;
                steps[k] = ctx.statistics().acceptedSteps + ctx.statistics().rejectedSteps;
            }
        }
        double perStep = (double) (bytes[1] - bytes[0]) / (steps[1] - steps[0]);
        Measure.report("allocation " + method + ": " + bytes[0] + " B for " + steps[0] + " steps, " + bytes[1] + " B for "
                + steps[1] + " steps: " + String.format("%.3f", perStep) + " B per extra step");
        assertThat(steps[1]).isGreaterThan(steps[0] + 500);
        assertThat(perStep).isLessThan(64);
    }
}
