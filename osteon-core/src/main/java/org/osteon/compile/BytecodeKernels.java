package org.osteon.compile;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * Compiles generated kernel source to bytecode with Janino. Janino was chosen over ASM because
 * emitting Java source keeps the generator readable and debuggable (the source can be printed),
 * and over javax.tools because it needs no JDK compiler at run time and compiles in milliseconds.
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
