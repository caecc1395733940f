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
        assertThat(times.accepts(trade(NOW - 1_000), null)).isTrue();
        assertThat(times.accepts(trade(NOW + 4_000), null))
                .as("within the 5-s skew")
                .isTrue();
        assertThat(times.accepts(trade(4_102_444_800_000L), null)).as("2100").isFalse();
        assertThat(times.accepts(watermark(NOW + 3_600_000), null))
                .as("an hour ahead")
                .isFalse();
        assertThat(refused).hasValue(2);
    }

    @Test
    void outsideSessionsTheBareEndOfFeedPassesWithinOneOnlyItsOwnEnd() {
        String session = "00000000-0000-4000-8000-000000000001", other = "00000000-0000-4000-8000-000000000002";
        TradeRecords.Decoded end = TradeRecords.decode(null, TradeRecords.sessionEnd(session));
        assertThat(times.accepts(watermark(Long.MAX_VALUE), null)).isTrue();
        assertThat(times.accepts(end, session)).isTrue();
        assertThat(times.accepts(new TradeRecords.Decoded(null, 0, session), session))
                .as("a session record")
                .isTrue();
        assertThat(refused).hasValue(0);
        assertThat(times.accepts(watermark(Long.MAX_VALUE), session))
                .as("a bare end of feed in a session")
                .isFalse();
        assertThat(times.accepts(end, other)).as("another session's end").isFalse();
        assertThat(times.accepts(end, null))
                .as("a session's end outside sessions")
                .isFalse();
        assertThat(refused).hasValue(3);
    }
}
