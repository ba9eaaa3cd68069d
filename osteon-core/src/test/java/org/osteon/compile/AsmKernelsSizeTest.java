package org.osteon.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.osteon.model.expr.Expr;
import org.osteon.text.AntimonyReader;

/**
 * What the bytecode-size estimates of {@link AsmKernels} exist for, measured on the class files
 * actually written. The size of a method's code is read from its {@code Code} attribute
 * ({@code code_length}, JVM specification sec. 4.7.3) by walking the class file, independently of
 * the generator.
 *
 * <ul>
 * <li>{@code bytes} is an upper bound of the code an expression becomes, in a method with its
 * values in locals and in a chunk with its values in the scratch array (400 seeded random trees
 * over every node kind). Each node kind alone is estimated at most 6 times what it writes: the
 * worst is a one-byte leaf ({@code time}, {@code dload_0}) estimated like an array element (6).
 * Trees of degenerate calls ({@code min(min(0, 0), 0)}) can be over-estimated more, which only
 * splits a routine earlier, so random trees are checked for the bound alone.</li>
 * <li>With any budget, every chunk method fits the budget and every routine that is not split
 * fits it; a routine is split only when it must be; at the default budget every method of a
 * 120-cell chain stays under HotSpot's HugeMethodLimit (8000 bytes), so the JIT compiles it, and
 * the compiler uses that bytecode (no silent interpreter fallback).</li>
 * <li>Repeated cells become loops: the code of a 120-cell chain is not twice that of a
 * 60-cell chain.</li>
 * <li>{@code pushInt} writes the shortest encoding the JVM specification gives (sec. 6.5:
 * iconst_m1..iconst_5, bipush for a byte, sipush for a short, ldc otherwise).</li>
 * </ul>
 */
class AsmKernelsSizeTest {

    /** Code length of every method of a class file, by method name. */
    static Map<String, Integer> codeLengths(byte[] classFile) {
        ClassReader cr = new ClassReader(classFile);
        char[] buf = new char[cr.getMaxStringLength()];
        int off = cr.header + 6; // access_flags, this_class, super_class
        off += 2 + 2 * cr.readUnsignedShort(off); // interfaces
        int fields = cr.readUnsignedShort(off);
        off += 2;
        for (int f = 0; f < fields; f++) {
            off += 6;
            int attributes = cr.readUnsignedShort(off);
            off += 2;
            for (int a = 0; a < attributes; a++) {
                off += 6 + cr.readInt(off + 2);
            }
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        int methods = cr.readUnsignedShort(off);
        off += 2;
        for (int m = 0; m < methods; m++) {
            String name = cr.readUTF8(off + 2, buf);
            off += 6;
            int attributes = cr.readUnsignedShort(off);
            off += 2;
            for (int a = 0; a < attributes; a++) {
                String attribute = cr.readUTF8(off, buf);
                int length = cr.readInt(off + 2);
                if (attribute.equals("Code")) {
                    out.put(name, cr.readInt(off + 6 + 4)); // after max_stack and max_locals
                }
                off += 6 + length;
            }
        }
        return out;
    }

    // ---- expressions: the estimate against the code written --------------------------------

    private static final int N = 300;

    private static FlatSystem wide;

    /** A model with N states, N parameters and N assigned values, so that array indices need iconst, bipush and sipush. */
    private static synchronized FlatSystem wide() {
        if (wide == null) {
            wide = flattenWide();
        }
        return wide;
    }

    private static FlatSystem flattenWide() {
        StringBuilder sb = new StringBuilder("model wide()\n");
        for (int i = 0; i < N; i++) {
            sb.append("  y").append(i).append("' = -q").append(i).append("*a").append(i).append('\n');
            sb.append("  a").append(i).append(" := q").append(i).append("*y").append(i).append('\n');
            sb.append("  y").append(i).append(" = 1; q").append(i).append(" = 0.5\n");
        }
        sb.append("end\n");
        return Flattener.flatten(AntimonyReader.parse(sb.toString(), "wide.ant"), CompileOptions.DEFAULT);
    }

    private static final String[] ONE_ARG = {"exp", "sin", "abs", "floor", "sqr", "log2", "sec", "arcsinh", "factorial", "ln"};
    private static final String[] TWO_ARGS = {"pow", "power", "quotient", "rem", "root", "log"};
    private static final String[] LOGICAL = {"and", "or", "xor"};
    private static final String[] COMPARISONS = {"lt", "leq", "gt", "geq", "eq", "neq"};

    /** A random expression tree over every node kind the generator writes. */
    private static Expr random(Random r, int depth) {
        if (depth == 0 || r.nextInt(4) == 0) {
            return switch (r.nextInt(6)) {
                case 0 -> Expr.sym("y" + index(r));
                case 1 -> Expr.sym("q" + index(r));
                case 2 -> Expr.sym("a" + index(r));
                case 3 -> Expr.sym("time");
                case 4 -> Expr.num(r.nextInt(3) == 0 ? r.nextInt(2) : 0.1 + r.nextDouble());
                default -> Expr.sym("pi");
            };
        }
        int d = depth - 1;
        return switch (r.nextInt(12)) {
            case 0 -> new Expr.Unary(Expr.UnaryOp.NEG, random(r, d));
            case 1 -> new Expr.Unary(Expr.UnaryOp.NOT, random(r, d));
            case 2, 3 -> Expr.bin(Expr.BinaryOp.values()[r.nextInt(Expr.BinaryOp.values().length)], random(r, d), random(r, d));
            case 4 -> Expr.call(ONE_ARG[r.nextInt(ONE_ARG.length)], random(r, d));
            case 5 -> Expr.call(TWO_ARGS[r.nextInt(TWO_ARGS.length)], random(r, d), random(r, d));
            case 6 -> Expr.call(r.nextBoolean() ? "min" : "max", args(r, d, 2 + r.nextInt(3)));
            case 7 -> Expr.call("piecewise", args(r, d, 1 + r.nextInt(5)));
            case 8 -> Expr.call(LOGICAL[r.nextInt(LOGICAL.length)], args(r, d, 1 + r.nextInt(12)));
            case 9 -> Expr.call(COMPARISONS[r.nextInt(COMPARISONS.length)], random(r, d), random(r, d));
            case 10 -> Expr.call("not", random(r, d));
            default -> Expr.call("implies", random(r, d), random(r, d));
        };
    }

    private static int index(Random r) {
        return r.nextBoolean() ? r.nextInt(6) : r.nextInt(N);
    }

    private static Expr[] args(Random r, int depth, int n) {
        Expr[] a = new Expr[n];
        for (int i = 0; i < n; i++) {
            a[i] = random(r, depth);
        }
        return a;
    }

    /**
     * Bytes of code {@code e} becomes when written by {@link BytecodeEmitter} as a value, in a
     * method with assigned values in locals (scratch false) or read from the scratch array (true).
     */
    private static int written(FlatSystem flat, SymbolTable symbols, Expr e, boolean scratch) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return "java/lang/Object";
            }
        };
        cw.visit(Opcodes.V17, Opcodes.ACC_SUPER, "Probe", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "probe", "(D[D[D[D[D[Lorg/osteon/compile/ExternalFunction;)D", null, null);
        mv.visitCode();
        int assigned = flat.assigned().size();
        BytecodeEmitter em;
        if (scratch) {
            em = new BytecodeEmitter(symbols, assigned, List.of(), mv, 2, 3, 4, 5, 6);
            em.scratch = new HashMap<>();
            for (int k = 0; k < assigned; k++) {
                em.scratch.put(k, k);
            }
        } else {
            em = new BytecodeEmitter(symbols, assigned, List.of(), mv, 2, 3, 4, -1, 6);
            for (int k = 0; k < assigned; k++) {
                em.local.put(k, 7 + 2 * k); // as routine() places them: after the arguments, two slots each
            }
        }
        em.num(e);
        mv.visitInsn(Opcodes.DRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return codeLengths(cw.toByteArray()).get("probe") - 1; // without the dreturn
    }

    @ParameterizedTest(name = "values in the scratch array: {0}")
    @ValueSource(booleans = {false, true})
    void theEstimateIsAnUpperBoundOfTheCodeWritten(boolean scratch) {
        FlatSystem flat = wide();
        SymbolTable symbols = new SymbolTable(flat, List.of());
        Random r = new Random(20261207L);
        List<String> bad = new ArrayList<>();
        for (int trial = 0; trial < 400; trial++) {
            Expr e = random(r, 1 + trial % 5);
            long estimate = AsmKernels.bytes(e);
            int actual = written(flat, symbols, e, scratch);
            if (actual > estimate) {
                bad.add(e + ": written " + actual + ", estimated " + estimate);
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void everyNodeKindAloneIsBoundedByItsEstimate() {
        // each kind on large indices (sipush, 3 bytes), where the written code is closest to the estimate
        FlatSystem flat = wide();
        SymbolTable symbols = new SymbolTable(flat, List.of());
        Expr y = Expr.sym("y250");
        Expr q = Expr.sym("q251");
        Expr a = Expr.sym("a252");
        List<Expr> kinds = new ArrayList<>(List.of(y, q, a, Expr.num(2.5), Expr.sym("time"),
                new Expr.Unary(Expr.UnaryOp.NEG, y), new Expr.Unary(Expr.UnaryOp.NOT, y),
                Expr.call("piecewise"), Expr.call("piecewise", y), Expr.call("piecewise", y, q, a),
                Expr.call("min", y, q, a), Expr.call("log", y), Expr.call("log", y, q), Expr.call("root", y, q),
                Expr.call("log2", y), Expr.call("sqr", y), Expr.call("not", y), Expr.call("implies", y, q)));
        for (Expr.BinaryOp op : Expr.BinaryOp.values()) {
            kinds.add(Expr.bin(op, y, q));
        }
        for (String f : LOGICAL) {
            kinds.add(Expr.call(f, y));
            kinds.add(Expr.call(f, y, q, a, y, q, a, y, q, a, y, q, a, y, q, a));
        }
        for (String f : COMPARISONS) {
            kinds.add(Expr.call(f, y, q));
        }
        for (String f : ONE_ARG) {
            kinds.add(Expr.call(f, y));
        }
        for (String f : TWO_ARGS) {
            kinds.add(Expr.call(f, y, q));
        }
        List<String> bad = new ArrayList<>();
        for (boolean scratch : new boolean[] {false, true}) {
            for (Expr e : kinds) {
                long estimate = AsmKernels.bytes(e);
                int actual = written(flat, symbols, e, scratch);
                if (actual > estimate || estimate > 6L * actual) {
                    bad.add(e + (scratch ? " (scratch)" : "") + ": written " + actual + ", estimated " + estimate);
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void aStatementCostsItsExpressionPlusTheStore() {
        // statementBytes adds the store: out[i] = e (aload, index, dastore: at most 6 bytes) or a local (dstore: 2)
        Expr e = Expr.bin(Expr.BinaryOp.ADD, Expr.sym("y250"), Expr.sym("q251"));
        long expression = AsmKernels.bytes(e);
        assertThat(AsmKernels.statementBytes(new AsmKernels.Stmt(-1, 200, e))).isGreaterThanOrEqualTo(expression + 6);
        assertThat(AsmKernels.statementBytes(new AsmKernels.Stmt(7, -1, e))).isGreaterThanOrEqualTo(expression + 6)
                .isLessThanOrEqualTo(expression + 16);
    }

    // ---- routines: where they are split -------------------------------------------------

    private record Generated(Map<String, byte[]> classes, String kernel) {
        /** Code lengths of the methods of the part classes (the chunks), by class and method. */
        List<Integer> chunks() {
            List<Integer> out = new ArrayList<>();
            classes.forEach((name, bytes) -> {
                if (!name.equals(kernel)) {
                    out.addAll(codeLengths(bytes).values());
                }
            });
            return out;
        }

        Map<String, Integer> routines() {
            return codeLengths(classes.get(kernel));
        }

        long total() {
            long n = 0;
            for (byte[] b : classes.values()) {
                for (int len : codeLengths(b).values()) {
                    n += len;
                }
            }
            return n;
        }
    }

    private static Generated generate(int cells, int methodBytes, int poolBudget) {
        FlatSystem flat = Flattener.flatten(AntimonyReader.parse(AsmKernelsTest.chain(cells), "chain.ant"), CompileOptions.DEFAULT);
        JacobianPlan plan = new JacobianPlan(flat);
        SymbolTable symbols = new SymbolTable(flat, plan.tempNames());
        Map<String, byte[]> classes = AsmKernels.classes(flat, plan, symbols, List.of(), methodBytes, poolBudget);
        assertThat(classes).isNotNull();
        return new Generated(classes, classes.keySet().iterator().next());
    }

    @ParameterizedTest(name = "{0} cells, method budget {1} bytes, pool budget {2}")
    @CsvSource({"40, 400, 120", "40, 900, 40000", "3, 300, 60", "200, 2000, 500", "120, 6000, 40000"})
    void everyChunkAndEveryUnsplitRoutineFitsTheMethodBudget(int cells, int methodBytes, int poolBudget) {
        Generated g = generate(cells, methodBytes, poolBudget);
        assertThat(g.chunks()).as("chunks").isNotEmpty().allSatisfy(len -> assertThat(len).isLessThanOrEqualTo(methodBytes));
        // routines that call no chunk hold their whole body; those that do are a list of calls, 20 bytes each at most
        g.routines().forEach((name, len) -> assertThat(len).as(name).isLessThanOrEqualTo(Math.max(methodBytes, 20 * g.chunks().size() + 64)));
    }

    @Test
    void aRoutineIsSplitOnlyWhenItMustBe() {
        // 3 cells: rhs about 6 x 70 estimated bytes, far below the default budget: one class, no chunk
        Generated small = generate(3, AsmKernels.METHOD_BYTES, AsmKernels.POOL_BUDGET);
        assertThat(small.classes()).hasSize(1);
        // chunks are filled: two neighbouring chunks together exceed the budget by the estimate, so their code is
        // more than budget / 8 (the estimate's factor); on average a chunk holds more than budget / 16 of code
        int budget = 900;
        Generated g = generate(40, budget, AsmKernels.POOL_BUDGET);
        List<Integer> chunks = g.chunks();
        long code = chunks.stream().mapToLong(Integer::longValue).sum();
        assertThat(chunks.size()).isGreaterThan(1).isLessThanOrEqualTo((int) (code / (budget / 16.0)) + 1);
    }

    @Test
    void aLargeChainKeepsEveryMethodUnderTheJitLimitAndRepeatedCellsBecomeLoops() {
        Generated g100 = generate(60, AsmKernels.METHOD_BYTES, AsmKernels.POOL_BUDGET);
        Generated g200 = generate(120, AsmKernels.METHOD_BYTES, AsmKernels.POOL_BUDGET);
        for (Generated g : List.of(g100, g200)) {
            for (byte[] b : g.classes().values()) {
                codeLengths(b).forEach((name, len) -> assertThat(len).as(name).isLessThanOrEqualTo(8000));
            }
        }
        // straight-line code would be twice as long; loops over the repeated cells make it nearly constant
        assertThat((double) g200.total()).isLessThan(1.5 * g100.total());
        // and the kernel ModelCompiler makes for the 120-cell chain (routines far over the budget) is that bytecode
        CompiledModel m = ModelCompiler.compile(AntimonyReader.parse(AsmKernelsTest.chain(120), "chain.ant"));
        assertThat(((TextModel) m).kernel().getClass().getName()).startsWith("OsteonAsmKernel");
    }

    @Test
    void pushIntUsesTheShortestEncoding() {
        int[] values = {-32769, -32768, -129, -128, -2, -1, 0, 5, 6, 127, 128, 32767, 32768};
        String[] expected = {"ldc", "sipush", "sipush", "bipush", "bipush", "iconst", "iconst", "iconst", "bipush",
                "bipush", "sipush", "sipush", "ldc"};
        for (int k = 0; k < values.length; k++) {
            List<String> seen = new ArrayList<>();
            List<Object> operands = new ArrayList<>();
            MethodVisitor recorder = new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitInsn(int opcode) {
                    seen.add(opcode >= Opcodes.ICONST_M1 && opcode <= Opcodes.ICONST_5 ? "iconst" : "insn" + opcode);
                    operands.add(opcode - Opcodes.ICONST_0);
                }

                @Override
                public void visitIntInsn(int opcode, int operand) {
                    seen.add(opcode == Opcodes.BIPUSH ? "bipush" : opcode == Opcodes.SIPUSH ? "sipush" : "int" + opcode);
                    operands.add(operand);
                }

                @Override
                public void visitLdcInsn(Object value) {
                    seen.add("ldc");
                    operands.add(value);
                }
            };
            AsmKernels.pushInt(recorder, values[k]);
            assertThat(seen).as("push %d", values[k]).containsExactly(expected[k]);
            assertThat(operands).as("push %d", values[k]).containsExactly(values[k]);
        }
    }
}
