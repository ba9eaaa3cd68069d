package org.osteon.compile;

import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ACONST_NULL;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ARETURN;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.BIPUSH;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DCMPL;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DCONST_1;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DRETURN;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.LCMP;
import static org.objectweb.asm.Opcodes.NEW;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.PUTSTATIC;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.SIPUSH;
import static org.objectweb.asm.Opcodes.V17;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.osteon.model.expr.Expr;
import org.osteon.model.expr.Exprs;

/**
 * Compiles a flat system's kernel straight to JVM bytecode with ASM, in time and memory linear in
 * the model's size. Replaces generating Java source for Janino: Janino parses and compiles about
 * 6 KB of source per Pivonka BMU and took tens of seconds for a 300-unit chain; here each
 * expression node becomes a few instructions directly.
 *
 * <p>Size limits. HotSpot does not JIT-compile methods over 8000 bytes of bytecode, a method may
 * not exceed 64 KB, and a class's constant pool 65535 entries. A routine (rhs, jacobian, outputs,
 * one trigger or guard) whose estimated code fits {@value #METHOD_BYTES} bytes becomes one
 * method with its assigned values in JVM locals. A larger one keeps its values in a per-thread
 * scratch array and is cut into static chunk methods of at most that size, spread over as many
 * part classes as their constants need ({@value #POOL_BUDGET} pool entries each); the routine
 * calls them in order.
 *
 * <p>The semantics are those of {@link JavaSourceGenerator} (which remains for {@link
 * ModelCompiler#generatedSource} and for functions not handled here): doubles, comparisons false
 * on NaN, truth values 1 and 0, {@code piecewise} without a matching branch NaN.
 */
final class AsmKernels {
    /** Estimated bytecode bytes per generated method; HotSpot's HugeMethodLimit is 8000. */
    static final int METHOD_BYTES = 6000;
    /** Constant-pool entries a part class may use for constants (the class-file limit is 65535). */
    static final int POOL_BUDGET = 40000;

    private static final AtomicLong COUNTER = new AtomicLong();
    private static final String KERNEL = "org/osteon/compile/Kernel";
    private static final String SELECTION = "org/osteon/compile/OutputSelection";
    static final String SUPPORT = "org/osteon/compile/KernelSupport";
    static final String EXTERNAL = "org/osteon/compile/ExternalFunction";
    private static final String EXT_ARRAY = "[L" + EXTERNAL + ";";
    /** Routine signature: (t, y, p, out, ext). */
    private static final String ROUTINE_ARGS = "(D[D[D[D" + EXT_ARRAY + ")";
    /** Chunk signature: (t, y, p, out, s, ext). */
    private static final String CHUNK = "(D[D[D[D[D" + EXT_ARRAY + ")V";
    private static final Set<String> UNARY = Set.of("abs", "exp", "ln", "log10", "log2", "sqrt", "sqr", "sin", "cos", "tan",
            "asin", "acos", "atan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "floor", "ceil", "ceiling", "sign");
    /** One-argument functions implemented in {@link KernelSupport}, by the name of their method there. */
    static final Map<String, String> SUPPORT_UNARY = Map.ofEntries(
            Map.entry("asinh", "arcsinh"), Map.entry("acosh", "arccosh"), Map.entry("atanh", "arctanh"),
            Map.entry("sec", "sec"), Map.entry("csc", "csc"), Map.entry("cot", "cot"), Map.entry("sech", "sech"),
            Map.entry("csch", "csch"), Map.entry("coth", "coth"), Map.entry("arcsec", "arcsec"), Map.entry("arccsc", "arccsc"),
            Map.entry("arccot", "arccot"), Map.entry("arcsinh", "arcsinh"), Map.entry("arccosh", "arccosh"),
            Map.entry("arctanh", "arctanh"), Map.entry("arcsech", "arcsech"), Map.entry("arccsch", "arccsch"),
            Map.entry("arccoth", "arccoth"), Map.entry("factorial", "factorial"));

    private final FlatSystem flat;
    private final JacobianPlan plan;
    private final SymbolTable symbols;
    private final List<String> externalNames;
    private final String className;
    private final Map<String, byte[]> classes = new LinkedHashMap<>();
    private final int assignedCount;
    private ClassWriter part;
    private String partName;
    private int partPool;
    private final Set<Long> partDoubles = new HashSet<>();
    private final Set<Integer> partInts = new HashSet<>();
    private int partCount;
    private int chunkCount;
    /** The budgets actually used (the constants, or smaller ones in tests to exercise chunks and part classes). */
    private final int methodBytes;
    private final int poolBudget;
    /**
     * The parameter-only terms whose values the class keeps between calls (see {@link ParameterOnlyTerms}),
     * or null: none, or hoisting is off (a model with external functions, which could call back into
     * the kernel with other parameters in the middle of a routine).
     */
    private final ParameterOnlyTerms terms;
    /** Whether the chunks of the routine being written read kept terms (not those of {@code hoist$}). */
    private boolean chunksReadKept;

    private AsmKernels(FlatSystem flat, JacobianPlan plan, SymbolTable symbols, List<String> externalNames,
                       int methodBytes, int poolBudget, boolean hoist) {
        this.terms = hoist && externalNames.isEmpty()
                ? new ParameterOnlyTerms(symbols, flat.parameters().size(), externalNames) : null;
        this.methodBytes = methodBytes;
        this.poolBudget = poolBudget;
        this.flat = flat;
        this.plan = plan;
        this.symbols = symbols;
        this.externalNames = externalNames;
        this.className = "OsteonAsmKernel" + COUNTER.incrementAndGet();
        this.assignedCount = flat.assigned().size();
    }

    /** The kernel, or null when the model uses a function this generator does not know (the caller then uses Janino). */
    static Kernel compile(FlatSystem flat, JacobianPlan plan, SymbolTable symbols, List<String> externalNames,
                          ExternalFunction[] externals) {
        return compile(flat, plan, symbols, externalNames, externals, METHOD_BYTES, POOL_BUDGET);
    }

    /** With other size budgets (tests use small ones to exercise chunks, loops and part classes on small models). */
    static Kernel compile(FlatSystem flat, JacobianPlan plan, SymbolTable symbols, List<String> externalNames,
                          ExternalFunction[] externals, int methodBytes, int poolBudget) {
        return compile(flat, plan, symbols, externalNames, externals, methodBytes, poolBudget, true);
    }

    /** With hoisting of parameter-only terms on or off (tests compare the two bit for bit). */
    static Kernel compile(FlatSystem flat, JacobianPlan plan, SymbolTable symbols, List<String> externalNames,
                          ExternalFunction[] externals, int methodBytes, int poolBudget, boolean hoist) {
        Map<String, byte[]> classes = classes(flat, plan, symbols, externalNames, methodBytes, poolBudget, hoist);
        if (classes == null) {
            return null;
        }
        return (Kernel) load(flat, classes, externals);
    }

    /**
     * A class computing the outputs at {@code indices} (of {@code flat.outputs()}) and only the
     * assigned values they depend on, with the statements of the kernel's outputs routine: the
     * same numbers, bit for bit. Built on first use of a selection ({@link OutputSelections});
     * only for models whose kernel this generator wrote (every function supported).
     */
    static OutputSelection outputSelection(FlatSystem flat, JacobianPlan plan, SymbolTable symbols, List<String> externalNames,
                                           ExternalFunction[] externals, int[] indices) {
        return outputSelection(flat, plan, symbols, externalNames, externals, indices, METHOD_BYTES, POOL_BUDGET);
    }

    /** With other size budgets (tests exercise the chunked form on small models). */
    static OutputSelection outputSelection(FlatSystem flat, JacobianPlan plan, SymbolTable symbols, List<String> externalNames,
                                           ExternalFunction[] externals, int[] indices, int methodBytes, int poolBudget) {
        AsmKernels gen = new AsmKernels(flat, plan, symbols, externalNames, methodBytes, poolBudget, true);
        gen.generateOutputSelection(indices);
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(gen.className, gen.classes.get(gen.className));
        out.putAll(gen.classes);
        return (OutputSelection) load(flat, out, externals);
    }

    /** Defines the classes (the main one first) and instantiates the main one with the external functions. */
    private static Object load(FlatSystem flat, Map<String, byte[]> classes, ExternalFunction[] externals) {
        Loader loader = new Loader(Kernel.class.getClassLoader(), classes);
        try {
            Class<?> cls = loader.loadClass(classes.keySet().iterator().next());
            return cls.getConstructor(ExternalFunction[].class).newInstance((Object) externals);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("generated kernel for model '" + flat.modelId() + "' cannot be loaded: " + e, e);
        }
    }

    /**
     * The generated class files by name, the kernel class first, or null when a function is not supported. Tests read
     * them to compare the size estimates with the bytecode actually written.
     */
    static Map<String, byte[]> classes(FlatSystem flat, JacobianPlan plan, SymbolTable symbols, List<String> externalNames,
                                       int methodBytes, int poolBudget) {
        return classes(flat, plan, symbols, externalNames, methodBytes, poolBudget, true);
    }

    static Map<String, byte[]> classes(FlatSystem flat, JacobianPlan plan, SymbolTable symbols, List<String> externalNames,
                                       int methodBytes, int poolBudget, boolean hoist) {
        AsmKernels gen = new AsmKernels(flat, plan, symbols, externalNames, methodBytes, poolBudget, hoist);
        if (!gen.supported()) {
            return null;
        }
        gen.generate();
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(gen.className, gen.classes.get(gen.className));
        out.putAll(gen.classes);
        return out;
    }

    /** Defines the generated classes on demand. */
    private static final class Loader extends ClassLoader {
        private final Map<String, byte[]> classes;

        Loader(ClassLoader parent, Map<String, byte[]> classes) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }
    }

    // ---- which expressions are supported -------------------------------------------------

    private boolean supported() {
        List<Expr> all = new ArrayList<>(flat.derivatives());
        all.addAll(flat.assignedExpressions());
        plan.temps.forEach(t -> all.add(t.expression()));
        plan.entries.forEach(e -> all.add(e.expression()));
        for (FlatSystem.FlatEvent ev : flat.events()) {
            all.add(ev.trigger());
            all.addAll(ev.guards());
        }
        boolean[] ok = {true};
        for (Expr e : all) {
            Exprs.walk(e, node -> {
                if (node instanceof Expr.Call c && !knownCall(c.function())) {
                    ok[0] = false;
                }
            });
        }
        return ok[0];
    }

    private boolean knownCall(String f) {
        int partial = f.indexOf(Differentiator.PARTIAL);
        if (partial > 0) {
            return externalNames.contains(f.substring(0, partial));
        }
        return externalNames.contains(f) || UNARY.contains(f) || SUPPORT_UNARY.containsKey(f)
                || Builtins.BOOLEAN_FUNCTIONS.contains(f)
                || Set.of("piecewise", "min", "max", "log", "root", "pow", "power", "quotient", "rem").contains(f);
    }

    // ---- routines -----------------------------------------------------------------------

    /** A value statement ({@code key} >= 0: assigned k, or assignedCount + temp m) or an output write ({@code out} >= 0). */
    record Stmt(int key, int out, Expr expr) {
    }

    private void generate() {
        ClassWriter main = writer();
        main.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, className, null, "java/lang/Object", new String[] {KERNEL});
        main.visitField(ACC_PRIVATE | ACC_FINAL, "ext", EXT_ARRAY, null, null).visitEnd();
        main.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, "SCRATCH", "Ljava/lang/ThreadLocal;", null, null).visitEnd();
        constructor(main);
        // rhs
        List<Stmt> rhs = valueStatements(flat.derivatives());
        for (int i = 0; i < flat.derivatives().size(); i++) {
            rhs.add(new Stmt(-1, i, flat.derivatives().get(i)));
        }
        // jacobian: assigned values it needs, the derivative temporaries, then the entries
        List<Expr> used = new ArrayList<>();
        plan.temps.forEach(tmp -> used.add(tmp.expression()));
        plan.entries.forEach(en -> used.add(en.expression()));
        List<Stmt> jac = valueStatements(used);
        for (int m = 0; m < plan.temps.size(); m++) {
            jac.add(new Stmt(assignedCount + m, -1, plan.temps.get(m).expression()));
        }
        for (int k = 0; k < plan.entries.size(); k++) {
            jac.add(new Stmt(-1, k, plan.entries.get(k).expression()));
        }
        // outputs in declaration order
        List<Stmt> outputs = outputStatements(java.util.stream.IntStream.range(0, flat.outputs().size()).toArray());
        List<Expr> triggers = new ArrayList<>();
        List<Expr> guards = new ArrayList<>();
        for (FlatSystem.FlatEvent ev : flat.events()) {
            triggers.add(ev.trigger());
            guards.addAll(ev.guards());
        }
        // every term is found before any routine is written: the routines address kept values by index
        scanTerms(rhs, null);
        scanTerms(jac, null);
        scanTerms(outputs, null);
        List<List<Stmt>> triggerBodies = new ArrayList<>();
        List<List<Stmt>> guardBodies = new ArrayList<>();
        for (Expr trigger : triggers) {
            triggerBodies.add(valueStatements(List.of(trigger)));
            scanTerms(triggerBodies.get(triggerBodies.size() - 1), trigger);
        }
        for (Expr guard : guards) {
            guardBodies.add(valueStatements(List.of(guard)));
            scanTerms(guardBodies.get(guardBodies.size() - 1), guard);
        }
        routine(main, "rhs$", rhs, null, 'V');
        routine(main, "jacobian$", jac, null, 'V');
        routine(main, "outputs$", outputs, null, 'V');
        delegate(main, "rhs", "rhs$");
        delegate(main, "jacobian", "jacobian$");
        delegate(main, "outputs", "outputs$");
        // events
        for (int e = 0; e < triggers.size(); e++) {
            routine(main, "trigger$" + e, triggerBodies.get(e), triggers.get(e), 'Z');
        }
        for (int g = 0; g < guards.size(); g++) {
            routine(main, "guard$" + g, guardBodies.get(g), guards.get(g), 'D');
        }
        dispatch(main, "trigger", "trigger$", triggers.size(), 'Z', "event");
        dispatch(main, "guard", "guard$", guards.size(), 'D', "guard");
        keptValues(main);
        staticInit(main);
        finishPart();
        main.visitEnd();
        classes.put(className, main.toByteArray());
    }

    /**
     * The outputs routine's statements for the outputs at {@code indices}: the assigned values they
     * need in evaluation order, then {@code out[k] = output indices[k]}.
     */
    private List<Stmt> outputStatements(int[] indices) {
        List<Expr> outs = AssignedSlice.outputs(flat, indices);
        List<Stmt> body = valueStatements(outs);
        for (int k = 0; k < outs.size(); k++) {
            body.add(new Stmt(-1, k, outs.get(k)));
        }
        return body;
    }

    /** A class implementing {@link OutputSelection}: {@code evaluate} runs the selection's outputs routine. */
    private void generateOutputSelection(int[] indices) {
        ClassWriter main = writer();
        main.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, className, null, "java/lang/Object", new String[] {SELECTION});
        main.visitField(ACC_PRIVATE | ACC_FINAL, "ext", EXT_ARRAY, null, null).visitEnd();
        main.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, "SCRATCH", "Ljava/lang/ThreadLocal;", null, null).visitEnd();
        constructor(main);
        List<Stmt> body = outputStatements(indices);
        int computed = (int) body.stream().filter(st -> st.key() >= 0).count();
        scanTerms(body, null);
        routine(main, "outputs$", body, null, 'V');
        keptValues(main);
        delegate(main, "evaluate", "outputs$");
        MethodVisitor mv = main.visitMethod(ACC_PUBLIC, "computedValues", "()I", null, null);
        mv.visitCode();
        pushInt(mv, computed);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        staticInit(main);
        finishPart();
        main.visitEnd();
        classes.put(className, main.toByteArray());
    }

    private static ClassWriter writer() {
        return new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return "java/lang/Object"; // only arrays and Object references are ever merged
            }
        };
    }

    private void constructor(ClassWriter cw) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "(" + EXT_ARRAY + ")V", null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitFieldInsn(PUTFIELD, className, "ext", EXT_ARRAY);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private void staticInit(ClassWriter cw) {
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        mv.visitCode();
        mv.visitTypeInsn(NEW, "java/lang/ThreadLocal");
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/ThreadLocal", "<init>", "()V", false);
        mv.visitFieldInsn(PUTSTATIC, className, "SCRATCH", "Ljava/lang/ThreadLocal;");
        if (hoisting()) {
            mv.visitTypeInsn(NEW, "java/lang/ThreadLocal");
            mv.visitInsn(DUP);
            mv.visitMethodInsn(INVOKESPECIAL, "java/lang/ThreadLocal", "<init>", "()V", false);
            mv.visitFieldInsn(PUTSTATIC, className, "KEPT", "Ljava/lang/ThreadLocal;");
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code public void name(t, y, p, out)} calling the static routine with the external functions. */
    private void delegate(ClassWriter cw, String name, String routine) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, name, "(D[D[D[D)V", null, null);
        mv.visitCode();
        mv.visitVarInsn(DLOAD, 1);
        mv.visitVarInsn(ALOAD, 3);
        mv.visitVarInsn(ALOAD, 4);
        mv.visitVarInsn(ALOAD, 5);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, className, "ext", EXT_ARRAY);
        mv.visitMethodInsn(INVOKESTATIC, className, routine, ROUTINE_ARGS + "V", false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code trigger(int, t, y, p)} / {@code guard(int, t, y, p)}: a switch over the per-case routines. */
    private void dispatch(ClassWriter cw, String name, String prefix, int cases, char type, String what) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, name, "(ID[D[D)" + type, null, null);
        mv.visitCode();
        Label fail = new Label();
        if (cases > 0) {
            Label[] labels = new Label[cases];
            for (int i = 0; i < cases; i++) {
                labels[i] = new Label();
            }
            mv.visitVarInsn(ILOAD, 1);
            mv.visitTableSwitchInsn(0, cases - 1, fail, labels);
            for (int i = 0; i < cases; i++) {
                mv.visitLabel(labels[i]);
                mv.visitVarInsn(DLOAD, 2);
                mv.visitVarInsn(ALOAD, 4);
                mv.visitVarInsn(ALOAD, 5);
                mv.visitInsn(ACONST_NULL);
                mv.visitVarInsn(ALOAD, 0);
                mv.visitFieldInsn(GETFIELD, className, "ext", EXT_ARRAY);
                mv.visitMethodInsn(INVOKESTATIC, className, prefix + i, ROUTINE_ARGS + type, false);
                mv.visitInsn(type == 'Z' ? IRETURN : DRETURN);
            }
        }
        mv.visitLabel(fail);
        mv.visitLdcInsn(what);
        mv.visitVarInsn(ILOAD, 1);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "noSuch", "(Ljava/lang/String;I)Ljava/lang/IllegalArgumentException;", false);
        mv.visitInsn(ATHROW);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * A static routine {@code name(t, y, p, out, ext)} running the statements, then returning
     * {@code result} as a truth value ('Z'), a double ('D'), or nothing ('V').
     */
    private void routine(ClassWriter cw, String name, List<Stmt> body, Expr result, char type) {
        routine(cw, name, body, result, type, true);
    }

    /**
     * @param readKept whether the routine reads hoisted terms from the kept values (not the routine
     *                 that computes them); only a routine written as one method does
     */
    private void routine(ClassWriter cw, String name, List<Stmt> body, Expr result, char type, boolean readKept) {
        long size = 0;
        for (Stmt st : body) {
            size += statementBytes(st);
        }
        if (result != null) {
            size += bytes(result);
        }
        MethodVisitor mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, name, ROUTINE_ARGS + type, null, null);
        mv.visitCode();
        BytecodeEmitter em;
        if (size <= methodBytes) {
            // locals after t (0-1), y (2), p (3), out (4), ext (5)
            em = new BytecodeEmitter(symbols, assignedCount, externalNames, mv, 2, 3, 4, -1, 5);
            int slot = 6;
            for (Stmt st : body) {
                if (st.key() >= 0) {
                    em.local.put(st.key(), slot);
                    slot += 2;
                }
            }
            List<Expr> roots = new ArrayList<>();
            body.forEach(st -> roots.add(st.expr()));
            if (result != null) {
                roots.add(result);
            }
            shareTerms(mv, em, roots, slot, readKept);
            body.forEach(em::statement);
        } else {
            Map<Integer, Integer> scratch = new HashMap<>();
            for (Stmt st : body) {
                if (st.key() >= 0) {
                    scratch.put(st.key(), scratch.size());
                }
            }
            // s = KernelSupport.scratch(SCRATCH, size) into local 6
            mv.visitFieldInsn(GETSTATIC, className, "SCRATCH", "Ljava/lang/ThreadLocal;");
            pushInt(mv, Math.max(1, scratch.size()));
            mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "scratch", "(Ljava/lang/ThreadLocal;I)[D", false);
            mv.visitVarInsn(ASTORE, 6);
            List<Unit> chunk = new ArrayList<>();
            long chunkSize = 0;
            chunksReadKept = readKept;
            for (Unit u : units(body, scratch)) {
                if (!chunk.isEmpty() && chunkSize + u.bytes() > methodBytes) {
                    callChunk(mv, chunk, scratch);
                    chunk.clear();
                    chunkSize = 0;
                }
                chunk.add(u);
                chunkSize += u.bytes();
            }
            if (!chunk.isEmpty()) {
                callChunk(mv, chunk, scratch);
            }
            em = new BytecodeEmitter(symbols, assignedCount, externalNames, mv, 2, 3, 4, 6, 5);
            em.scratch = scratch;
        }
        if (type == 'V') {
            mv.visitInsn(RETURN);
        } else if (type == 'Z') {
            em.bool(result);
            mv.visitInsn(IRETURN);
        } else {
            em.num(result);
            mv.visitInsn(DRETURN);
        }
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Writes the chunk as a static method of the current part class and calls it from mv (s in local 6). */
    private void callChunk(MethodVisitor mv, List<Unit> chunk, Map<Integer, Integer> scratch) {
        Set<Long> doubles = new HashSet<>();
        Set<Integer> ints = new HashSet<>();
        for (Unit u : chunk) {
            constants(u, doubles, ints);
        }
        if (part == null || partPool + newEntries(doubles, ints) > poolBudget) {
            finishPart();
            partName = className + "$Part" + partCount++;
            part = writer();
            part.visit(V17, ACC_FINAL | ACC_SUPER, partName, null, "java/lang/Object", null);
            partPool = 0;
            partDoubles.clear();
            partInts.clear();
        }
        partPool += newEntries(doubles, ints);
        partDoubles.addAll(doubles);
        partInts.addAll(ints);
        String name = "c" + chunkCount++;
        MethodVisitor cm = part.visitMethod(ACC_STATIC, name, CHUNK, null, null);
        cm.visitCode();
        // chunk locals: t (0-1), y (2), p (3), out (4), s (5), ext (6), loop counter (7)
        BytecodeEmitter em = new BytecodeEmitter(symbols, assignedCount, externalNames, cm, 2, 3, 4, 5, 6);
        em.scratch = scratch;
        if (chunk.stream().allMatch(u -> u.repeats() == 1)) {
            // Straight statements only: a rerolled loop runs one block for many index sets, so neither a
            // kept term (fixed slots) nor a value stored in one iteration may serve another.
            List<Expr> roots = new ArrayList<>();
            chunk.forEach(u -> u.block().forEach(st -> roots.add(st.expr())));
            shareTerms(cm, em, roots, 8, chunksReadKept); // locals from 8: after t, y, p, out, s, ext and the loop counter
        }
        for (Unit u : chunk) {
            if (u.repeats() == 1) {
                em.statement(u.block().get(0));
                continue;
            }
            Label top = new Label();
            Label end = new Label();
            cm.visitInsn(ICONST_0);
            cm.visitVarInsn(ISTORE, 7);
            cm.visitLabel(top);
            cm.visitVarInsn(ILOAD, 7);
            pushInt(cm, u.repeats());
            cm.visitJumpInsn(IF_ICMPGE, end);
            for (int j = 0; j < u.block().size(); j++) {
                em.loop(u.base()[j], u.stride()[j], 7);
                em.statement(u.block().get(j));
            }
            em.loop(null, null, -1);
            cm.visitIincInsn(7, 1);
            cm.visitJumpInsn(GOTO, top);
            cm.visitLabel(end);
        }
        cm.visitInsn(RETURN);
        cm.visitMaxs(0, 0);
        cm.visitEnd();
        mv.visitVarInsn(DLOAD, 0);
        mv.visitVarInsn(ALOAD, 2);
        mv.visitVarInsn(ALOAD, 3);
        mv.visitVarInsn(ALOAD, 4);
        mv.visitVarInsn(ALOAD, 6);
        mv.visitVarInsn(ALOAD, 5);
        mv.visitMethodInsn(INVOKESTATIC, partName, name, CHUNK, false);
    }

    private int newEntries(Set<Long> doubles, Set<Integer> ints) {
        int n = 8; // method name, descriptor, name-and-type, method ref and slack
        for (long d : doubles) {
            n += partDoubles.contains(d) ? 0 : 2;
        }
        for (int i : ints) {
            n += partInts.contains(i) ? 0 : 1;
        }
        return n;
    }

    private void finishPart() {
        if (part != null) {
            part.visitEnd();
            classes.put(partName, part.toByteArray());
            part = null;
        }
    }

    // ---- kept values of parameter-only terms ------------------------------------------

    private boolean hoisting() {
        return terms != null && !terms.isEmpty();
    }

    /**
     * Sets up a method (p in local 3) whose statements are {@code roots} to read kept terms and to
     * compute repeated terms once: when it uses a kept term and may read them, {@code kept =
     * kept$(p)} into local {@code firstFree}, then the repeated terms' locals after it.
     */
    private void shareTerms(MethodVisitor mv, BytecodeEmitter em, List<Expr> roots, int firstFree, boolean readKept) {
        int local = firstFree;
        if (readKept && hoisting() && roots.stream().anyMatch(terms::uses)) {
            // the terms' values for these parameters, recomputed only when a key slot changed
            mv.visitVarInsn(ALOAD, 3);
            mv.visitMethodInsn(INVOKESTATIC, className, "kept$", "([D)[D", false);
            mv.visitVarInsn(ASTORE, local);
            em.hoisted = terms;
            em.kept = local;
            em.keptOffset = terms.keySlots().length;
            local++;
        }
        Map<Expr, Integer> repeated = RepeatedTerms.in(roots, em.hoisted, externalNames);
        if (!repeated.isEmpty()) {
            em.repeated = repeated;
            em.repeatedBase = local;
        }
    }

    private void scanTerms(List<Stmt> body, Expr result) {
        if (terms == null) {
            return;
        }
        body.forEach(st -> terms.scan(st.expr()));
        if (result != null) {
            terms.scan(result);
        }
    }

    /**
     * {@code static double[] kept$(double[] p)}: this thread's array of K key slots (copies of the
     * parameters the terms read), the H terms' values and a valid flag. When the flag is unset or a
     * key differs from p bit for bit, the keys are copied and {@code hoist$} recomputes every term
     * from p, with the same instructions the routines would have run. Per thread, so one kernel
     * still serves simultaneous runs; compared bit for bit, so NaN keys stay valid and -0.0
     * differs from 0.0 as it may for a power.
     */
    private void keptValues(ClassWriter cw) {
        if (!hoisting()) {
            return;
        }
        int[] keys = terms.keySlots();
        int k = keys.length;
        int h = terms.terms().size();
        cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, "KEPT", "Ljava/lang/ThreadLocal;", null, null).visitEnd();
        List<Stmt> hoist = new ArrayList<>();
        for (int j = 0; j < h; j++) {
            hoist.add(new Stmt(-1, k + j, terms.terms().get(j)));
        }
        routine(cw, "hoist$", hoist, null, 'V', false);
        // package access, not private: the chunk methods of the part classes call it too
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "kept$", "([D)[D", null, null);
        mv.visitCode();
        Label refresh = new Label();
        // locals: p (0), kept (1)
        mv.visitFieldInsn(GETSTATIC, className, "KEPT", "Ljava/lang/ThreadLocal;");
        pushInt(mv, k + h + 1);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "scratch", "(Ljava/lang/ThreadLocal;I)[D", false);
        mv.visitVarInsn(ASTORE, 1);
        mv.visitVarInsn(ALOAD, 1);
        pushInt(mv, k + h);
        mv.visitInsn(DALOAD);
        mv.visitInsn(DCONST_0);
        mv.visitInsn(DCMPL);
        mv.visitJumpInsn(IFEQ, refresh);
        for (int i = 0; i < k; i++) {
            mv.visitVarInsn(ALOAD, 1);
            pushInt(mv, i);
            mv.visitInsn(DALOAD);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
            mv.visitVarInsn(ALOAD, 0);
            pushInt(mv, keys[i]);
            mv.visitInsn(DALOAD);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
            mv.visitInsn(LCMP);
            mv.visitJumpInsn(IFNE, refresh);
        }
        mv.visitVarInsn(ALOAD, 1);
        mv.visitInsn(ARETURN);
        mv.visitLabel(refresh);
        for (int i = 0; i < k; i++) {
            mv.visitVarInsn(ALOAD, 1);
            pushInt(mv, i);
            mv.visitVarInsn(ALOAD, 0);
            pushInt(mv, keys[i]);
            mv.visitInsn(DALOAD);
            mv.visitInsn(DASTORE);
        }
        // hoist$(t = 0, y = null, p, out = kept, ext = null): the terms read neither time, states nor externals
        mv.visitInsn(DCONST_0);
        mv.visitInsn(ACONST_NULL);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitInsn(ACONST_NULL);
        mv.visitMethodInsn(INVOKESTATIC, className, "hoist$", ROUTINE_ARGS + "V", false);
        mv.visitVarInsn(ALOAD, 1);
        pushInt(mv, k + h);
        mv.visitInsn(DCONST_1);
        mv.visitInsn(DASTORE);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitInsn(ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Number of distinct parameter-only terms whose values the kernel of this system keeps (tests). */
    static int keptTerms(FlatSystem flat, JacobianPlan plan, SymbolTable symbols, List<String> externalNames) {
        AsmKernels gen = new AsmKernels(flat, plan, symbols, externalNames, METHOD_BYTES, POOL_BUDGET, true);
        gen.generate();
        return gen.terms == null ? 0 : gen.terms.terms().size();
    }

    // ---- statement lists ----------------------------------------------------------------

    /** The assigned values the expressions need, in evaluation order. */
    private List<Stmt> valueStatements(List<Expr> exprs) {
        BitSet needed = AssignedSlice.of(flat, symbols, exprs);
        List<Stmt> out = new ArrayList<>();
        for (int k = needed.nextSetBit(0); k >= 0; k = needed.nextSetBit(k + 1)) {
            out.add(new Stmt(k, -1, flat.assignedExpressions().get(k)));
        }
        return out;
    }

    // ---- size and constant estimates ----------------------------------------------------

    static long statementBytes(Stmt st) {
        return bytes(st.expr()) + 8;
    }

    /**
     * An upper estimate of the bytecode an expression takes: an array element 6 bytes (aload, which
     * takes 2 for the scratch array in local 5 or 6, sipush, daload), a constant at most 3, an
     * arithmetic operator 1, a call 12 plus 8 per argument besides the arguments. A truth value
     * used as a number costs 17 (the comparison's dcmp and jumps, 9, and the jumps that make it 1.0
     * or 0.0, 8) plus 3 per operand (iand, ior, ixor, the not's iconst_1 and ixor), and a number
     * tested as a truth value by a logical operator 10 more ({@code x != 0}: dconst_0, dcmpl and jumps).
     * {@code AsmKernelsSizeTest} checks the bound against the code written.
     */
    static long bytes(Expr e) {
        if (e instanceof Expr.Num || e instanceof Expr.Sym) {
            return 6;
        }
        if (JavaSourceGenerator.isBoolean(e)) {
            boolean logical = !isComparison(e);
            long n = 17;
            for (Expr a : Exprs.children(e)) {
                n += bytes(a) + 3 + (logical && !JavaSourceGenerator.isBoolean(a) ? 10 : 0);
            }
            return n;
        }
        if (e instanceof Expr.Unary u) {
            return bytes(u.operand()) + 1;
        }
        if (e instanceof Expr.Binary b) {
            return bytes(b.left()) + bytes(b.right()) + (b.op() == Expr.BinaryOp.POW ? 3 : 1);
        }
        long n = 12;
        for (Expr a : ((Expr.Call) e).args()) {
            n += bytes(a) + 8;
        }
        return n;
    }

    /** The comparisons among {@link Builtins#BOOLEAN_FUNCTIONS}: their operands are numbers, not truth values. */
    private static final Set<String> COMPARISON_FUNCTIONS = Set.of("lt", "leq", "gt", "geq", "eq", "neq");

    private static boolean isComparison(Expr e) {
        if (e instanceof Expr.Binary b) {
            return b.op().isComparison();
        }
        return e instanceof Expr.Call c && COMPARISON_FUNCTIONS.contains(c.function());
    }

    // ---- loops over repeated structure --------------------------------------------------

    /** At most this many statements in a repeated block (one cell of a lattice model). */
    static final int MAX_PERIOD = 4096;
    /** A block must repeat at least this often to become a loop. */
    static final int MIN_REPEATS = 3;

    /**
     * One statement ({@code repeats} 1, {@code base[0]} its array indices), or a block of
     * statements run {@code repeats} times, the k-th array index of statement j in iteration r
     * being {@code base[j][k] + r * stride[j][k]}.
     */
    private record Unit(List<Stmt> block, int repeats, int[][] base, int[][] stride, long bytes) {
    }

    /**
     * The statements as units: runs of a repeated block whose array indices advance by fixed
     * strides become loops (loop rerolling), so that a model made of many copies of one template
     * (a chain or lattice of BMUs) runs as a short loop the JIT compiles early, instead of
     * straight-line code that is executed too rarely to be compiled. Every iteration's indices are
     * checked, so a loop computes exactly what the statements did, in the same order.
     */
    private List<Unit> units(List<Stmt> body, Map<Integer, Integer> scratch) {
        int n = body.size();
        int[][] index = new int[n][];
        int[] shape = new int[n];
        Map<String, Integer> shapes = new HashMap<>();
        BytecodeEmitter probe = new BytecodeEmitter(symbols, assignedCount, externalNames, new MethodVisitor(Opcodes.ASM9) { }, 2, 3, 4, 5, 6);
        probe.scratch = scratch;
        probe.log = new int[64];
        StringBuilder sb = new StringBuilder(256);
        for (int i = 0; i < n; i++) {
            probe.logged = 0;
            probe.statement(body.get(i));
            index[i] = Arrays.copyOf(probe.log, probe.logged);
            sb.setLength(0);
            sb.append(body.get(i).key() >= 0 ? 's' : 'o');
            shape(body.get(i).expr(), sb);
            shape[i] = shapes.computeIfAbsent(sb.toString(), k -> shapes.size());
        }
        int[] next = new int[n];
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = n - 1; i >= 0; i--) {
            Integer j = seen.put(shape[i], i);
            next[i] = j == null ? -1 : j;
        }
        List<Unit> out = new ArrayList<>();
        int i = 0;
        while (i < n) {
            Unit loop = null;
            int candidate = next[i];
            for (int tries = 0; tries < 4 && candidate > 0 && candidate - i <= MAX_PERIOD && loop == null; tries++) {
                loop = loopAt(body, index, shape, i, candidate - i);
                candidate = next[candidate];
            }
            if (loop != null) {
                out.add(loop);
                i += loop.repeats() * loop.block().size();
            } else {
                Stmt st = body.get(i);
                out.add(new Unit(List.of(st), 1, new int[][] {index[i]}, null, statementBytes(st)));
                i++;
            }
        }
        return out;
    }

    /** The longest loop of period P starting at statement i, or null if the block does not repeat often enough. */
    private Unit loopAt(List<Stmt> body, int[][] index, int[] shape, int i, int period) {
        int n = body.size();
        if (i + MIN_REPEATS * period > n) {
            return null;
        }
        long blockBytes = 20;
        int[][] stride = new int[period][];
        for (int j = 0; j < period; j++) {
            if (shape[i + j] != shape[i + period + j]) {
                return null;
            }
            int[] a = index[i + j];
            int[] b = index[i + period + j];
            stride[j] = new int[a.length];
            for (int k = 0; k < a.length; k++) {
                stride[j][k] = b[k] - a[k];
            }
            blockBytes += statementBytes(body.get(i + j)) + 6L * a.length;
        }
        if (blockBytes > methodBytes) {
            return null;
        }
        int repeats = 2;
        outer:
        while (i + (repeats + 1) * period <= n) {
            int start = i + repeats * period;
            for (int j = 0; j < period; j++) {
                if (shape[start + j] != shape[i + j]) {
                    break outer;
                }
                int[] a = index[i + j];
                int[] c = index[start + j];
                for (int k = 0; k < a.length; k++) {
                    if (c[k] != a[k] + repeats * stride[j][k]) {
                        break outer;
                    }
                }
            }
            repeats++;
        }
        if (repeats < MIN_REPEATS) {
            return null;
        }
        int[][] base = new int[period][];
        for (int j = 0; j < period; j++) {
            base[j] = index[i + j];
        }
        return new Unit(List.copyOf(body.subList(i, i + period)), repeats, base, stride, blockBytes);
    }

    /** The expression's structure without array indices: equal shapes differ only in which states, parameters and values they read. */
    private void shape(Expr e, StringBuilder sb) {
        if (e instanceof Expr.Num num) {
            sb.append('#').append(Long.toHexString(Double.doubleToRawLongBits(num.value())));
        } else if (e instanceof Expr.Sym sym) {
            SymbolTable.Slot slot = symbols.resolve(sym.name());
            sb.append('$').append(slot.where().ordinal());
            if (slot.where() == SymbolTable.Where.CONSTANT) {
                sb.append(Long.toHexString(Double.doubleToRawLongBits(slot.constant())));
            }
        } else if (e instanceof Expr.Unary u) {
            sb.append('u').append(u.op().ordinal()).append('(');
            shape(u.operand(), sb);
            sb.append(')');
        } else if (e instanceof Expr.Binary b) {
            sb.append('b').append(b.op().ordinal()).append('(');
            shape(b.left(), sb);
            sb.append(',');
            shape(b.right(), sb);
            sb.append(')');
        } else {
            Expr.Call c = (Expr.Call) e;
            sb.append(c.function()).append('(');
            for (Expr a : c.args()) {
                shape(a, sb);
                sb.append(',');
            }
            sb.append(')');
        }
    }

    private void constants(Unit u, Set<Long> doubles, Set<Integer> ints) {
        for (int j = 0; j < u.block().size(); j++) {
            for (int i : u.base()[j]) {
                bigInt(i, ints);
            }
            if (u.stride() != null) {
                for (int i : u.stride()[j]) {
                    bigInt(i, ints);
                }
            }
            Exprs.walk(u.block().get(j).expr(), node -> {
                if (node instanceof Expr.Num n) {
                    doubles.add(Double.doubleToRawLongBits(n.value()));
                } else if (node instanceof Expr.Sym s) {
                    SymbolTable.Slot slot = symbols.resolve(s.name());
                    if (slot.where() == SymbolTable.Where.CONSTANT) {
                        doubles.add(Double.doubleToRawLongBits(slot.constant()));
                    }
                }
            });
        }
    }

    private static void bigInt(Integer i, Set<Integer> ints) {
        if (i != null && (i > Short.MAX_VALUE || i < Short.MIN_VALUE)) {
            ints.add(i);
        }
    }

    static void pushInt(MethodVisitor mv, int i) {
        if (i >= -1 && i <= 5) {
            mv.visitInsn(ICONST_0 + i);
        } else if (i >= Byte.MIN_VALUE && i <= Byte.MAX_VALUE) {
            mv.visitIntInsn(BIPUSH, i);
        } else if (i >= Short.MIN_VALUE && i <= Short.MAX_VALUE) {
            mv.visitIntInsn(SIPUSH, i);
        } else {
            mv.visitLdcInsn(i);
        }
    }
}
