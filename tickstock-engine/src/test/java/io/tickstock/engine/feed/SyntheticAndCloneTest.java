package io.tickstock.engine.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.engine.MarketData;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.bars.BarAggregator;
import io.tickstock.engine.trades.Trade;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SyntheticAndCloneTest {
    static final LocalDate DAY = LocalDate.of(2024, 6, 3);

    private static List<Bar> bars(TradeSource source) throws IOException {
        List<Bar> bars = new ArrayList<>();
        // prints at their time stamps (the closing auction convention would make the 16:00 print a correction of 15:59)
        BarAggregator a =
                new BarAggregator(2000, 15 * Bar.MINUTE, false, false, Integer.MAX_VALUE, new BarAggregator.Sink() {
                    @Override
                    public void onBar(Bar bar) {
                        bars.add(bar);
                    }

                    @Override
                    public void onCorrection(Bar bar, int revision) {
                        throw new AssertionError("time-ordered input has no late trades");
                    }
                });
        long previous = Long.MIN_VALUE;
        try (source) {
            for (Trade t; (t = source.next()) != null; ) {
                assertThat(t.timeMillis()).isGreaterThanOrEqualTo(previous);
                previous = t.timeMillis();
                a.onWatermark(t.timeMillis());
                a.onTrade(t);
            }
        }
        a.flush();
        return bars;
    }

    @Test
    void syntheticUniverseIsReproducibleRealisticAndInSessionHours() throws IOException {
        List<String> symbols = Universes.bundled().symbols(Universes.DEFAULT, 20);
        List<Bar> first = bars(new SyntheticTrades(symbols, DAY, 42));
        assertThat(bars(new SyntheticTrades(symbols, DAY, 42)))
                .as("same seed, same bars")
                .isEqualTo(first);
        assertThat(bars(new SyntheticTrades(symbols, DAY, 43))).isNotEqualTo(first);

        Map<String, Integer> perSymbol = new TreeMap<>();
        for (Bar b : first) perSymbol.merge(b.symbol(), 1, Integer::sum);
        assertThat(perSymbol).hasSize(20);
        assertThat(first).allSatisfy(b -> {
            assertThat(b.session()).isEqualTo(io.tickstock.engine.bars.MarketSession.REGULAR);
            assertThat(b.low()).isPositive().isLessThanOrEqualTo(b.high());
        });
        // U-shaped volume: the first and last half hours trade more than the middle of the day
        long open = 0, midday = 0, close = 0;
        SyntheticTrades t = new SyntheticTrades(symbols, DAY, 42);
        for (Bar b : first) {
            long minute = (b.startMillis() - t.openMillis()) / Bar.MINUTE;
            if (minute < 30) open += b.tradeCount();
            else if (minute >= 180 && minute < 210) midday += b.tradeCount();
            else if (minute >= 360) close += b.tradeCount();
        }
        assertThat(open).isGreaterThan(2 * midday);
        assertThat(close).isGreaterThan(2 * midday);
    }

    @Test
    void clonesRenameAndPerturbEveryRealTrade() throws IOException {
        TradeSource spy = new LeanTickFile(MarketData.lean("tick/spy/20131008_trade.zip"));
        List<Trade> trades = new ArrayList<>();
        try (CloneTrades clones = new CloneTrades(spy, 3)) {
            for (int i = 0; i < 6; i++) trades.add(clones.next());
        }
        assertThat(trades)
                .extracting(Trade::symbol)
                .containsExactly("SPY.1", "SPY.2", "SPY.3", "SPY.1", "SPY.2", "SPY.3");
        assertThat(trades.get(0).timeMillis()).isEqualTo(trades.get(2).timeMillis());
        assertThat(trades.get(2).price()).isGreaterThan(trades.get(0).price());
        assertThatThrownBy(() -> new CloneTrades(spy, 0)).hasMessageContaining("--clones");
    }

    @Test
    void universesNameTheirSymbolsAndRejectUnknownNames() {
        Universes u = Universes.bundled();
        assertThat(u.symbols(Universes.DEFAULT))
                .hasSize(500)
                .doesNotHaveDuplicates()
                .contains("AAPL", "ON");
        assertThat(u.symbols("lean:recorded")).containsExactly("AIG", "BAC", "IBM", "SPY");
        assertThat(u.symbols("etf:core", 12)).hasSize(12).endsWith("SYN00011", "SYN00012");
        assertThatThrownBy(() -> u.symbols("nope", 5))
                .hasMessageContaining("unknown universe 'nope'")
                .hasMessageContaining(Universes.DEFAULT);
    }

    @Test
    void leanReplayIsDeterministic() throws IOException {
        List<Bar> a = bars(new MergedTradeSource(
                List.of(
                        new LeanTickFile(MarketData.lean("tick/ibm/20131008_trade.zip")),
                        new LeanTickFile(MarketData.lean("tick/bac/20131008_trade.zip"))),
                Long.MIN_VALUE));
        List<Bar> b = bars(new MergedTradeSource(
                List.of(
                        new LeanTickFile(MarketData.lean("tick/bac/20131008_trade.zip")),
                        new LeanTickFile(MarketData.lean("tick/ibm/20131008_trade.zip"))),
                Long.MIN_VALUE));
        assertThat(b)
                .as("the same trades, whatever the order the files are given in")
                .containsExactlyInAnyOrderElementsOf(a);
        List<Bar> again = bars(new MergedTradeSource(
                List.of(
                        new LeanTickFile(MarketData.lean("tick/ibm/20131008_trade.zip")),
                        new LeanTickFile(MarketData.lean("tick/bac/20131008_trade.zip"))),
                Long.MIN_VALUE));
        assertThat(again).as("same input, same sequence").isEqualTo(a);
    }
}
