package org.osteon.report;

import java.util.ArrayList;
import java.util.List;

/** Axis titles in the form "quantity [unit]". */
final class Labels {
    private Labels() {
    }

    /** Each name with the unit, then the bare unit as the shortest fallback. */
    static List<String> withUnit(List<String> names, String unit) {
        boolean hasUnit = unit != null && !unit.isBlank();
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(hasUnit ? n + " [" + unit + "]" : n);
        }
        if (hasUnit) {
            out.add("[" + unit + "]");
        }
        return out;
    }
}
