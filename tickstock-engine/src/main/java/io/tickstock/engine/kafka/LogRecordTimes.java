package io.tickstock.engine.kafka;

import io.tickstock.engine.trades.ClockSkewGuard;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a trade-log record's time can be true before it becomes a partition's event time: a trade or watermark at
 * most {@link ClockSkewGuard#DEFAULT_MAX_SKEW_MILLIS} ahead of this machine's clock, or the end of the feed
 * ({@link Long#MAX_VALUE}): within a session only the session end record naming that session (ingest writes it when
 * it ends the session, replayed or live), outside sessions the bare end-of-feed watermark. One mis-stamped, stale or
 * forged record would otherwise close every open bar of its partition and make every later trade late. A refused
 * record is counted with the future trades ({@code tickstock_trades_refused_total{reason="future"}}) and logged at
 * most once a minute ({@link ClockSkewGuard}). A writer that knows the running session's id can still end it: only
 * the log's own authentication keeps writers out. Consumer thread only.
 */
public final class LogRecordTimes {
    private static final Logger LOG = LoggerFactory.getLogger(LogRecordTimes.class);

    private final ClockSkewGuard future;
    private final AtomicLong refused;
    private final LongSupplier wallClock;
    private long lastEndLogged = Long.MIN_VALUE / 2;

    /**
     * @param wallClock epoch ms
     * @param refused   where refusals are counted
     */
    public LogRecordTimes(LongSupplier wallClock, AtomicLong refused) {
        this.future = new ClockSkewGuard(ClockSkewGuard.DEFAULT_MAX_SKEW_MILLIS, wallClock);
        this.refused = refused;
        this.wallClock = wallClock;
    }

    /**
     * Whether {@code d} may become event time (a session record always may).
     *
     * @param session the partition's session id, or null outside sessions
     */
    public boolean accepts(TradeRecords.Decoded d, @Nullable String session) {
        if (d.sessionId() != null) return true;
        long time = d.trade() != null ? d.trade().timeMillis() : d.watermarkMillis();
        boolean ok = time == Long.MAX_VALUE
                ? (session == null ? d.endsSession() == null : session.equals(d.endsSession()))
                : future.accepts(time, d.trade() != null ? d.trade().symbol() : "a watermark");
        if (ok) return true;
        if (time == Long.MAX_VALUE && wallClock.getAsLong() - lastEndLogged >= 60_000) {
            lastEndLogged = wallClock.getAsLong();
            LOG.warn(
                    "refused an end of feed for {} read in {} (logged at most once a minute)",
                    d.endsSession() == null ? "no session" : "session " + d.endsSession(),
                    session == null ? "no session" : "session " + session);
        }
        refused.incrementAndGet();
        return false;
    }
}
