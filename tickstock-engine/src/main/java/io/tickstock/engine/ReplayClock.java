package io.tickstock.engine;

import java.util.concurrent.locks.LockSupport;

/**
 * Replay time: starts at {@code startMillis} (event time, epoch ms) and advances {@code speed} times faster than the
 * wall clock; at infinite speed it never waits. {@link #pause} sleeps in slices of at most 50 ms, so a caller keeps
 * moving the watermark between sparse trades. Not thread-safe: the feed thread.
 */
public final class ReplayClock {
    private final long startMillis, realStartNanos = System.nanoTime();
    private final double speed;

    /** @param speed a positive multiple of real time, or {@link Double#POSITIVE_INFINITY} */
    public ReplayClock(long startMillis, double speed) {
        this.startMillis = startMillis;
        this.speed = speed;
    }

    /** Where replay time started, epoch ms. */
    public long startMillis() {
        return startMillis;
    }

    /** Event time now, epoch ms; {@link Long#MAX_VALUE} at infinite speed. */
    public long now() {
        if (Double.isInfinite(speed)) return Long.MAX_VALUE;
        return startMillis + (long) ((System.nanoTime() - realStartNanos) / 1e6 * speed);
    }

    /** Sleeps towards event time {@code untilMillis}: at most 50 ms, at least 0.1 ms. */
    public void pause(long untilMillis) {
        long waitNanos = (long) ((untilMillis - now()) / speed * 1e6);
        LockSupport.parkNanos(Math.max(100_000, Math.min(waitNanos, 50_000_000)));
    }
}
