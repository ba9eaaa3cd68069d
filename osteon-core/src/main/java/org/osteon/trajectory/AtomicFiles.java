package org.osteon.trajectory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one writer of Osteon's output files. Readers never see a partial file: the content goes to
 * a temporary file in the same directory, which is renamed over the target only when complete.
 * Nothing already at the target is destroyed: a device or pipe ({@code /dev/null}, a FIFO) is
 * written through instead of being replaced by a regular file; a symbolic link keeps pointing
 * where it did and its file gets the content; a directory is refused. A missing directory is
 * refused with its name (callers that create directories do so visibly). Temporary files carry
 * the writer's process id, so those left by a killed run are removed by the next write into the
 * same directory.
 */
public final class AtomicFiles {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    /** Temporary files of writes in progress, so that a shutdown hook can remove them. */
    private static final java.util.Set<Path> UNFINISHED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** {@code .<target name>.<pid>.<random hex>.tmp} */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.(\\d{1,19})\\.[0-9a-f]+\\.tmp");
    private static final int MAX_LINKS = 40;

    private AtomicFiles() {
    }

    /** Something that writes a whole file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target}.
     *
     * @throws OutputFileException when the target cannot be written (the message says why and
     *                             names the file); nothing at the target is changed
     * @throws IOException         from {@code content} itself
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = followLinks(target.toAbsolutePath().normalize(), target);
        if (Files.isDirectory(absolute)) {
            throw new OutputFileException(target + ": is a directory, not a file");
        }
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            writeThrough(target, absolute, content);
            return;
        }
        Path dir = absolute.getParent();
        requireDirectory(target, dir);
        removeStaleTemporaries(dir);
        // Not Files.createTempFile: that makes the file owner-only (0600), and the result should get
        // the same permissions as any file the user creates.
        Path tmp = dir.resolve("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE) + ".tmp");
        UNFINISHED.add(tmp);
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(open(target, tmp,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            } catch (FileSystemException e) {
                throw cannotWrite(target, e);
            }
        } finally {
            Files.deleteIfExists(tmp);
            UNFINISHED.remove(tmp);
        }
    }

    /**
     * The directory the target would be written into, with missing levels named; for callers that
     * create missing directories themselves (and say so) before writing. Null when it exists.
     */
    public static Path missingDirectory(Path target) {
        Path parent = target.toAbsolutePath().normalize().getParent();
        return parent == null || Files.isDirectory(parent) ? null : parent;
    }

    /** A device, pipe or socket: opened and written as it is; there is no file to replace. */
    private static void writeThrough(Path target, Path device, Content content) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(open(target, device, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING))) {
            content.writeTo(out);
        }
    }

    private static OutputStream open(Path target, Path file, StandardOpenOption... options) throws OutputFileException {
        try {
            return Files.newOutputStream(file, options);
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    /**
     * Where the target really is: a symbolic link is replaced by what it points at, so that the
     * rename lands on the link's file and the link survives. Links into /proc and /dev (such as
     * /dev/stdout, /proc/self/fd/1) name open streams and are written through as given.
     */
    private static Path followLinks(Path absolute, Path target) throws OutputFileException {
        Path p = absolute;
        for (int i = 0; Files.isSymbolicLink(p); i++) {
            if (i == MAX_LINKS) {
                throw new OutputFileException(target + ": too many levels of symbolic links");
            }
            if (p.startsWith("/proc") || p.startsWith("/dev")) {
                return p;
            }
            try {
                p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
            } catch (IOException e) {
                throw cannotWrite(target, e);
            }
        }
        return p;
    }

    private static void requireDirectory(Path target, Path dir) throws OutputFileException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path shown = target.getParent() != null && !target.isAbsolute() ? target.getParent() : dir;
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new OutputFileException(target + ": " + p + " is a file, not a directory");
                }
                break;
            }
        }
        throw new OutputFileException(target + ": directory " + shown + " does not exist");
    }

    /** Deletes temporary files in {@code dir} whose writer process is gone (a killed run). */
    private static void removeStaleTemporaries(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path f : files) {
                Matcher m = TEMPORARY.matcher(f.getFileName().toString());
                if (m.matches() && isGone(m.group(1)) && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a directory we cannot list or clean still gets the file written
        }
    }

    private static boolean isGone(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static OutputFileException cannotWrite(Path target, IOException e) {
        String why;
        if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            why = "no such file or directory";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            why = fs.getReason();
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new OutputFileException(target + ": cannot write (" + why + ")", e);
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
