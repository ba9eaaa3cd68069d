package org.osteon.text;

import java.util.Set;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.osteon.text.antlr.AntimonyParser.QnameContext;

/**
 * Where a statement is read: the main model, or a submodel instance inside it. A name written in
 * a submodel instance {@code A} is flattened to {@code A__name}, as the SBML comp package's
 * flattening names them; a dotted name {@code A.S} written in the parent becomes {@code A__S}.
 *
 * @param prefix flat-name prefix, "" in the main model, "A__" inside submodel A
 * @param depth  0 in the main model, 1 inside a submodel of it, ...
 */
record Scope(String prefix, int depth) {
    static final Scope ROOT = new Scope("", 0);

    /** Separator of submodel and element names in flat ids (SBML comp flattening). */
    static final String SEPARATOR = "__";

    /**
     * Antimony's predefined constants: never prefixed inside a submodel. {@code time} is the
     * model's time in every submodel.
     */
    static final Set<String> CONSTANTS = Set.of("time", "pi", "exponentiale", "avogadro", "true", "True", "TRUE",
            "false", "False", "FALSE", "inf", "INF", "infinity", "NaN", "nan", "NAN", "notanumber");

    Scope child(String instance) {
        return new Scope(prefix + instance + SEPARATOR, depth + 1);
    }

    /** The flat id of a name as written here: {@code S}, {@code A.S}. */
    String flat(String dotted) {
        if (prefix.isEmpty() && dotted.indexOf('.') < 0) {
            return dotted;
        }
        if (dotted.indexOf('.') < 0 && CONSTANTS.contains(dotted)) {
            return dotted;
        }
        return prefix + dotted.replace(".", SEPARATOR);
    }

    /** How deep in the submodel tree the element a name denotes lives. */
    int depthOf(String dotted) {
        int dots = 0;
        for (int i = 0; i < dotted.length(); i++) {
            if (dotted.charAt(i) == '.') {
                dots++;
            }
        }
        return depth + dots;
    }

    /** A token with the flat id as text, at the position of the name as written. */
    Token token(QnameContext name) {
        return token(name.getStart(), name.getText());
    }

    Token token(Token at, String dotted) {
        String flat = flat(dotted);
        if (flat.equals(at.getText())) {
            return at;
        }
        CommonToken t = new CommonToken(at);
        t.setText(flat);
        return t;
    }
}
