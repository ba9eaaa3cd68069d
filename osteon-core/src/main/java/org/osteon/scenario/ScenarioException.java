package org.osteon.scenario;

import java.util.List;

/** A scenario that cannot be read or does not fit its model; each problem says file, line and what was expected. */
public class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public ScenarioException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public ScenarioException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
