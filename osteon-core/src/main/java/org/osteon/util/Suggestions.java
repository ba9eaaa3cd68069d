package org.osteon.util;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean ...?" for mistyped names: the closest candidate by edit distance. */
public final class Suggestions {
    private Suggestions() {
    }

    /** Longer names are never suggested for (a name is not a paragraph). */
    private static final int MAX_NAME = 256;

    /** The candidate nearest to {@code name}, if it is close enough to be a plausible typo. */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        if (name.length() > MAX_NAME) {
            return Optional.empty(); // not a typo of any name, and the distance would cost time and memory
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int allowedDistance = Math.max(2, name.length() / 3);
        for (String c : candidates) {
            if (Math.abs(c.length() - name.length()) > allowedDistance) {
                continue; // the length difference alone is more edits than a typo makes
            }
            int d = distance(name.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best != null && bestDistance <= allowedDistance ? Optional.of(best) : Optional.empty();
    }

    /** " (did you mean 'x'?)" or the empty string. */
    public static String didYouMean(String name, Collection<String> candidates) {
        return closest(name, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    /** Optimal-string-alignment distance: Levenshtein plus adjacent transpositions. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
