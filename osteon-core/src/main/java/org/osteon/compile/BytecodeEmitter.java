package org.osteon.compile;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DCMPG;
import static org.objectweb.asm.Opcodes.DCMPL;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DCONST_1;
import static org.objectweb.asm.Opcodes.DDIV;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DMUL;
import static org.objectweb.asm.Opcodes.DNEG;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.DSUB;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.DUP2;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.IAND;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFGE;
import static org.objectweb.asm.Opcodes.IFGT;
import static org.objectweb.asm.Opcodes.IFLE;
import static org.objectweb.asm.Opcodes.IFLT;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.IMUL;
import static org.objectweb.asm.Opcodes.INVOKEINTERFACE;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.IOR;
import static org.objectweb.asm.Opcodes.IXOR;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.NEWARRAY;
import static org.objectweb.asm.Opcodes.T_DOUBLE;
import static org.osteon.compile.AsmKernels.EXTERNAL;
import static org.osteon.compile.AsmKernels.SUPPORT;
import static org.osteon.compile.AsmKernels.SUPPORT_UNARY;
import static org.osteon.compile.AsmKernels.pushInt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.osteon.model.expr.Expr;

/**
 * Writes the bytecode of {@link AsmKernels}' statements and expressions into one method: values in
 * JVM locals or in a scratch array, array indices literal or, inside a rerolled loop, {@code base
 * + r * stride}. The semantics are {@link JavaSourceGenerator}'s: doubles, comparisons false on
 * NaN (except !=), truth values 1 and 0, a piecewise without a matching branch NaN.
 */
final class BytecodeEmitter {
    private final SymbolTable symbols;
    private final int assignedCount;
    private final List<String> externalNames;
    private final MethodVisitor mv;
    private final int y;
    private final int p;
    private final int out;
    private final int s;
    private final int ext;
    final Map<Integer, Integer> local = new HashMap<>();
    Map<Integer, Integer> scratch;
    /** When not null, every array index pushed is also recorded here (to find repeated structure). */
    int[] log;
    /** Entries of {@link #log} written so far. */
    int logged;
    private int[] loopBase;
    private int[] loopStride;
    private int loopPos;
    private int loopVar;
    /** Hoisted parameter-only terms, read from the kept values in local {@link #kept}; null: computed in place. */
    ParameterOnlyTerms hoisted;
    /** Local holding the kept values (see {@link AsmKernels}' {@code kept$}); the k-th term is at {@link #keptOffset} + k. */
    int kept = -1;
    int keptOffset;
    /**
     * Terms that occur more than once in this method (see {@link RepeatedTerms}), each kept in the
     * local {@link #repeatedBase} + 2 r after its first evaluation; null: none.
     */
    java.util.Map<Expr, Integer> repeated;
    int repeatedBase;
    private boolean[] stored;
    /** Above 0 while writing a branch of a piecewise, code that may not run: no value is stored there. */
    private int conditional;

    /**
     * @param y, p, out, s, ext local-variable slots of the state, parameters, output array,
     *        scratch array (-1: values in locals) and external functions; t is in slots 0-1
     */
    BytecodeEmitter(SymbolTable symbols, int assignedCount, List<String> externalNames, MethodVisitor mv,
                    int y, int p, int out, int s, int ext) {
        this.symbols = symbols;
        this.assignedCount = assignedCount;
        this.externalNames = externalNames;
        this.mv = mv;
        this.y = y;
        this.p = p;
        this.out = out;
        this.s = s;
        this.ext = ext;
    }

    /** Array indices from now on are {@code base[k] + r * stride[k]} with r in local {@code var}; null base: literal. */
    void loop(int[] base, int[] stride, int var) {
        loopBase = base;
        loopStride = stride;
        loopPos = 0;
        loopVar = var;
    }

    /** Pushes an array index: the literal, or its loop form. */
    private void index(int actual) {
        if (log != null) {
            if (logged == log.length) {
                log = java.util.Arrays.copyOf(log, 2 * logged + 8);
            }
            log[logged++] = actual;
        }
        if (loopBase == null) {
            pushInt(mv, actual);
            return;
        }
        pushInt(mv, loopBase[loopPos]);
        int stride = loopStride[loopPos++];
        if (stride != 0) {
            mv.visitVarInsn(ILOAD, loopVar);
            pushInt(mv, stride);
            mv.visitInsn(IMUL);
            mv.visitInsn(IADD);
        }
    }

    void statement(AsmKernels.Stmt st) {
        loopPos = 0;
        if (st.key() < 0) {
            mv.visitVarInsn(ALOAD, out);
            index(st.out());
            num(st.expr());
            mv.visitInsn(DASTORE);
        } else if (scratch != null) {
            mv.visitVarInsn(ALOAD, s);
            index(scratch.get(st.key()));
            num(st.expr());
            mv.visitInsn(DASTORE);
        } else {
            num(st.expr());
            mv.visitVarInsn(DSTORE, local.get(st.key()));
        }
    }

    private void value(int key) {
        if (scratch != null) {
            mv.visitVarInsn(ALOAD, s);
            index(scratch.get(key));
            mv.visitInsn(DALOAD);
        } else {
            mv.visitVarInsn(DLOAD, local.get(key));
        }
    }

    private void constant(double v) {
        if (Double.doubleToRawLongBits(v) == 0L) {
            mv.visitInsn(DCONST_0);
        } else if (v == 1.0) {
            mv.visitInsn(DCONST_1);
        } else {
            mv.visitLdcInsn(v);
        }
    }

    private void symbol(String name) {
        SymbolTable.Slot slot = symbols.resolve(name);
        switch (slot.where()) {
            case STATE -> {
                mv.visitVarInsn(ALOAD, y);
                index(slot.index());
                mv.visitInsn(DALOAD);
            }
            case PARAMETER -> {
                mv.visitVarInsn(ALOAD, p);
                index(slot.index());
                mv.visitInsn(DALOAD);
            }
            case ASSIGNED -> value(slot.index());
            case TEMP -> value(assignedCount + slot.index());
            case TIME -> mv.visitVarInsn(DLOAD, 0);
            default -> constant(slot.constant());
        }
    }

    /** Pushes the expression's value as a double. */
    void num(Expr e) {
        if (hoisted != null && !(e instanceof Expr.Num) && !(e instanceof Expr.Sym)) {
            Integer k = hoisted.indexOf(e);
            if (k != null) {
                mv.visitVarInsn(ALOAD, kept);
                pushInt(mv, keptOffset + k);
                mv.visitInsn(DALOAD);
                return;
            }
        }
        if (repeated != null) {
            Integer r = repeated.get(e);
            if (r != null) {
                if (stored == null) {
                    stored = new boolean[repeated.size()];
                }
                int slot = repeatedBase + 2 * r;
                if (stored[r]) {
                    mv.visitVarInsn(DLOAD, slot);
                    return;
                }
                computed(e);
                if (conditional == 0) {
                    mv.visitInsn(DUP2);
                    mv.visitVarInsn(DSTORE, slot);
                    stored[r] = true;
                }
                return;
            }
        }
        computed(e);
    }

    private void computed(Expr e) {
        if (JavaSourceGenerator.isBoolean(e)) {
            Label yes = new Label();
            Label end = new Label();
            bool(e);
            mv.visitJumpInsn(IFNE, yes);
            mv.visitInsn(DCONST_0);
            mv.visitJumpInsn(GOTO, end);
            mv.visitLabel(yes);
            mv.visitInsn(DCONST_1);
            mv.visitLabel(end);
        } else if (e instanceof Expr.Num n) {
            constant(n.value());
        } else if (e instanceof Expr.Sym sym) {
            symbol(sym.name());
        } else if (e instanceof Expr.Unary u) {
            num(u.operand());
            mv.visitInsn(DNEG);
        } else if (e instanceof Expr.Binary b) {
            num(b.left());
            num(b.right());
            switch (b.op()) {
                case ADD -> mv.visitInsn(DADD);
                case SUB -> mv.visitInsn(DSUB);
                case MUL -> mv.visitInsn(DMUL);
                case DIV -> mv.visitInsn(DDIV);
                default -> support("pow", 2); // POW
            }
        } else {
            call((Expr.Call) e);
        }
    }

    /** Pushes the expression's truth value as an int 0 or 1. */
    void bool(Expr e) {
        if (e instanceof Expr.Binary b && b.op().isComparison()) {
            compare(b.op(), b.left(), b.right());
        } else if (e instanceof Expr.Binary b && b.op().isLogical()) {
            bool(b.left());
            bool(b.right());
            mv.visitInsn(b.op() == Expr.BinaryOp.AND ? IAND : IOR);
        } else if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT) {
            bool(u.operand());
            mv.visitInsn(ICONST_1);
            mv.visitInsn(IXOR);
        } else if (e instanceof Expr.Call c && Builtins.BOOLEAN_FUNCTIONS.contains(c.function())) {
            booleanCall(c);
        } else {
            // x != 0.0
            num(e);
            mv.visitInsn(DCONST_0);
            jumpCompare(DCMPL, IFNE);
        }
    }

    private void booleanCall(Expr.Call c) {
        List<Expr> a = c.args();
        switch (c.function()) {
            case "and", "or", "xor" -> {
                int op = c.function().equals("and") ? IAND : c.function().equals("or") ? IOR : IXOR;
                bool(a.get(0));
                for (int i = 1; i < a.size(); i++) {
                    bool(a.get(i));
                    mv.visitInsn(op);
                }
            }
            case "not" -> {
                bool(a.get(0));
                mv.visitInsn(ICONST_1);
                mv.visitInsn(IXOR);
            }
            case "implies" -> { // !a || b
                bool(a.get(0));
                mv.visitInsn(ICONST_1);
                mv.visitInsn(IXOR);
                bool(a.get(1));
                mv.visitInsn(IOR);
            }
            default -> compare(switch (c.function()) {
                case "lt" -> Expr.BinaryOp.LT;
                case "leq" -> Expr.BinaryOp.LE;
                case "gt" -> Expr.BinaryOp.GT;
                case "geq" -> Expr.BinaryOp.GE;
                case "eq" -> Expr.BinaryOp.EQ;
                default -> Expr.BinaryOp.NE;
            }, a.get(0), a.get(1));
        }
    }

    /** Java's double comparisons: false when either side is NaN, except != which is then true. */
    private void compare(Expr.BinaryOp op, Expr l, Expr r) {
        num(l);
        num(r);
        switch (op) {
            case LT -> jumpCompare(DCMPG, IFLT);
            case LE -> jumpCompare(DCMPG, IFLE);
            case GT -> jumpCompare(DCMPL, IFGT);
            case GE -> jumpCompare(DCMPL, IFGE);
            case EQ -> jumpCompare(DCMPL, IFEQ);
            default -> jumpCompare(DCMPL, IFNE);
        }
    }

    private void jumpCompare(int cmp, int jumpIfTrue) {
        Label yes = new Label();
        Label end = new Label();
        mv.visitInsn(cmp);
        mv.visitJumpInsn(jumpIfTrue, yes);
        mv.visitInsn(ICONST_0);
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(yes);
        mv.visitInsn(ICONST_1);
        mv.visitLabel(end);
    }

    private void call(Expr.Call c) {
        List<Expr> a = c.args();
        String f = c.function();
        int partial = f.indexOf(Differentiator.PARTIAL);
        if (partial > 0) {
            String base = f.substring(0, partial);
            int index = Integer.parseInt(f.substring(partial + Differentiator.PARTIAL.length()));
            external(base);
            pushInt(mv, index);
            argArray(a);
            mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "partial", "(L" + EXTERNAL + ";I[D)D", false);
            return;
        }
        if (externalNames.contains(f)) {
            external(f);
            argArray(a);
            mv.visitMethodInsn(INVOKEINTERFACE, EXTERNAL, "value", "([D)D", true);
            return;
        }
        switch (f) {
            case "piecewise" -> piecewise(a, 0);
            case "min", "max" -> {
                num(a.get(0));
                for (int i = 1; i < a.size(); i++) {
                    num(a.get(i));
                    math(f, 2);
                }
            }
            case "log" -> {
                if (a.size() == 1) {
                    num(a.get(0));
                    math("log", 1);
                } else {
                    num(a.get(1));
                    math("log", 1);
                    num(a.get(0));
                    math("log", 1);
                    mv.visitInsn(DDIV);
                }
            }
            case "root" -> {
                num(a.get(1));
                mv.visitInsn(DCONST_1);
                num(a.get(0));
                mv.visitInsn(DDIV);
                math("pow", 2);
            }
            case "pow", "power", "quotient", "rem" -> {
                num(a.get(0));
                num(a.get(1));
                support(f.startsWith("pow") ? "pow" : f, 2);
            }
            case "log2" -> {
                constant(1.0 / Math.log(2.0));
                num(a.get(0));
                math("log", 1);
                mv.visitInsn(DMUL);
            }
            case "sqr" -> {
                num(a.get(0));
                support("sq", 1);
            }
            default -> {
                num(a.get(0));
                if (SUPPORT_UNARY.containsKey(f)) {
                    support(SUPPORT_UNARY.get(f), 1);
                    return;
                }
                math(switch (f) {
                    case "ln" -> "log";
                    case "ceiling" -> "ceil";
                    case "sign" -> "signum";
                    case "arcsin" -> "asin";
                    case "arccos" -> "acos";
                    case "arctan" -> "atan";
                    default -> f;
                }, 1);
            }
        }
    }

    private void piecewise(List<Expr> a, int from) {
        int remaining = a.size() - from;
        if (remaining == 0) {
            mv.visitLdcInsn(Double.NaN);
            return;
        }
        if (remaining == 1) {
            num(a.get(from));
            return;
        }
        Label other = new Label();
        Label end = new Label();
        conditional++;
        bool(a.get(from + 1));
        mv.visitJumpInsn(IFEQ, other);
        num(a.get(from));
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(other);
        piecewise(a, from + 2);
        mv.visitLabel(end);
        conditional--;
    }

    private void external(String name) {
        mv.visitVarInsn(ALOAD, ext);
        pushInt(mv, externalNames.indexOf(name));
        mv.visitInsn(AALOAD);
    }

    private void argArray(List<Expr> a) {
        pushInt(mv, a.size());
        mv.visitIntInsn(NEWARRAY, T_DOUBLE);
        for (int i = 0; i < a.size(); i++) {
            mv.visitInsn(DUP);
            pushInt(mv, i);
            num(a.get(i));
            mv.visitInsn(DASTORE);
        }
    }

    private void math(String name, int arity) {
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", name, arity == 1 ? "(D)D" : "(DD)D", false);
    }

    private void support(String name, int arity) {
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, name, arity == 1 ? "(D)D" : "(DD)D", false);
    }
}
