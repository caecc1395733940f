package io.tickstock.engine.trades;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses event times that cannot be true yet: a live trade stamped more than the allowed clock skew ahead of the wall
 * clock. Taken as event time, one such print (a vendor's clock, a forged frame) would move the watermark ahead, close
 * every open bar and make every later trade late. Refusals are counted and logged at most once a minute, with the
 * count so far. One thread calls {@link #accepts}; {@link #refused} may be read from any thread.
 */
public final class ClockSkewGuard {
    private static final Logger LOG = LoggerFactory.getLogger(ClockSkewGuard.class);

    /** The skew allowed by default, ms: exchange and vendor clocks run within milliseconds of each other. */
    public static final long DEFAULT_MAX_SKEW_MILLIS = 5_000;

    private final long maxSkewMillis;
    private final LongSupplier wallClock;
    private final AtomicLong refused = new AtomicLong();
    private long nextLogMillis = Long.MIN_VALUE;

    /**
     * @param maxSkewMillis how far ahead of the wall clock an event time may be, ms (&ge; 0)
     * @param wallClock     epoch ms
     * @throws IllegalArgumentException when {@code maxSkewMillis} is negative
     */
    public ClockSkewGuard(long maxSkewMillis, LongSupplier wallClock) {
        if (maxSkewMillis < 0)
            throw new IllegalArgumentException("max clock skew must be >= 0 ms, was " + maxSkewMillis);
        this.maxSkewMillis = maxSkewMillis;
        this.wallClock = wallClock;
    }

    /**
     * Whether {@code eventMillis} (epoch ms) is at most the allowed skew ahead of now; when not, counts and (at most
     * once a minute) logs it, naming {@code what} (e.g. the symbol).
     */
    public boolean accepts(long eventMillis, String what) {
        long now = wallClock.getAsLong();
        if (eventMillis - now <= maxSkewMillis) return true;
        long n = refused.incrementAndGet();
        if (now >= nextLogMillis) {
            nextLogMillis = now + 60_000;
            LOG.warn(
                    "trade of {} refused: stamped {} ms ahead of this machine's clock (at most {} ms allowed); {} so "
                            + "far (check the feed's and this machine's clocks)",
                    what,
                    eventMillis - now,
                    maxSkewMillis,
                    n);
        }
        return false;
    }

    /** Event times refused so far. */
    public long refused() {
        return refused.get();
    }
}
