package org.osteon.compile;

import java.util.List;
import java.util.Map;

/**
 * How to compile: Java implementations of the model's external functions, Java parts that add
 * memory and events, and the expression backend.
 */
public record CompileOptions(Map<String, ExternalFunction> functions, List<ModelExtension> extensions, Backend backend) {
    public static final CompileOptions DEFAULT = new CompileOptions(Map.of(), List.of(), Backend.BYTECODE);

    public CompileOptions {
        functions = Map.copyOf(functions);
        extensions = List.copyOf(extensions);
    }

    public CompileOptions withBackend(Backend b) {
        return new CompileOptions(functions, extensions, b);
    }

    public CompileOptions withFunction(ExternalFunction f) {
        java.util.Map<String, ExternalFunction> m = new java.util.HashMap<>(functions);
        m.put(f.name(), f);
        return new CompileOptions(m, extensions, backend);
    }

    public CompileOptions withExtension(ModelExtension e) {
        java.util.List<ModelExtension> l = new java.util.ArrayList<>(extensions);
        l.add(e);
        return new CompileOptions(functions, l, backend);
    }

    /** How expressions are evaluated. */
    public enum Backend {
        /** Generated Java source compiled to JVM bytecode with Janino: fastest once warm. */
        BYTECODE,
        /** A tree of closures: no code generation, slower per call; kept for comparison and debugging. */
        INTERPRETER
    }
}
