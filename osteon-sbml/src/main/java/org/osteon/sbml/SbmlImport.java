package org.osteon.sbml;

import java.util.List;
import java.util.Map;
import org.osteon.model.Model;

/**
 * The result of reading an SBML document: the model, what was dropped or changed on the way (as
 * warnings), and the ids that had to be renamed because SBML allows them and Osteon reserves them
 * (a parameter called {@code time} or {@code pi}, a local parameter, a function called {@code max}).
 *
 * @param osteonIds SBML id to the Osteon id, for every id that was renamed (local parameters as
 *                  {@code reaction/local})
 */
public record SbmlImport(Model model, int level, int version, List<String> warnings, Map<String, String> osteonIds) {
    public SbmlImport {
        warnings = List.copyOf(warnings);
        osteonIds = Map.copyOf(osteonIds);
    }

    /** The Osteon id of a global SBML id (itself unless it was renamed). */
    public String osteonId(String sbmlId) {
        return osteonIds.getOrDefault(sbmlId, sbmlId);
    }
}
