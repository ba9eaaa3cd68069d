package org.osteon.report;

import java.util.Objects;

/** One bar of a ranked bar chart, e.g. a parameter and its sensitivity coefficient. */
public record Bar(String label, double value) {
    public Bar {
        Objects.requireNonNull(label, "label");
    }
}
