package org.osteon.trajectory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a shutdown hook relies on: the temporary file of a write in progress can be removed from outside. */
class AtomicFilesUnfinishedTest {
    @TempDir
    Path dir;

    @Test
    void deleteUnfinishedRemovesTheTemporaryFileOfAWriteInProgress() throws Exception {
        Path target = dir.resolve("out.csv");
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Throwable[] failure = new Throwable[1];
        Thread writer = new Thread(() -> {
            try {
                AtomicFiles.write(target, out -> {
                    out.write("half a file".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    out.flush();
                    writing.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        writer.start();
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".tmp"));
        }
        assertThat(AtomicFiles.deleteUnfinished()).isEqualTo(1);
        release.countDown();
        writer.join(10_000);
        // The interrupted write fails instead of publishing a partial file, and leaves nothing behind.
        assertThat(failure[0]).isNotNull();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThat(AtomicFiles.deleteUnfinished()).isZero();
    }
}
