package org.osteon.model;

import java.util.List;
import org.osteon.model.expr.Expr;

/**
 * A function usable in expressions. When {@code body} is {@code null} the function is
 * <em>external</em>: its implementation is Java code bound when the model is compiled
 * ({@code external function psi(f, s)} in text).
 */
public record FunctionDefinition(String id, List<String> parameters, Expr body, Metadata metadata)
        implements ModelSymbol {
    public FunctionDefinition {
        ModelSymbol.requireId(id);
        parameters = List.copyOf(parameters);
        parameters.forEach(ModelSymbol::requireId);
        metadata = metadata == null ? Metadata.EMPTY : metadata;
    }

    public boolean isExternal() {
        return body == null;
    }
}
