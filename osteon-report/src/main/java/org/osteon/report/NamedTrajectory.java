package org.osteon.report;

import java.util.Objects;
import org.osteon.trajectory.Trajectory;

/**
 * A trajectory with the name a reader should see for its run, e.g. "baseline" or "denosumab
 * 60 mg": overlaid runs are told apart by this name and by line dash.
 */
public record NamedTrajectory(String name, Trajectory trajectory) {
    public NamedTrajectory {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trajectory, "trajectory");
    }
}
