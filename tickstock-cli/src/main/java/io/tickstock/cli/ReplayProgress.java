package io.tickstock.cli;

import io.tickstock.engine.Engine;
import io.tickstock.engine.session.NyseCalendar;
import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * A one-line progress display of a replay on a terminal (stderr, refreshed twice a second): the New York
 * event time reached, trades so far and trades per second over the last interval. Silent when stderr is not
 * a terminal (CI, pipes). A daemon thread; {@link #close()} clears the line.
 */
final class ReplayProgress implements AutoCloseable {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(NyseCalendar.NEW_YORK);
    private final @Nullable Thread thread;
    private final PrintStream err = System.err;

    ReplayProgress(Engine engine) {
        if (!Terminal.interactive()) {
            thread = null;
            return;
        }
        thread = Thread.ofPlatform().name("replay-progress").daemon().start(() -> {
            long lastTrades = 0, lastNanos = System.nanoTime();
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(500);
                    long trades = engine.stats().trades.get(), now = System.nanoTime();
                    double rate = (trades - lastTrades) / ((now - lastNanos) / 1e9);
                    lastTrades = trades;
                    lastNanos = now;
                    long t = engine.replayTimeMillis();
                    err.printf(
                            "\rreplay %s New York  %,d trades  %,.0f trades/s\033[K",
                            t == Long.MIN_VALUE ? "…" : TIME.format(Instant.ofEpochMilli(t)), trades, rate);
                    err.flush();
                }
            } catch (InterruptedException e) {
                // done
            }
        });
    }

    @Override
    public void close() {
        if (thread == null) return;
        thread.interrupt();
        err.print("\r\033[K");
        err.flush();
    }
}
