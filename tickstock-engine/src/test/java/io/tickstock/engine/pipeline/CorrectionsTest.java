package io.tickstock.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.engine.MarketData;
import io.tickstock.engine.alerts.Alert;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.indicators.Indicator;
import io.tickstock.engine.indicators.IndicatorSpec;
import io.tickstock.engine.patterns.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A correction leaves every consumer with exactly what a run on the corrected bars gives: the values and
 * patterns published for each bar, after applying the corrections' updates and retractions, equal a fresh
 * run's, and later bars continue identically.
 */
class CorrectionsTest {
    /** What a consumer holds after applying every event: latest values and current patterns per bar. */
    static final class View implements AnalyticsListener {
        final Map<String, Object> state = new TreeMap<>();
        int updates;

        @Override
        public void onBar(Bar bar) {}

        @Override
        public void onIndicators(Bar bar, List<Indicator> ready) {
            for (Indicator i : ready) {
                assertThat(state.put(bar.startMillis() + " " + i.key(), i.values()))
                        .as("a new value is new: revisions come as revisions, so counts stay distinct")
                        .isNull();
                updates++;
            }
        }

        @Override
        public void onIndicatorsRevised(Bar bar, List<Indicator> revised) {
            for (Indicator i : revised) {
                assertThat(state.put(bar.startMillis() + " " + i.key(), i.values()))
                        .as("a revised value was published")
                        .isNotNull();
                updates++;
            }
        }

        @Override
        public void onPattern(Bar bar, Detection d) {
            assertThat(state.put(bar.startMillis() + " " + d.patternType(), d.output()))
                    .as("a new pattern is new")
                    .isNull();
            updates++;
        }

        @Override
        public void onPatternRevised(Bar bar, Detection d) {
            assertThat(state.put(bar.startMillis() + " " + d.patternType(), d.output()))
                    .as("a revised pattern was published")
                    .isNotNull();
            updates++;
        }

        @Override
        public void onAlert(Bar bar, Alert alert) {}

        @Override
        public void onPatternRetracted(Bar bar, Detection d) {
            assertThat(state.remove(bar.startMillis() + " " + d.patternType()))
                    .as("retracted pattern was published")
                    .isNotNull();
            updates++;
        }
    }

    private final List<Bar> bars =
            MarketData.bars(MarketData.lean("minute/spy/20131008_trade.zip")).subList(0, 120);

    private static Bar amended(Bar b, double close, long extraVolume) {
        return new Bar(
                b.symbol(),
                b.startMillis(),
                b.open(),
                Math.max(b.high(), close),
                Math.min(b.low(), close),
                close,
                b.volume() + extraVolume,
                b.vwap(),
                b.tradeCount() + 1,
                b.session());
    }

    private static SymbolAnalytics fresh() {
        return new SymbolAnalytics(IndicatorSpec.ALL, 0);
    }

    @Test
    void correctedRunEqualsAFreshRunOnTheCorrectedBars() {
        for (int k : new int[] {119, 110, 104, 100, 96}) {
            Bar corrected = amended(bars.get(k), bars.get(k).close() * 1.004, 5_000);
            View live = new View();
            Corrections c = new Corrections(fresh());
            for (Bar b : bars) c.onBar(b, live);
            int before = live.updates;
            assertThat(c.onCorrection(corrected, live))
                    .as("bar %d is within reach", k)
                    .isTrue();
            assertThat(live.updates).as("a correction publishes what changed").isGreaterThan(before);

            View expected = new View();
            SymbolAnalytics reference = fresh();
            List<Bar> fixed = new ArrayList<>(bars);
            fixed.set(k, corrected);
            for (Bar b : fixed) reference.onBar(b, expected);
            assertThat(live.state).as("correction of bar %d", k).isEqualTo(expected.state);

            Bar next = new Bar(
                    "SPY",
                    bars.get(119).startMillis() + Bar.MINUTE,
                    170,
                    171,
                    169,
                    170.5,
                    1000,
                    170,
                    1,
                    bars.get(119).session());
            c.onBar(next, live);
            reference.onBar(next, expected);
            assertThat(live.state)
                    .as("bars after the correction continue identically")
                    .isEqualTo(expected.state);
        }
    }

    @Test
    void aLateBarIsInsertedAndOlderOnesAreOutOfReach() {
        View live = new View();
        Corrections c = new Corrections(fresh());
        List<Bar> withGap = new ArrayList<>(bars);
        Bar missing = withGap.remove(110);
        for (Bar b : withGap) c.onBar(b, live);
        assertThat(c.onCorrection(missing, live)).isTrue();
        View expected = new View();
        SymbolAnalytics reference = fresh();
        for (Bar b : bars) reference.onBar(b, expected);
        assertThat(live.state).isEqualTo(expected.state);

        assertThat(c.onCorrection(amended(bars.get(10), 1, 1), live)).isFalse();
        assertThat(c.uncorrectable()).isEqualTo(1);
    }
}
