package io.tickstock.engine.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.bars.MarketSession;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class SessionVwapTest {
    private static Bar bar(String newYorkTime, double vwap, long volume, long trades) {
        long t = ZonedDateTime.parse(newYorkTime + "-04:00[America/New_York]")
                .toInstant()
                .toEpochMilli();
        return new Bar("SPY", t, vwap, vwap + 1, vwap - 1, vwap, volume, vwap, trades, MarketSession.REGULAR);
    }

    @Test
    void weightsTradeVwapByVolumeAndResetsEachNewYorkDay() {
        SessionVwap vwap = new SessionVwap();
        vwap.update(bar("2024-06-03T09:30:00", 100, 100, 5));
        vwap.update(bar("2024-06-03T09:31:00", 110, 300, 7));
        assertThat(vwap.value()).isEqualTo((100.0 * 100 + 110.0 * 300) / 400);
        vwap.update(bar("2024-06-03T19:59:00", 120, 0, 0)); // no volume: unchanged
        assertThat(vwap.value()).isEqualTo((100.0 * 100 + 110.0 * 300) / 400);
        vwap.update(bar("2024-06-04T09:30:00", 50, 10, 1)); // next New York day (still 2024-06-04 in UTC too)
        assertThat(vwap.value()).isEqualTo(50.0);
    }

    @Test
    void usesTypicalPriceForBarsWithoutTrades() {
        SessionVwap vwap = new SessionVwap();
        Bar b = new Bar(
                "SPY",
                ZonedDateTime.of(2024, 6, 3, 10, 0, 0, 0, ZoneId.of("America/New_York"))
                        .toInstant()
                        .toEpochMilli(),
                10,
                13,
                9,
                11,
                1000,
                11,
                0,
                MarketSession.REGULAR);
        vwap.update(b);
        assertThat(vwap.value()).isEqualTo((13.0 + 9 + 11) / 3);
    }

    @Test
    void specNamesTheBadItem() {
        assertThat(IndicatorSpec.parse("rsi:14, MACD:12:26:9, BBANDS:20:2, VWAP")
                        .newSet()
                        .all())
                .extracting(Indicator::key)
                .containsExactly("RSI_14", "MACD_12_26_9", "BBANDS_20_2", "VWAP");
        assertThatThrownBy(() -> IndicatorSpec.parse("RSI:14,FOO:3"))
                .hasMessageContaining("'FOO:3'")
                .hasMessageContaining("unknown indicator");
        assertThatThrownBy(() -> IndicatorSpec.parse("SMA:x")).hasMessageContaining("must be an integer, was 'x'");
        assertThatThrownBy(() -> IndicatorSpec.parse("OBV:3")).hasMessageContaining("at most 0 parameter");
        assertThat(IndicatorSpec.ALL.newSet().all()).hasSize(21);
    }
}
