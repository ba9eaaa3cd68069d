package org.osteon.compile;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * Compiles generated kernel source to bytecode with Janino: the fallback of {@link AsmKernels} for
 * functions it does not emit itself. Janino needs no JDK compiler at run time, but its cost grows
 * with the source text (about 6 KB per Pivonka BMU), which is why large models go through ASM.
 */
final class BytecodeKernels {
    private static final AtomicLong COUNTER = new AtomicLong();

    private BytecodeKernels() {
    }

    /** The compiled kernel, or {@code null} if the generated class is too large for the JVM. */
    static Kernel compile(FlatSystem flat, JacobianPlan plan, SymbolTable symbols, List<String> externalNames,
                          ExternalFunction[] externals) {
        String className = "OsteonKernel" + COUNTER.incrementAndGet();
        String source = new JavaSourceGenerator(flat, plan, symbols, externalNames).generate(className);
        try {
            SimpleCompiler compiler = new SimpleCompiler();
            compiler.setParentClassLoader(Kernel.class.getClassLoader());
            compiler.cook(source);
            Class<?> cls = compiler.getClassLoader().loadClass(className);
            return (Kernel) cls.getConstructor(ExternalFunction[].class).newInstance((Object) externals);
        } catch (CompileException e) {
            // Methods over the JVM's 64 KiB limit: the caller falls back to the interpreter.
            if (String.valueOf(e.getMessage()).contains("too large") || String.valueOf(e.getMessage()).contains("64")) {
                return null;
            }
            throw new IllegalStateException("generated kernel for model '" + flat.modelId() + "' does not compile: "
                    + e.getMessage(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate generated kernel", e);
        }
    }
}
