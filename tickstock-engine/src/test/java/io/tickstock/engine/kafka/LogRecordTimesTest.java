package io.tickstock.engine.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.engine.trades.Trade;
import io.tickstock.engine.trades.TradeUpdates;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A trade-log record whose time cannot be true is refused before it becomes event time. */
class LogRecordTimesTest {
    static final long NOW = 1_700_000_000_000L;
    final AtomicLong refused = new AtomicLong();
    final LogRecordTimes times = new LogRecordTimes(() -> NOW, refused);

    static TradeRecords.Decoded trade(long millis) {
        return new TradeRecords.Decoded(new Trade("SPY", millis, 450.0, 100, TradeUpdates.ALL), 0);
    }

    static TradeRecords.Decoded watermark(long millis) {
        return new TradeRecords.Decoded(null, millis);
    }

    @Test
    void aRecordStampedAheadOfTheClockIsRefusedAndCounted() {
        assertThat(times.accepts(trade(NOW - 1_000))).isTrue();
        assertThat(times.accepts(trade(NOW + 4_000))).as("within the 5-s skew").isTrue();
        assertThat(times.accepts(trade(4_102_444_800_000L))).as("2100").isFalse();
        assertThat(times.accepts(watermark(NOW + 3_600_000)))
                .as("an hour ahead")
                .isFalse();
        assertThat(refused).hasValue(2);
    }

    @Test
    void theEndOfFeedWatermarkAndSessionRecordsPass() {
        assertThat(times.accepts(watermark(Long.MAX_VALUE))).isTrue();
        assertThat(times.accepts(new TradeRecords.Decoded(null, 0, "a-session")))
                .isTrue();
        assertThat(refused).hasValue(0);
    }
}
