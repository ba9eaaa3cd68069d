package org.osteon.explain;

import java.util.ArrayList;
import java.util.List;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.ModelSymbol;

/**
 * One mechanism a model names for explanations, from its {@code explain} attribute:
 * {@code "<group> <op>: <meaning>"} where op is {@code x} (multiplies the group's quantity),
 * {@code /} (divides it), {@code +} or {@code -} (adds to or removes from a rate).
 */
public record Term(String group, char op, String symbol, String meaning) {
    public static final String ATTRIBUTE = "explain";

    /** Every term the model declares, in declaration order. */
    public static List<Term> of(Model model) {
        List<Term> out = new ArrayList<>();
        for (ModelSymbol s : model.symbols().values()) {
            add(out, s.id(), s.metadata());
        }
        return out;
    }

    private static void add(List<Term> out, String id, Metadata m) {
        String spec = m.attribute(ATTRIBUTE);
        if (spec == null) {
            return;
        }
        int colon = spec.indexOf(':');
        String head = colon < 0 ? spec : spec.substring(0, colon).strip();
        String meaning = colon < 0 ? "" : spec.substring(colon + 1).strip();
        int space = head.lastIndexOf(' ');
        if (space < 0 || head.substring(space + 1).length() != 1 || "x/+-".indexOf(head.charAt(head.length() - 1)) < 0) {
            throw new IllegalArgumentException("explain attribute of '" + id + "' must look like '<group> <x|/|+|->: <meaning>', found '"
                    + spec + "'");
        }
        out.add(new Term(head.substring(0, space).strip(), head.charAt(head.length() - 1), id, meaning));
    }

    /** Whether the term adds to a rate (its effect accumulates) rather than multiplying a quantity. */
    public boolean additive() {
        return op == '+' || op == '-';
    }
}
