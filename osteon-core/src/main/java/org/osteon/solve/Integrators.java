package org.osteon.solve;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The registry of integration methods users choose by name: {@code dopri5} (alias {@code rk45}),
 * {@code dop853} ({@code rk853}), {@code rodas5p} ({@code rodas}, {@code stiff}), {@code bdf} and {@code auto}.
 * Names are case-insensitive. The integrators are immutable and shared.
 */
public final class Integrators {
    private static final Integrator DOPRI5 = new Dopri5();
    private static final Integrator DOP853 = new Dop853();
    private static final Integrator RODAS5P = new Rodas5P();
    private static final Integrator BDF = new Bdf();
    private static final Integrator AUTO = new AutoIntegrator();

    private static final Map<String, Integrator> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put(Dopri5.NAME, DOPRI5);
        BY_NAME.put("rk45", DOPRI5);
        BY_NAME.put(Dop853.NAME, DOP853);
        BY_NAME.put("rk853", DOP853);
        BY_NAME.put(Rodas5P.NAME, RODAS5P);
        BY_NAME.put("rodas", RODAS5P);
        BY_NAME.put("stiff", RODAS5P);
        BY_NAME.put(Bdf.NAME, BDF);
        BY_NAME.put(AutoIntegrator.NAME, AUTO);
    }

    private Integrators() {
    }

    /** The method called {@code name}; an unknown name lists the valid ones and suggests the closest. */
    public static Integrator byName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        Integrator found = BY_NAME.get(key);
        if (found != null) {
            return found;
        }
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (String candidate : BY_NAME.keySet()) {
            int d = editDistance(key, candidate);
            if (d < best) {
                best = d;
                closest = candidate;
            }
        }
        throw new IllegalArgumentException("unknown integration method '" + name + "'; valid names are "
                + validNames() + "; did you mean '" + closest + "'?");
    }

    /** The valid names with their aliases, for messages and help texts. */
    public static String validNames() {
        return "dopri5 (alias rk45), dop853 (alias rk853), rodas5p (aliases rodas, stiff), bdf, auto";
    }

    /** Levenshtein distance. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] s = prev;
            prev = cur;
            cur = s;
        }
        return prev[b.length()];
    }
}
