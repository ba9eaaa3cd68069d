package org.osteon.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.osteon.model.Model;
import org.osteon.text.AntimonyReader;

/**
 * The ASM kernel keeps the values of costly parameter-only terms between calls
 * ({@link ParameterOnlyTerms}) and computes terms repeated within a routine once
 * ({@link RepeatedTerms}). Neither may change a number: every routine must give, bit for bit, what
 * the same kernel without them gives, and follow every change of a parameter from one call to the
 * next, on every thread. Expected values come from the formulas written out in Java here, or from
 * the kernel generated with hoisting off.
 */
class KeptTermsTest {
    /**
     * Parameter-only costly terms: {@code K^g} (in the rate, in h and inside w's piecewise, one
     * term) and {@code exp(-a*b)} in the rate; and in the Jacobian entry d(x')/dx, where the
     * derivative of {@code kd*x*exp(-a*b)} is {@code kd*exp(-a*b)}, that whole product, which is
     * the maximal parameter-only term there. {@code c*2} and {@code a/b} are cheap and stay in place.
     */
    private static final String HILL = """
            model m()
              x' = v*x^g/(x^g + K^g) - kd*x*exp(-a*b) + c*2
              x = 2
              v = 1.5; g = 1.7; K = 3; kd = 0.1; a = 0.3; b = 2; c = 0.25
              h := K^g + x
              w := piecewise(K^g, x > 1, a/b)
            end
            """;

    private record Compiled(FlatSystem flat, JacobianPlan plan, SymbolTable symbols) {
        static Compiled of(Model model) {
            FlatSystem flat = Flattener.flatten(model, CompileOptions.DEFAULT);
            JacobianPlan plan = new JacobianPlan(flat);
            return new Compiled(flat, plan, new SymbolTable(flat, plan.tempNames()));
        }

        Kernel kernel(boolean hoist) {
            return kernel(hoist, AsmKernels.METHOD_BYTES);
        }

        /** With a small method budget, routines are cut into chunk methods in part classes. */
        Kernel kernel(boolean hoist, int methodBytes) {
            return AsmKernels.compile(flat, plan, symbols, List.of(), new ExternalFunction[0], methodBytes,
                    AsmKernels.POOL_BUDGET, hoist);
        }

        int parameter(String name) {
            SymbolTable.Slot slot = symbols.resolve(name);
            assertThat(slot.where()).isEqualTo(SymbolTable.Where.PARAMETER);
            return slot.index();
        }

        int output(String name) {
            for (int i = 0; i < flat.outputs().size(); i++) {
                if (flat.outputs().get(i).id().equals(name)) {
                    return i;
                }
            }
            throw new AssertionError("no output " + name);
        }
    }

    private static Compiled hill() {
        return Compiled.of(AntimonyReader.parse(HILL, "hill.ant"));
    }

    /** The rate of x, written out (KernelSupport.pow is Math.pow for these exponents). */
    private static double rate(double x, double v, double g, double k, double kd, double a, double b, double c) {
        return v * Math.pow(x, g) / (Math.pow(x, g) + Math.pow(k, g)) - kd * x * Math.exp(-(a * b)) + c * 2;
    }

    @Test
    void theHandModelKeepsItsThreeParameterOnlyTermsAndNothingCheap() {
        Compiled m = hill();
        assertThat(AsmKernels.keptTerms(m.flat(), m.plan(), m.symbols(), List.of())).isEqualTo(3);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyParameterChangeBetweenCallsIsFollowed(long seed) {
        Compiled m = hill();
        Kernel hoisted = m.kernel(true);
        Kernel plain = m.kernel(false);
        String[] names = {"v", "g", "K", "kd", "a", "b", "c"};
        double[] p = new double[m.flat().parameters().size()];
        double[] values = {1.5, 1.7, 3, 0.1, 0.3, 2, 0.25};
        for (int i = 0; i < names.length; i++) {
            p[m.parameter(names[i])] = values[i];
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] unusual = {0.0, -0.0, Double.NaN, 1.0, 2.0, 0.5, Double.POSITIVE_INFINITY};
        double[] dy = new double[1];
        double[] dyPlain = new double[1];
        double[] out = new double[m.flat().outputs().size()];
        double[] outPlain = new double[out.length];
        for (int call = 0; call < 400; call++) {
            if (random.nextInt(3) > 0) {
                int which = random.nextInt(names.length);
                values[which] = random.nextInt(8) == 0 ? unusual[random.nextInt(unusual.length)] : random.nextDouble(0.05, 5);
                p[m.parameter(names[which])] = values[which];
            }
            double x = random.nextDouble(0.01, 4);
            double[] y = {x};
            hoisted.rhs(0, y, p, dy);
            plain.rhs(0, y, p, dyPlain);
            assertThat(Double.doubleToLongBits(dy[0])).as("call %d", call).isEqualTo(Double.doubleToLongBits(dyPlain[0]));
            double expected = rate(x, values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
            if (Double.isNaN(expected)) {
                assertThat(dy[0]).isNaN();
            } else if (values[1] != 2 && values[1] != 1 && values[1] != 0.5) {
                assertThat(dy[0]).as("call %d", call).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-13 * Math.max(1, Math.abs(expected))));
            }
            hoisted.outputs(0, y, p, out);
            plain.outputs(0, y, p, outPlain);
            for (int i = 0; i < out.length; i++) {
                assertThat(Double.doubleToLongBits(out[i])).as("output %d, call %d", i, call)
                        .isEqualTo(Double.doubleToLongBits(outPlain[i]));
            }
            double h = out[m.output("h")];
            double kg = Math.pow(values[2], values[1]);
            if (!Double.isNaN(kg) && values[1] != 2 && values[1] != 1 && values[1] != 0.5) {
                assertThat(h).isEqualTo(kg + x);
            }
        }
    }

    @Test
    void oneKernelServesThreadsWithDifferentParametersAtOnce() throws Exception {
        Compiled m = hill();
        Kernel hoisted = m.kernel(true);
        int kSlot = m.parameter("K");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                double k = 1 + thread;
                done.add(pool.submit(() -> {
                    double[] p = new double[m.flat().parameters().size()];
                    String[] names = {"v", "g", "K", "kd", "a", "b", "c"};
                    double[] values = {1.5, 1.7, k, 0.1, 0.3, 2, 0.25};
                    for (int i = 0; i < names.length; i++) {
                        p[m.parameter(names[i])] = values[i];
                    }
                    double[] dy = new double[1];
                    int wrong = 0;
                    for (int call = 0; call < 20_000; call++) {
                        double x = 0.5 + (call % 7) * 0.25;
                        // every other call this thread switches K and back, as an event would
                        p[kSlot] = call % 2 == 0 ? k : k + 0.5;
                        hoisted.rhs(0, new double[] {x}, p, dy);
                        double expected = rate(x, 1.5, 1.7, p[kSlot], 0.1, 0.3, 2, 0.25);
                        if (Math.abs(dy[0] - expected) > 1e-13 * Math.max(1, Math.abs(expected))) {
                            wrong++;
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get()).as("calls with a value from another thread's or an earlier K").isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * x^g occurs twice outside and once inside a piecewise branch that runs only for x > 1: the
     * value must not be taken from the branch, which at x = 0.5 never ran (4 * 0.5^1.7, by hand).
     */
    @Test
    void aTermRepeatedAroundAPiecewiseBranchIsRightWhetherTheBranchRunsOrNot() {
        Compiled m = Compiled.of(AntimonyReader.parse("""
                model m()
                  x' = piecewise(x^g, x > 1, 0) + x^g + 3*x^g
                  x = 0.5; g = 1.7
                end
                """, "r.ant"));
        Kernel k = m.kernel(true);
        double[] p = new double[m.flat().parameters().size()];
        p[m.parameter("g")] = 1.7;
        double[] dy = new double[1];
        k.rhs(0, new double[] {0.5}, p, dy);
        assertThat(dy[0]).isCloseTo(4 * Math.pow(0.5, 1.7), org.assertj.core.data.Offset.offset(1e-15));
        k.rhs(0, new double[] {2}, p, dy);
        assertThat(dy[0]).isCloseTo(5 * Math.pow(2, 1.7), org.assertj.core.data.Offset.offset(1e-14));
    }

    /**
     * Forty units of one shape, each with its own parameter-only power {@code K_i^g_i} and a power
     * {@code x_i^g_i} written twice: with small method budgets the generator rerolls them into a
     * loop, whose one block serves every unit, so it must not read unit 1's kept value (or a value
     * stored in the previous iteration) for the others. Each unit's rate is written out here.
     */
    @ParameterizedTest(name = "method budget {0} bytes")
    @ValueSource(ints = {300, 2000, AsmKernels.METHOD_BYTES})
    void unitsRerolledIntoALoopKeepTheirOwnTerms(int methodBytes) {
        int units = 40;
        StringBuilder text = new StringBuilder("model units()\n");
        for (int i = 1; i <= units; i++) {
            text.append("  x").append(i).append("' = x").append(i).append("^g").append(i).append("/(x").append(i).append("^g")
                    .append(i).append(" + K").append(i).append("^g").append(i).append(") - 0.1*x").append(i).append('\n');
            text.append("  x").append(i).append(" = ").append(1 + 0.01 * i).append("; g").append(i).append(" = ")
                    .append(1.1 + 0.02 * i).append("; K").append(i).append(" = ").append(0.5 + 0.05 * i).append('\n');
        }
        text.append("end\n");
        Compiled m = Compiled.of(AntimonyReader.parse(text.toString(), "units.ant"));
        Kernel hoisted = m.kernel(true, methodBytes);
        Kernel plain = m.kernel(false, methodBytes);
        double[] p = new double[m.flat().parameters().size()];
        double[] y = new double[units];
        for (int i = 1; i <= units; i++) {
            p[m.parameter("g" + i)] = 1.1 + 0.02 * i;
            p[m.parameter("K" + i)] = 0.5 + 0.05 * i;
            y[i - 1] = 1 + 0.01 * i;
        }
        double[] dy = new double[units];
        double[] dyPlain = new double[units];
        for (int round = 0; round < 3; round++) {
            hoisted.rhs(0, y, p, dy);
            plain.rhs(0, y, p, dyPlain);
            for (int i = 1; i <= units; i++) {
                double g = p[m.parameter("g" + i)];
                double xg = Math.pow(y[i - 1], g);
                double expected = xg / (xg + Math.pow(p[m.parameter("K" + i)], g)) - 0.1 * y[i - 1];
                assertThat(dy[i - 1]).as("unit %d, round %d", i, round).isCloseTo(expected,
                        org.assertj.core.data.Offset.offset(1e-15));
                assertThat(Double.doubleToLongBits(dy[i - 1])).isEqualTo(Double.doubleToLongBits(dyPlain[i - 1]));
            }
            p[m.parameter("K" + (7 + round))] *= 1.5; // a change the kept values must follow
        }
        double[] jac = new double[m.plan().entries.size()];
        double[] jacPlain = new double[jac.length];
        hoisted.jacobian(0, y, p, jac);
        plain.jacobian(0, y, p, jacPlain);
        for (int k = 0; k < jac.length; k++) {
            assertThat(Double.doubleToLongBits(jac[k])).as("Jacobian entry %d", k).isEqualTo(Double.doubleToLongBits(jacPlain[k]));
        }
    }

    static Stream<Path> bioModels() throws Exception {
        Path dir = Path.of(KeptTermsTest.class.getResource("/text/biomodels").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().startsWith("BIOMD")).sorted().toList().stream();
        }
    }

    /** Each model of the sample with the default method budget and with 300 bytes. */
    static Stream<org.junit.jupiter.params.provider.Arguments> bioModelsWhole() throws Exception {
        return bioModels().flatMap(f -> Stream.of(org.junit.jupiter.params.provider.Arguments.of(f, AsmKernels.METHOD_BYTES),
                org.junit.jupiter.params.provider.Arguments.of(f, 300)));
    }

    /**
     * Real models (the BioModels sample): every routine of the kernel with kept and shared terms
     * gives the numbers of the kernel without them, bit for bit, while parameters and states change
     * between calls (seeded; each parameter scaled by 0.5-2 or set to 0); with routines in one
     * method and, with a 300-byte budget, cut into chunk methods (where rerolled loops must neither
     * read kept terms nor share values across iterations).
     */
    @ParameterizedTest(name = "{0}, method budget {1}")
    @MethodSource("bioModelsWhole")
    void bioModelsGiveTheSameNumbersBitForBit(Path file, int methodBytes) throws Exception {
        Model model = AntimonyReader.readWithWarnings(file).model();
        Compiled m = Compiled.of(model);
        if (!m.flat().externals().isEmpty()) {
            return; // hoisting is off for models with external functions
        }
        Kernel hoisted = m.kernel(true, methodBytes);
        Kernel plain = m.kernel(false, methodBytes);
        if (hoisted == null) {
            assertThat(plain).isNull(); // a function the generator does not know: both fall back alike
            return;
        }
        CompiledModel compiled = ModelCompiler.compile(model);
        double[] y0 = compiled.defaultState();
        double[] p = compiled.defaultParameters();
        compiled.initialize(0, y0, p, new boolean[y0.length], new boolean[p.length]);
        SplittableRandom random = new SplittableRandom(file.getFileName().toString().hashCode());
        int n = m.flat().states().size();
        int guards = m.flat().events().stream().mapToInt(e -> e.guards().size()).sum();
        for (int call = 0; call < 60; call++) {
            if (p.length > 0) {
                int i = random.nextInt(m.flat().parameters().size() == 0 ? 1 : m.flat().parameters().size());
                p[i] = random.nextInt(10) == 0 ? 0 : p[i] * random.nextDouble(0.5, 2);
            }
            double[] y = new double[Math.max(1, n)];
            for (int i = 0; i < n; i++) {
                y[i] = (Double.isNaN(y0[i]) ? 1 : y0[i]) * random.nextDouble(0.5, 2);
            }
            double t = random.nextDouble(0, 100);
            sameBits(n, (k, out) -> k.rhs(t, y, p, out), hoisted, plain, "rhs", call);
            sameBits(m.plan().entries.size(), (k, out) -> k.jacobian(t, y, p, out), hoisted, plain, "jacobian", call);
            sameBits(m.flat().outputs().size(), (k, out) -> k.outputs(t, y, p, out), hoisted, plain, "outputs", call);
            for (int g = 0; g < guards; g++) {
                int gg = g;
                sameBits(1, (k, out) -> out[0] = k.guard(gg, t, y, p), hoisted, plain, "guard " + g, call);
            }
            for (int e = 0; e < m.flat().events().size(); e++) {
                assertThat(hoisted.trigger(e, t, y, p)).isEqualTo(plain.trigger(e, t, y, p));
            }
        }
    }

    @Test
    void theBioModelsSampleHasKeptTermsToTest() throws Exception {
        int withTerms = 0;
        for (Path file : bioModels().toList()) {
            Compiled m = Compiled.of(AntimonyReader.readWithWarnings(file).model());
            if (m.flat().externals().isEmpty() && AsmKernels.keptTerms(m.flat(), m.plan(), m.symbols(), List.of()) > 0) {
                withTerms++;
            }
        }
        assertThat(withTerms).as("models of the sample with kept terms").isGreaterThanOrEqualTo(3);
    }

    private interface Routine {
        void run(Kernel k, double[] out);
    }

    private static void sameBits(int size, Routine routine, Kernel hoisted, Kernel plain, String what, int call) {
        double[] a = new double[Math.max(1, size)];
        double[] b = new double[a.length];
        routine.run(hoisted, a);
        routine.run(plain, b);
        for (int i = 0; i < a.length; i++) {
            assertThat(Double.doubleToLongBits(a[i])).as("%s[%d], call %d: %s vs %s", what, i, call, a[i], b[i])
                    .isEqualTo(Double.doubleToLongBits(b[i]));
        }
    }
}
