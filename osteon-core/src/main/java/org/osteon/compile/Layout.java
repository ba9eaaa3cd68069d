package org.osteon.compile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names of a compiled model's three vectors: the state y, the parameter vector p, and the
 * outputs (assignment-rule variables and reaction rates). The parameter vector may be longer
 * than the named parameters: the tail is memory owned by Java model parts.
 */
public final class Layout {
    private final List<Variable> states;
    private final List<Variable> parameters;
    private final List<Variable> outputs;
    private final int parameterVectorSize;
    private final Map<String, Integer> stateIndex = new HashMap<>();
    private final Map<String, Integer> parameterIndex = new HashMap<>();
    private final Map<String, Integer> outputIndex = new HashMap<>();

    public Layout(List<Variable> states, List<Variable> parameters, List<Variable> outputs, int parameterVectorSize) {
        this.states = List.copyOf(states);
        this.parameters = List.copyOf(parameters);
        this.outputs = List.copyOf(outputs);
        if (parameterVectorSize < parameters.size()) {
            throw new IllegalArgumentException("parameter vector smaller than the named parameters");
        }
        this.parameterVectorSize = parameterVectorSize;
        index(this.states, stateIndex);
        index(this.parameters, parameterIndex);
        index(this.outputs, outputIndex);
    }

    public Layout(List<Variable> states, List<Variable> parameters, List<Variable> outputs) {
        this(states, parameters, outputs, parameters.size());
    }

    private static void index(List<Variable> vars, Map<String, Integer> into) {
        for (int i = 0; i < vars.size(); i++) {
            if (into.put(vars.get(i).id(), i) != null) {
                throw new IllegalArgumentException("duplicate slot '" + vars.get(i).id() + "'");
            }
        }
    }

    public List<Variable> states() {
        return states;
    }

    public List<Variable> parameters() {
        return parameters;
    }

    public List<Variable> outputs() {
        return outputs;
    }

    public int stateCount() {
        return states.size();
    }

    public int parameterCount() {
        return parameters.size();
    }

    public int outputCount() {
        return outputs.size();
    }

    /** Length of p, at least {@link #parameterCount()}. */
    public int parameterVectorSize() {
        return parameterVectorSize;
    }

    /** Index in y, or -1. */
    public int stateIndex(String id) {
        return stateIndex.getOrDefault(id, -1);
    }

    /** Index in p, or -1. */
    public int parameterIndex(String id) {
        return parameterIndex.getOrDefault(id, -1);
    }

    /** Index in the outputs, or -1. */
    public int outputIndex(String id) {
        return outputIndex.getOrDefault(id, -1);
    }

    /** The slot of any kind with this id. */
    public Optional<Variable> find(String id) {
        int i = stateIndex(id);
        if (i >= 0) {
            return Optional.of(states.get(i));
        }
        i = parameterIndex(id);
        if (i >= 0) {
            return Optional.of(parameters.get(i));
        }
        i = outputIndex(id);
        return i >= 0 ? Optional.of(outputs.get(i)) : Optional.empty();
    }

    /** All names, states first, then parameters, then outputs (for suggestions in errors). */
    public List<String> allIds() {
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        states.forEach(v -> all.add(v.id()));
        parameters.forEach(v -> all.add(v.id()));
        outputs.forEach(v -> all.add(v.id()));
        return all;
    }
}
