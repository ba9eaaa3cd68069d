package org.osteon.trajectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one writer every output goes through must never destroy what is at the target: a device
 * or pipe is written through (not replaced by a regular file), a directory is refused, a link
 * keeps pointing where it did, a missing directory is refused with its name, and temporary files
 * of killed runs are removed.
 */
class AtomicFilesSafetyTest {
    @TempDir
    Path dir;

    @Test
    void aNamedPipeIsWrittenThroughAndStaysAPipe() throws Exception {
        Path fifo = dir.resolve("pipe.csv");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is not available");
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        AtomicFiles.writeString(fifo, "time,x\n0,1\n");
        assertThat(reader.get(10, TimeUnit.SECONDS)).isEqualTo("time,x\n0,1\n");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.exists(fifo)).isTrue();
        assertThat(leftovers()).isZero();
    }

    @Test
    void aSymbolicLinkKeepsPointingAtItsFileWhichGetsTheContent() throws Exception {
        Path real = Files.writeString(dir.resolve("real.csv"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real.getFileName());
        AtomicFiles.writeString(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
    }

    @Test
    void aDirectoryIsRefusedAndLeftAsItWas() throws Exception {
        Path d = Files.createDirectory(dir.resolve("d.csv"));
        assertThatThrownBy(() -> AtomicFiles.writeString(d, "x"))
                .isInstanceOf(OutputFileException.class)
                .hasMessage(d + ": is a directory, not a file");
        assertThat(Files.isDirectory(d)).isTrue();
        assertThat(leftovers()).isZero();
    }

    @Test
    void aMissingDirectoryIsNamedAndNotCreated() {
        Path target = dir.resolve("no/such/dir/f.csv");
        assertThatThrownBy(() -> AtomicFiles.writeString(target, "x"))
                .isInstanceOf(OutputFileException.class)
                .hasMessage(target + ": directory " + dir.resolve("no/such/dir") + " does not exist");
        assertThat(Files.exists(dir.resolve("no"))).isFalse();
    }

    @Test
    void aParentThatIsAFileIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "keep");
        Path target = file.resolve("f.csv");
        assertThatThrownBy(() -> AtomicFiles.writeString(target, "x"))
                .isInstanceOf(OutputFileException.class)
                .hasMessage(target + ": " + file + " is a file, not a directory");
        assertThat(Files.readString(file)).isEqualTo("keep");
    }

    @Test
    void aFileWhereNothingCanBeCreatedIsAClearError() {
        // /proc refuses new files even to root (so this check does not depend on who runs the tests).
        Path proc = Path.of("/proc/self/osteon-test.csv");
        assumeTrue(Files.isDirectory(proc.getParent()), "no /proc file system");
        assertThatThrownBy(() -> AtomicFiles.writeString(proc, "x"))
                .isInstanceOf(OutputFileException.class)
                .hasMessageStartingWith(proc + ": cannot write");
        assertThat(Files.exists(proc)).isFalse();
    }

    @Test
    void temporaryFilesOfKilledRunsAreRemovedByTheNextWrite() throws Exception {
        // A process that no longer runs left its temporary file behind (killed with SIGKILL).
        Process p = new ProcessBuilder("true").start();
        p.waitFor(10, TimeUnit.SECONDS);
        long deadPid = p.pid();
        assumeTrue(ProcessHandle.of(deadPid).isEmpty(), "the pid was reused at once");
        Path stale = Files.writeString(dir.resolve(".out.csv." + deadPid + ".1f2e3d.tmp"), "half");
        Path otherTarget = Files.writeString(dir.resolve(".other.csv." + deadPid + ".aa.tmp"), "half");
        Path live = Files.writeString(dir.resolve(".out.csv." + ProcessHandle.current().pid() + ".77.tmp"), "in use");
        Path unrelated = Files.writeString(dir.resolve(".notes.tmp"), "mine");
        AtomicFiles.writeString(dir.resolve("out.csv"), "done");
        assertThat(stale).doesNotExist();
        assertThat(otherTarget).doesNotExist();
        assertThat(live).exists();
        assertThat(unrelated).exists();
        assertThat(Files.readString(dir.resolve("out.csv"))).isEqualTo("done");
    }

    @Test
    void aRegularFileIsStillReplacedAtomically() throws Exception {
        Path f = Files.writeString(dir.resolve("f.csv"), "old");
        AtomicFiles.writeString(f, "new");
        assertThat(Files.readString(f)).isEqualTo("new");
        assertThat(leftovers()).isZero();
    }

    @Test
    void aLoopOfSymbolicLinksIsRefusedNotFollowedForever() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Files.createSymbolicLink(a, b.getFileName());
        Files.createSymbolicLink(b, a.getFileName());
        assertThatThrownBy(() -> AtomicFiles.writeString(a, "x"))
                .isInstanceOf(OutputFileException.class)
                .hasMessage(a + ": too many levels of symbolic links");
        assertThat(Files.isSymbolicLink(a)).isTrue();
        assertThat(leftovers()).isZero();
    }

    @Test
    void aMissingRelativeDirectoryIsNamedAsTheUserWroteIt() {
        Path target = Path.of("osteon-no-such-dir-" + ProcessHandle.current().pid(), "f.csv");
        assertThatThrownBy(() -> AtomicFiles.writeString(target, "x"))
                .isInstanceOf(OutputFileException.class)
                .hasMessage(target + ": directory " + target.getParent() + " does not exist");
    }

    @Test
    void missingDirectoryNamesTheParentOnlyWhenItIsMissing() {
        assertThat(AtomicFiles.missingDirectory(dir.resolve("f.csv"))).isNull();
        assertThat(AtomicFiles.missingDirectory(dir.resolve("no/f.csv"))).isEqualTo(dir.resolve("no"));
    }

    @Test
    void aTemporaryFileWithAnImpossibleProcessIdIsNotTouched() throws Exception {
        // 19 digits match the pattern of temporary names but exceed a long: not a pid, so not "gone"
        Path odd = Files.writeString(dir.resolve(".out.csv.9999999999999999999.ab.tmp"), "someone's");
        AtomicFiles.writeString(dir.resolve("out.csv"), "done");
        assertThat(odd).exists();
    }

    private long leftovers() throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
    }
}
