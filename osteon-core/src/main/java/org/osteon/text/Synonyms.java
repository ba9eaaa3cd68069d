package org.osteon.text;

import java.util.HashMap;
import java.util.Map;

/**
 * Names that denote one element after flattening: {@code A.S is S}, a submodel's exported
 * symbol bound to the parent's ({@code A: sub(S)}). The surviving name is the one of the
 * shallowest model (the parent's), and between equally deep names the right-hand side of
 * {@code is}, as in the SBML comp package where the parent's element replaces the submodel's.
 */
final class Synonyms {
    private final Map<String, String> parent = new HashMap<>();
    private final Map<String, Integer> depth = new HashMap<>();

    /** Records how deep the element a flat name denotes lives (the smallest depth seen wins). */
    void depth(String name, int d) {
        depth.merge(name, d, Math::min);
    }

    int depthOf(String name) {
        return depth.getOrDefault(name, 0);
    }

    /** {@code replaced is replacement}: the two names denote one element. */
    void join(String replaced, String replacement) {
        String a = canonical(replaced);
        String b = canonical(replacement);
        if (a.equals(b)) {
            return;
        }
        if (depthOf(a) < depthOf(b)) {
            parent.put(b, a);
        } else {
            parent.put(a, b);
        }
    }

    String canonical(String name) {
        String n = name;
        String p;
        while ((p = parent.get(n)) != null) {
            n = p;
        }
        // path compression
        String m = name;
        while (!m.equals(n)) {
            String next = parent.get(m);
            parent.put(m, n);
            m = next;
        }
        return n;
    }

    boolean isEmpty() {
        return parent.isEmpty();
    }
}
