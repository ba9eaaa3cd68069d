package org.osteon.report;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Colours keyed by symbol id, so that a symbol looks the same in every plot of a project.
 *
 * <p>The colours are Okabe–Ito's (without yellow, which is unreadable on white) extended with
 * three of Paul Tol's "muted" colours: all distinguishable under the common colour-vision
 * deficiencies. An id's preferred colour is a fixed hash of the id into this list; when two ids
 * of one plot want the same colour, the later one in alphabetical order takes the next free
 * colour, so a given set of ids always gets the same assignment whatever order it is plotted in.
 */
public final class Palette {
    private static final List<Color> COLORS = List.of(
            new Color(0x0072B2), // blue
            new Color(0xE69F00), // orange
            new Color(0x009E73), // bluish green
            new Color(0xD55E00), // vermillion
            new Color(0xCC79A7), // reddish purple
            new Color(0x56B4E9), // sky blue
            new Color(0x000000), // black
            new Color(0x882255), // wine (Tol)
            new Color(0x999933), // olive (Tol)
            new Color(0x332288)); // indigo (Tol)

    private Palette() {
    }

    /** All colours, in probing order. */
    public static List<Color> colors() {
        return COLORS;
    }

    /** The colour an id gets when nothing else in its plot wants the same one. */
    public static Color preferred(String id) {
        return COLORS.get(preferredIndex(id));
    }

    /**
     * Colours for a set of ids: distinct as long as there are no more ids than colours (beyond
     * that colours repeat). Iteration order of the result follows {@code ids}.
     */
    public static Map<String, Color> assign(Collection<String> ids) {
        Map<String, Integer> slot = new LinkedHashMap<>();
        int n = COLORS.size();
        int[] uses = new int[n];
        // Alphabetical processing makes the outcome depend only on the set, not on its order.
        for (String id : new TreeSet<>(ids)) {
            int start = preferredIndex(id);
            int round = minimum(uses);
            int chosen = start;
            for (int k = 0; k < n; k++) {
                int candidate = (start + k) % n;
                if (uses[candidate] == round) {
                    chosen = candidate;
                    break;
                }
            }
            uses[chosen]++;
            slot.put(id, chosen);
        }
        Map<String, Color> out = new LinkedHashMap<>();
        for (String id : ids) {
            out.put(id, COLORS.get(slot.get(id)));
        }
        return out;
    }

    private static int minimum(int[] a) {
        int m = Integer.MAX_VALUE;
        for (int v : a) {
            m = Math.min(m, v);
        }
        return m;
    }

    /** FNV-1a over UTF-8: specified here, so colours never change with the JVM or its version. */
    static int preferredIndex(String id) {
        int h = 0x811C9DC5;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x01000193;
        }
        return Integer.remainderUnsigned(h, COLORS.size());
    }
}
