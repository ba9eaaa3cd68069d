package org.osteon.analysis.population;

import java.io.IOException;

/** Receives every patient's result in patient order, one at a time (per-patient files). */
@FunctionalInterface
public interface PatientSink {
    PatientSink NONE = r -> {
    };

    void accept(PatientResult result) throws IOException;
}
