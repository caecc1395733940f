package io.tickstock.engine.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.contract.EventJson;
import io.tickstock.contract.Events;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.bars.MarketSession;
import io.tickstock.engine.indicators.Indicator;
import io.tickstock.engine.indicators.IndicatorSet;
import io.tickstock.engine.indicators.IndicatorSpec;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link IndicatorJson} writes, character for character, what {@link EventJson} writes for the equivalent
 * {@link Events.IndicatorCalculation} record (itself identical to Jackson, EventJsonTest): every indicator of
 * {@link IndicatorSpec#ALL} over 400 random-walk bars, within its lookback (NaN values) and after it, on symbols
 * that need escaping.
 */
class IndicatorJsonTest {
    @Test
    void sameTextAsTheRecordWrittenByEventJson() {
        IndicatorJson json = new IndicatorJson();
        IndicatorSet set = IndicatorSpec.ALL.newSet();
        SplittableRandom random = new SplittableRandom(3);
        double price = 100;
        int compared = 0;
        for (int m = 0; m < 400; m++) {
            double open = price, close = open * (1 + random.nextGaussian() * 0.003);
            double high = Math.max(open, close) * (1 + random.nextDouble() * 0.002),
                    low = Math.min(open, close) * (1 - random.nextDouble() * 0.002);
            price = close;
            String symbol = m % 7 == 0 ? "BRK.\"B\\" : "SPY";
            Bar bar = new Bar(
                    symbol,
                    1_381_239_000_000L + m * Bar.MINUTE,
                    open,
                    high,
                    low,
                    close,
                    1 + random.nextInt(50_000),
                    (open + close) / 2,
                    1 + random.nextInt(100),
                    MarketSession.REGULAR);
            set.update(bar);
            String time = "2013-10-08T13:30:00.000Z";
            for (Indicator i : set.all()) {
                StringBuilder written = json.calculation(
                        new StringBuilder(), IndicatorJson.quoted(symbol), i, IndicatorJson.quoted(time));
                Events.IndicatorCalculation record = new Events.IndicatorCalculation(
                        symbol,
                        i.name(),
                        i.value(),
                        i.values(),
                        time,
                        "1min",
                        i.series().parameters());
                String expected = EventJson.indicator(new Events.IndicatorEvent("t", record));
                assertThat("{\"type\":\"streaming_indicator\",\"timestamp\":\"t\",\"calculation\":" + written + "}")
                        .isEqualTo(expected);
                assertThat(i.values()).isEqualTo(Map.copyOf(i.values())).hasSize(i.valueNames().length);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(400 * IndicatorSpec.ALL.newSet().all().size());
    }
}
