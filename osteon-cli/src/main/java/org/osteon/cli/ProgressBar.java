package org.osteon.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar with ETA, redrawn in place with carriage returns. Only used when
 * stderr is a terminal: in a pipe or log file the redraws would be noise.
 */
final class ProgressBar implements Session.ProgressSink {
    private static final int WIDTH = 30;
    /** Redraw at most this often: drawing from many workers must not slow them down. */
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private String label = "";
    private long startNanos;
    private long lastDraw;
    private int lastLength;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void start(String newLabel) {
        label = newLabel;
        startNanos = System.nanoTime();
        lastDraw = 0;
    }

    @Override
    public synchronized void update(int done, int total) {
        long now = System.nanoTime();
        if (done < total && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        String line = render(label, done, total, (now - startNanos) / 1e9);
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = line.length();
    }

    @Override
    public synchronized void finish() {
        if (lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
            lastLength = 0;
        }
    }

    /** E.g. {@code scan [#########.....................]  30%   60/200  ETA 0:04}. */
    static String render(String label, int done, int total, double elapsedSeconds) {
        double fraction = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(fraction * WIDTH);
        String eta = done == 0 ? "--:--" : clock(elapsedSeconds / done * (total - done));
        int digits = Integer.toString(total).length();
        return String.format(Locale.ROOT, "%s [%s%s] %3d%% %" + digits + "d/%d  ETA %s", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), (int) Math.floor(fraction * 100), done, total, eta);
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
