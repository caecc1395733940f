package io.tickstock.engine.trades;

import io.tickstock.engine.session.NyseCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event times a replay of one day may hold: that New York calendar day, midnight to midnight. A recorded trade
 * stamped outside it (a corrupt line, another day's file) is refused instead of taken as event time, where it would
 * end the replay, close every bar early or make the replay clock wait years. Refusals are counted and logged, the first
 * and then every 10,000th. The feed thread calls {@link #accepts}; {@link #refused} may be read from any thread.
 */
public final class ReplayWindow {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayWindow.class);

    private final long startMillis, endMillis;
    private final AtomicLong refused = new AtomicLong();

    private ReplayWindow(long startMillis, long endMillis) {
        this.startMillis = startMillis;
        this.endMillis = endMillis;
    }

    /**
     * The New York day of {@code fromMillis} (epoch ms), or no bound at all when it is {@link Long#MIN_VALUE} (a source
     * read from its start).
     */
    public static ReplayWindow ofDay(long fromMillis) {
        if (fromMillis == Long.MIN_VALUE) return new ReplayWindow(Long.MIN_VALUE, Long.MAX_VALUE);
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(fromMillis), NyseCalendar.NEW_YORK);
        ZonedDateTime start = day.atStartOfDay(NyseCalendar.NEW_YORK);
        return new ReplayWindow(
                start.toInstant().toEpochMilli(), start.plusDays(1).toInstant().toEpochMilli());
    }

    /** Whether {@code t} lies within the day; when not, counts and logs it. */
    public boolean accepts(Trade t) {
        if (t.timeMillis() >= startMillis && t.timeMillis() < endMillis) return true;
        long n = refused.incrementAndGet();
        if (n == 1 || n % 10_000 == 0)
            LOG.warn(
                    "replayed trade of {} refused: stamped {}, outside the replayed day {} .. {}; {} so far",
                    t.symbol(),
                    Instant.ofEpochMilli(t.timeMillis()),
                    Instant.ofEpochMilli(startMillis),
                    Instant.ofEpochMilli(endMillis),
                    n);
        return false;
    }

    /** Trades refused so far. */
    public long refused() {
        return refused.get();
    }
}
