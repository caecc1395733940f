package io.tickstock.engine.bars;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.engine.MarketData;
import io.tickstock.engine.feed.LeanTickFile;
import io.tickstock.engine.feed.Trade;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarAggregatorTest {
    static final long T0 = 1_381_239_000_000L; // 2013-10-08T13:30:00Z = 09:30 New York

    @Test
    void oneDayOfSpyGivesOneBarPerMinuteWithEligibleTrades() throws Exception {
        List<Bar> ours = new ArrayList<>();
        BarAggregator aggregator = new BarAggregator(2000, ours::add);
        long trades = 0;
        try (LeanTickFile file = new LeanTickFile(MarketData.lean("tick/spy/20131008_trade.zip"))) {
            for (Trade t; (t = file.next()) != null; trades++) aggregator.onTrade(t);
        }
        aggregator.flush();
        List<Bar> lean = MarketData.bars(MarketData.lean("minute/spy/20131008_trade.zip"));

        assertThat(trades).isEqualTo(451_545);
        assertThat(ours).hasSize(lean.size());
        assertThat(ours.stream().map(Bar::startMillis).toList()).isEqualTo(lean.stream().map(Bar::startMillis).toList());
        assertThat(aggregator.lateTrades()).isZero();
    }

    @Test
    void barClosesByWatermarkWithoutANextTrade() {
        List<Bar> closed = new ArrayList<>();
        BarAggregator aggregator = new BarAggregator(2000, closed::add);
        aggregator.onTrade(new Trade("SPY", T0 + 1_000, 10.0, 100, true));
        aggregator.onTrade(new Trade("SPY", T0 + 2_000, 11.0, 300, true));
        aggregator.onTrade(new Trade("SPY", T0 + 3_000, 99.0, 300, false));
        aggregator.onWatermark(T0 + 61_999);
        assertThat(closed).isEmpty();
        aggregator.onWatermark(T0 + 62_000);
        assertThat(closed).singleElement().satisfies(b -> {
            assertThat(b.startMillis()).isEqualTo(T0);
            assertThat(b.open()).isEqualTo(10.0);
            assertThat(b.high()).isEqualTo(11.0);
            assertThat(b.close()).isEqualTo(11.0);
            assertThat(b.volume()).isEqualTo(400);
            assertThat(b.vwap()).isEqualTo(10.75);
            assertThat(b.tradeCount()).isEqualTo(2);
            assertThat(b.session()).isEqualTo(MarketSession.REGULAR);
        });
        assertThat(aggregator.ineligibleTrades()).isEqualTo(1);
    }

    @Test
    void aTradeForAClosedMinuteIsCountedAsLate() {
        List<Bar> closed = new ArrayList<>();
        BarAggregator aggregator = new BarAggregator(2000, closed::add);
        aggregator.onTrade(new Trade("SPY", T0 + 1_000, 10.0, 100, true));
        aggregator.onWatermark(T0 + 70_000);
        aggregator.onTrade(new Trade("SPY", T0 + 59_000, 10.5, 100, true));
        assertThat(closed).hasSize(1);
        assertThat(aggregator.lateTrades()).isEqualTo(1);
    }

    @Test
    void sessionsFollowNewYorkTime() {
        assertThat(MarketSession.of(T0 - 60_000)).isEqualTo(MarketSession.PRE);
        assertThat(MarketSession.of(T0)).isEqualTo(MarketSession.REGULAR);
        assertThat(MarketSession.of(T0 + 390 * 60_000L)).isEqualTo(MarketSession.POST);
    }
}
