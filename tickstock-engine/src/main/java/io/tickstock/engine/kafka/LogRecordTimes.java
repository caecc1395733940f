package io.tickstock.engine.kafka;

import io.tickstock.engine.trades.ClockSkewGuard;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Whether a trade-log record's time can be true before it becomes a partition's event time: a trade or watermark at
 * most {@link ClockSkewGuard#DEFAULT_MAX_SKEW_MILLIS} ahead of this machine's clock, or the end-of-feed watermark
 * ({@link Long#MAX_VALUE}, which ingest writes when a replay ends and when a live feed is stopped). One mis-stamped or
 * forged record would otherwise close every open bar of its partition and make every later trade late. A refused
 * record is counted with the future trades ({@code tickstock_trades_refused_total{reason="future"}}) and logged at
 * most once a minute ({@link ClockSkewGuard}). Consumer thread only.
 */
public final class LogRecordTimes {
    private final ClockSkewGuard future;
    private final AtomicLong refused;

    /**
     * @param wallClock epoch ms
     * @param refused   where refusals are counted
     */
    public LogRecordTimes(LongSupplier wallClock, AtomicLong refused) {
        this.future = new ClockSkewGuard(ClockSkewGuard.DEFAULT_MAX_SKEW_MILLIS, wallClock);
        this.refused = refused;
    }

    /** Whether {@code d} (a session record and the end-of-feed watermark always are) may become event time. */
    public boolean accepts(TradeRecords.Decoded d) {
        if (d.sessionId() != null) return true;
        long time = d.trade() != null ? d.trade().timeMillis() : d.watermarkMillis();
        if (time == Long.MAX_VALUE
                || future.accepts(time, d.trade() != null ? d.trade().symbol() : "a watermark")) return true;
        refused.incrementAndGet();
        return false;
    }
}
