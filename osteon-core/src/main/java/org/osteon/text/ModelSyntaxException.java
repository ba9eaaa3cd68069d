package org.osteon.text;

import java.util.List;
import java.util.stream.Collectors;

/** A model text could not be read; {@link #problems()} lists every problem found, in text order. */
public class ModelSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<SyntaxProblem> problems;

    public ModelSyntaxException(List<SyntaxProblem> problems) {
        super(problems.stream().map(SyntaxProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a syntax exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<SyntaxProblem> problems() {
        return problems;
    }
}
