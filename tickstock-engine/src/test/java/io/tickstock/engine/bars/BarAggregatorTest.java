package io.tickstock.engine.bars;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.engine.MarketData;
import io.tickstock.engine.feed.LeanTickFile;
import io.tickstock.engine.trades.Trade;
import io.tickstock.engine.trades.TradeConditions;
import io.tickstock.engine.trades.TradeUpdates;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarAggregatorTest {
    static final long T0 = 1_381_239_000_000L; // 2013-10-08T13:30:00Z = 09:30 New York
    static final long WINDOW = 15 * Bar.MINUTE;

    static BarAggregator.Sink sink(List<Bar> closed, List<Bar> corrections) {
        return new BarAggregator.Sink() {
            @Override
            public void onBar(Bar bar) {
                closed.add(bar);
            }

            @Override
            public void onCorrection(Bar bar, int revision) {
                corrections.add(bar);
            }
        };
    }

    @Test
    void lateTradeWithinTheWindowCorrectsTheClosedBarAndOlderOnesAreDropped() {
        List<Bar> closed = new ArrayList<>(), corrections = new ArrayList<>();
        BarAggregator a = new BarAggregator(2000, WINDOW, false, sink(closed, corrections));
        a.onTrade(new Trade("SPY", T0 + 1_000, 10.0, 100, true));
        a.onWatermark(T0 + 62_000);
        assertThat(closed).hasSize(1);
        a.onWatermark(T0 + 5 * Bar.MINUTE);
        a.onTrade(new Trade("SPY", T0 + 30_000, 12.0, 50, true)); // 4 minutes late: corrects 09:30
        assertThat(corrections).singleElement().satisfies(b -> {
            assertThat(b.startMillis()).isEqualTo(T0);
            assertThat(b.high()).isEqualTo(12.0);
            assertThat(b.close()).isEqualTo(12.0);
            assertThat(b.volume()).isEqualTo(150);
        });
        a.onTrade(new Trade("SPY", T0 + 3 * Bar.MINUTE + 5_000, 11.0, 10, true)); // after the last bar: a plain bar
        a.onWatermark(T0 + 5 * Bar.MINUTE + 1);
        assertThat(closed).hasSize(2);
        a.onTrade(new Trade("SPY", T0 + 2 * Bar.MINUTE + 5_000, 11.0, 10, true)); // before it, without a bar: created
        assertThat(corrections).hasSize(2);
        assertThat(corrections.get(1).startMillis()).isEqualTo(T0 + 2 * Bar.MINUTE);
        a.onWatermark(T0 + 20 * Bar.MINUTE);
        a.onTrade(new Trade("SPY", T0 + 40_000, 13.0, 10, true)); // 19 minutes late: dropped
        assertThat(corrections).hasSize(2);
        assertThat(a.lateTrades()).isEqualTo(1);
        assertThat(a.corrections()).isEqualTo(2);
    }

    @Test
    void theClosingAuctionPrintClosesTheLastRegularBarAsTheVendorsBarsDo() {
        long close = java.time.LocalDateTime.of(2013, 10, 8, 16, 0)
                .atZone(io.tickstock.engine.session.NyseCalendar.NEW_YORK)
                .toInstant()
                .toEpochMilli();
        int auction = io.tickstock.engine.trades.LeanSaleConditions.bundled().updates(0x80, false);
        for (boolean convention : new boolean[] {true, false}) {
            List<Bar> closed = new ArrayList<>(), corrections = new ArrayList<>();
            BarAggregator a =
                    new BarAggregator(2000, WINDOW, false, convention, Integer.MAX_VALUE, sink(closed, corrections));
            a.onTrade(new Trade("BAC", close - 30_000, 14.20, 500, TradeUpdates.ALL)); // 15:59:30
            a.onWatermark(close + 6_881); // the 15:59 bar has closed
            a.onTrade(new Trade("BAC", close + 6_881, 14.25, 2_631_493, auction)); // NYSE's closing print, 16:00:06.881
            a.onWatermark(close + 2 * Bar.MINUTE + 2_000);
            if (convention) {
                assertThat(corrections).singleElement().satisfies(b -> {
                    assertThat(b.startMillis()).isEqualTo(close - Bar.MINUTE);
                    assertThat(b.close()).as("the official close").isEqualTo(14.25);
                    assertThat(b.volume()).isEqualTo(2_631_993);
                });
                assertThat(closed).extracting(Bar::startMillis).containsExactly(close - Bar.MINUTE);
            } else {
                assertThat(corrections).isEmpty();
                assertThat(closed).extracting(Bar::startMillis).containsExactly(close - Bar.MINUTE, close);
            }
        }
        // the day after Thanksgiving closes at 13:00: its closing print goes to 12:59
        long earlyClose = java.time.LocalDateTime.of(2026, 11, 27, 13, 0)
                .atZone(io.tickstock.engine.session.NyseCalendar.NEW_YORK)
                .toInstant()
                .toEpochMilli();
        assertThat(MarketSession.closingAuctionBar(earlyClose + 3_000)).isEqualTo(earlyClose - Bar.MINUTE);
        assertThat(MarketSession.closingAuctionBar(earlyClose + 6 * Bar.MINUTE))
                .as("too late for an auction print")
                .isEqualTo(-1);
    }

    @Test
    void massiveConditionRulesDecideWhichFieldsATradeUpdates() {
        List<Bar> closed = new ArrayList<>();
        BarAggregator a = new BarAggregator(2000, WINDOW, false, sink(closed, new ArrayList<>()));
        TradeConditions rules = TradeConditions.bundled();
        a.onTrade(new Trade("MSFT", T0 + 1_000, 10.0, 100, rules.minuteUpdates(new int[] {}))); // regular
        a.onTrade(new Trade(
                "MSFT", T0 + 2_000, 50.0, 7, rules.minuteUpdates(new int[] {12, 37}))); // odd lot: volume only
        a.onTrade(new Trade("MSFT", T0 + 3_000, 9.0, 100, rules.minuteUpdates(new int[] {12
        }))); // extended hours: all (minute bars)
        a.onTrade(new Trade("MSFT", T0 + 4_000, 11.0, 100, rules.minuteUpdates(new int[] {32
        }))); // out of sequence: high/low, volume
        a.onTrade(new Trade(
                "MSFT", T0 + 5_000, 99.0, 100, rules.minuteUpdates(new int[] {15}))); // official close marker: nothing
        a.flush();
        assertThat(closed).singleElement().satisfies(b -> {
            assertThat(b.open()).isEqualTo(10.0);
            assertThat(b.high()).isEqualTo(11.0);
            assertThat(b.low()).isEqualTo(9.0);
            assertThat(b.close()).isEqualTo(9.0);
            assertThat(b.volume()).isEqualTo(307);
        });
        assertThat(a.ineligibleTrades()).isEqualTo(1);
        assertThat(TradeUpdates.describe(rules.minuteUpdates(new int[] {5}))).isEqualTo("high_low|volume");
    }

    @Test
    void fillForwardFlagsMinutesWithoutTrades() {
        List<Bar> closed = new ArrayList<>();
        BarAggregator a = new BarAggregator(2000, WINDOW, true, sink(closed, new ArrayList<>()));
        a.onTrade(new Trade("SPY", T0 + 1_000, 10.0, 100, true));
        a.onTrade(new Trade("SPY", T0 + 3 * Bar.MINUTE + 1_000, 11.0, 100, true));
        a.onWatermark(T0 + 5 * Bar.MINUTE + 2_000);
        assertThat(closed).extracting(Bar::filled).containsExactly(false, true, true, false, true);
        assertThat(closed.get(1).close()).isEqualTo(10.0);
        assertThat(closed.get(1).volume()).isZero();
    }

    @Test
    void oneDayOfSpyGivesOneBarPerMinuteWithEligibleTrades() throws Exception {
        List<Bar> ours = new ArrayList<>();
        BarAggregator aggregator = new BarAggregator(2000, WINDOW, false, sink(ours, new ArrayList<>()));
        long trades = 0;
        try (LeanTickFile file = new LeanTickFile(MarketData.lean("tick/spy/20131008_trade.zip"))) {
            for (Trade t; (t = file.next()) != null; trades++) aggregator.onTrade(t);
        }
        aggregator.flush();
        List<Bar> lean = MarketData.bars(MarketData.lean("minute/spy/20131008_trade.zip"));

        assertThat(trades).isEqualTo(451_545);
        assertThat(ours).hasSize(lean.size());
        assertThat(ours.stream().map(Bar::startMillis).toList())
                .isEqualTo(lean.stream().map(Bar::startMillis).toList());
        assertThat(aggregator.lateTrades()).isZero();
    }

    @Test
    void barClosesByWatermarkWithoutANextTrade() {
        List<Bar> closed = new ArrayList<>();
        BarAggregator aggregator = new BarAggregator(2000, WINDOW, false, sink(closed, new ArrayList<>()));
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
    void aTradeForAClosedMinuteBeyondTheWindowIsCountedAsLate() {
        List<Bar> closed = new ArrayList<>(), corrections = new ArrayList<>();
        BarAggregator aggregator = new BarAggregator(2000, 0, false, sink(closed, corrections));
        aggregator.onTrade(new Trade("SPY", T0 + 1_000, 10.0, 100, true));
        aggregator.onWatermark(T0 + 70_000);
        aggregator.onTrade(new Trade("SPY", T0 + 59_000, 10.5, 100, true));
        assertThat(closed).hasSize(1);
        assertThat(corrections).isEmpty();
        assertThat(aggregator.lateTrades()).isEqualTo(1);
    }

    @Test
    void sessionsFollowNewYorkTime() {
        assertThat(MarketSession.of(T0 - 60_000)).isEqualTo(MarketSession.PRE);
        assertThat(MarketSession.of(T0)).isEqualTo(MarketSession.REGULAR);
        assertThat(MarketSession.of(T0 + 390 * 60_000L)).isEqualTo(MarketSession.POST);
    }

    @Test
    void symbolsBeyondTheMostKeptAreRefusedAndCounted() {
        List<Bar> closed = new ArrayList<>();
        BarAggregator a = new BarAggregator(2000, WINDOW, false, true, 2, sink(closed, new ArrayList<>()));
        long t = 1_381_239_000_000L;
        for (String symbol : List.of("SPY", "IBM", "AAPL", "SPY", "AAPL"))
            a.onTrade(new Trade(symbol, t, 100, 10, TradeUpdates.ALL));
        a.flush();
        assertThat(closed).extracting(Bar::symbol).containsExactlyInAnyOrder("SPY", "IBM");
        assertThat(a.refusedSymbolTrades()).isEqualTo(2);
    }
}
