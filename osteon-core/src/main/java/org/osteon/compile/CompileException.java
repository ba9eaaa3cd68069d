package org.osteon.compile;

import java.util.List;

/** The model cannot be compiled; carries every problem found, each a complete sentence. */
public class CompileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public CompileException(String modelId, List<String> problems) {
        super("model '" + modelId + "': " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
