package org.osteon.trajectory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that readers never see a partial file: the content goes to a temporary file
 * in the same directory, which is renamed over the target only when complete.
 */
public final class AtomicFiles {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    /** Temporary files of writes in progress, so that a shutdown hook can remove them. */
    private static final java.util.Set<Path> UNFINISHED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private AtomicFiles() {
    }

    /** Something that writes a whole file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        // Not Files.createTempFile: that makes the file owner-only (0600), and the result should get
        // the same permissions as any file the user creates.
        Path tmp = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        UNFINISHED.add(tmp);
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE))) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
            UNFINISHED.remove(tmp);
        }
    }

    /**
     * Deletes the temporary files of writes still in progress and returns how many there were.
     * For a shutdown hook: when the JVM is stopped (Ctrl-C) while a write is under way, the
     * writer's own clean-up never runs. The interrupted writes then fail; their targets stay as
     * they were.
     */
    public static int deleteUnfinished() {
        int n = 0;
        for (Path tmp : UNFINISHED) {
            try {
                if (Files.deleteIfExists(tmp)) {
                    n++;
                }
            } catch (IOException e) {
                // best effort while the program is being stopped
            }
            UNFINISHED.remove(tmp);
        }
        return n;
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
