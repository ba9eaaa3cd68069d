package org.osteon.trajectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why a write failed, in the words of the operating system's error (errno names as in
 * {@code strerror}), for places where even root cannot create files: sysfs refuses with EACCES,
 * procfs with ENOENT. And writers of the same target in one process never share a temporary file.
 * No test here writes to a real device: under mutation testing a mutant that skips the
 * write-through of non-regular files renamed a regular file over /dev/full (7 December 2026).
 */
class AtomicFilesReasonsTest {
    @TempDir
    Path dir;

    @Test
    void sysfsRefusesWithPermissionDenied() {
        Path sys = Path.of("/sys/osteon-test.csv");
        assumeTrue(Files.isDirectory(sys.getParent()), "no /sys file system");
        assertThatThrownBy(() -> AtomicFiles.writeString(sys, "x")).isInstanceOf(OutputFileException.class)
                .hasMessage(sys + ": cannot write (permission denied)");
    }

    @Test
    void procfsRefusesWithNoSuchFile() {
        Path proc = Path.of("/proc/osteon-test.csv");
        assumeTrue(Files.isDirectory(proc.getParent()), "no /proc file system");
        assertThatThrownBy(() -> AtomicFiles.writeString(proc, "x")).isInstanceOf(OutputFileException.class)
                .hasMessage(proc + ": cannot write (no such file or directory)");
    }

    @Test
    void concurrentWritersOfOneTargetEachUseTheirOwnTemporaryFile() throws Exception {
        // 2 threads x 200 writes of the same target: with a shared temporary name, CREATE_NEW
        // would fail for whichever writer came second. Every write must succeed and the file
        // must end as one complete content.
        Path target = dir.resolve("out.csv");
        String a = "a".repeat(10_000);
        String b = "b".repeat(10_000);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (String content : List.of(a, b)) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        AtomicFiles.writeString(target, content);
                    }
                    return null;
                }));
            }
            for (Future<?> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Files.readString(target)).isIn(a, b);
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(target);
        }
    }
}
