package io.tickstock.engine.kafka;

import io.tickstock.engine.session.SessionTrigger;
import io.tickstock.engine.session.StreamingSession;
import io.tickstock.engine.trades.ClockSkewGuard;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a trade-log record's time can be true before it becomes a partition's event time: a trade or watermark at
 * most {@link ClockSkewGuard#DEFAULT_MAX_SKEW_MILLIS} ahead of this machine's clock, and the end-of-feed watermark
 * ({@link Long#MAX_VALUE}) in a replay session only (a live session's feed never ends by itself). One forged or
 * mis-stamped record would otherwise close every open bar of its partition and make every later trade late. A refused
 * record is counted with the future trades ({@code tickstock_trades_refused_total{reason="future"}}) and logged at
 * most once a minute. Consumer thread only.
 */
public final class LogRecordTimes {
    private static final Logger LOG = LoggerFactory.getLogger(LogRecordTimes.class);

    private final ClockSkewGuard future;
    private final AtomicLong refused;
    private long nextLogMillis = Long.MIN_VALUE;
    private final LongSupplier wallClock;

    /**
     * @param wallClock epoch ms
     * @param refused   where refusals are counted
     */
    public LogRecordTimes(LongSupplier wallClock, AtomicLong refused) {
        this.future = new ClockSkewGuard(ClockSkewGuard.DEFAULT_MAX_SKEW_MILLIS, wallClock);
        this.refused = refused;
        this.wallClock = wallClock;
    }

    /** Whether {@code d} (a session record always is) may run in a partition of {@code session} (null: not known). */
    public boolean accepts(TradeRecords.Decoded d, @Nullable StreamingSession session) {
        if (d.sessionId() != null) return true;
        long time = d.trade() != null ? d.trade().timeMillis() : d.watermarkMillis();
        boolean ok = time == Long.MAX_VALUE
                ? session == null || session.trigger() == SessionTrigger.REPLAY
                : future.accepts(time, d.trade() != null ? d.trade().symbol() : "a watermark");
        if (ok) return true;
        refused.incrementAndGet();
        long now = wallClock.getAsLong();
        if (session != null && time == Long.MAX_VALUE && now >= nextLogMillis) {
            nextLogMillis = now + 60_000;
            LOG.warn("an end-of-feed watermark refused in live session {}", session.id());
        }
        return false;
    }
}
