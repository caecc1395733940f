package io.tickstock.engine.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.contract.Limits;
import io.tickstock.engine.trades.Trade;
import io.tickstock.engine.trades.TradeUpdates;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The trade log's encoding: every record kind round-trips, and a record no feed parser would accept is refused. */
class TradeRecordsTest {
    static final long T = 1_381_239_000_000L; // 2013-10-08 13:30 UTC

    @Test
    void everyKindRoundTrips() {
        Trade t = new Trade("BRK.B", T, 123.45, 300, TradeUpdates.ALL);
        assertThat(TradeRecords.trade(t)).hasSize(29);
        assertThat(TradeRecords.decode(TradeRecords.key("BRK.B"), TradeRecords.trade(t))
                        .trade())
                .isEqualTo(t);
        TradeRecords.Decoded w = TradeRecords.decode(null, TradeRecords.watermark(T));
        assertThat(w.trade()).isNull();
        assertThat(w.watermarkMillis()).isEqualTo(T);
        String id = "4ebcbacf-4421-4055-8b26-049dc43f4295";
        assertThat(TradeRecords.decode(null, TradeRecords.session(id)).sessionId())
                .isEqualTo(id);
        TradeRecords.Decoded end = TradeRecords.decode(null, TradeRecords.sessionEnd(id));
        assertThat(end.endsSession()).isEqualTo(id);
        assertThat(end.sessionId()).as("not a session start").isNull();
        assertThat(end.watermarkMillis()).as("the end of the session's feed").isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aWatermarkIsCheckedLikeATradesTime() {
        assertThat(TradeRecords.decode(null, TradeRecords.watermark(Long.MAX_VALUE))
                        .watermarkMillis())
                .as("the end of a replayed feed")
                .isEqualTo(Long.MAX_VALUE);
        for (long bad : new long[] {-1, Long.MIN_VALUE, Limits.MAX_TIME_MILLIS, Long.MAX_VALUE - 1})
            assertThatThrownBy(() -> TradeRecords.decode(null, TradeRecords.watermark(bad)))
                    .hasMessageContaining("watermark time out of range");
    }

    @Test
    void aRecordNoFeedWouldAcceptIsRefusedWithItsReason() {
        byte[] good = TradeRecords.trade(new Trade("SPY", T, 167.4, 100, TradeUpdates.ALL));
        assertThatThrownBy(() -> TradeRecords.decode(null, good)).hasMessageContaining("without a symbol key");
        assertThatThrownBy(() -> TradeRecords.decode(TradeRecords.key("spy!"), good))
                .hasMessageContaining("symbol outside");
        byte[] nan = ByteBuffer.wrap(good.clone()).putDouble(9, Double.NaN).array();
        assertThatThrownBy(() -> TradeRecords.decode(TradeRecords.key("SPY"), nan))
                .hasMessageContaining("out of range");
        byte[] negative = ByteBuffer.wrap(good.clone()).putLong(17, -5).array();
        assertThatThrownBy(() -> TradeRecords.decode(TradeRecords.key("SPY"), negative))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> TradeRecords.decode(null, new byte[] {9})).hasMessageContaining("unknown record kind");
        assertThatThrownBy(() -> TradeRecords.decode(null, new byte[] {2, 0})).hasMessageContaining("expected 9");
        assertThatThrownBy(() -> TradeRecords.decode(null, new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> TradeRecords.session("not-a-uuid")).hasMessageContaining("36 characters");
        byte[] notUuid = TradeRecords.session("4ebcbacf-4421-4055-8b26-049dc43f4295");
        notUuid[5] = 'z';
        assertThatThrownBy(() -> TradeRecords.decode(null, notUuid)).hasMessageContaining("without a UUID");
    }
}
