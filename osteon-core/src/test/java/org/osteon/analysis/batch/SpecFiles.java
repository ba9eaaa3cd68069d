package org.osteon.analysis.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test support for analysis specs: a directory holding the decay model of the population and
 * sensitivity tests ({@code decay.ant}: x' = -k x, x(0) = x0 = 10, k = 0.1, parameters a and BW,
 * outputs root_a = sqrt(a) x and scaled = x BW / 70) and the spec files written next to it.
 */
public final class SpecFiles {
    /** The model text as the tests' resources hold it. */
    public static final String DECAY_RESOURCE = "/org/osteon/analysis/population/decay.ant";

    private SpecFiles() {
    }

    /** Copies {@code decay.ant} into {@code dir} and returns its path. */
    public static Path decayModel(Path dir) {
        try (InputStream in = SpecFiles.class.getResourceAsStream(DECAY_RESOURCE)) {
            Path p = dir.resolve("decay.ant");
            if (!Files.exists(p)) {
                Files.copy(in, p);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} to {@code dir/name} and returns its path. */
    public static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code spec} without its top-level line {@code key: ...}. */
    public static String without(String spec, String key) {
        return spec.lines().filter(l -> !l.startsWith(key + ":")).reduce("", (a, b) -> a + b + "\n");
    }

    /** {@code spec} with its top-level line {@code key: ...} replaced by {@code line}. */
    public static String replacing(String spec, String key, String line) {
        return spec.lines().map(l -> l.startsWith(key + ":") ? line : l).reduce("", (a, b) -> a + b + "\n");
    }
}
