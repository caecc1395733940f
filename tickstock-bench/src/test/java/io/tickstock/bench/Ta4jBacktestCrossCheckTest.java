package io.tickstock.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickstock.contract.BacktestParameters;
import io.tickstock.contract.IsoTime;
import io.tickstock.engine.backtest.Backtest;
import io.tickstock.engine.backtest.PatternFilter;
import io.tickstock.engine.backtest.SignalScanner;
import io.tickstock.engine.backtest.Trade;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.jobs.HistoricalBars;
import io.tickstock.engine.patterns.Detection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 18's independent check: TickStock's backtest and the same signals and rules run through ta4j ({@link
 * Ta4jBacktest}) give the same trades and the same total return within 1e-9, on the recorded data: 10 years of SPY's
 * daily bars, and every recorded minute bar of SPY, IBM and BAC; with the job's default parameters, with tight stops
 * and targets (so most exits are stops and targets, many through gaps), and long only.
 */
class Ta4jBacktestCrossCheckTest {
    private static final BacktestParameters TIGHT =
            new BacktestParameters(50_000, 0.002, 0.001, 1.0, 0.004, 0.006, 7, true);
    private static final BacktestParameters LONG_ONLY =
            new BacktestParameters(100_000, 0.001, 0.0005, 0.25, 0.03, 0.05, 10, false);

    static Stream<Arguments> runs() {
        List<Arguments> out = new ArrayList<>();
        for (BacktestParameters p : List.of(BacktestParameters.DEFAULTS, TIGHT, LONG_ONLY)) {
            out.add(Arguments.of("SPY", "daily", p));
            for (String symbol : List.of("SPY", "IBM", "BAC")) out.add(Arguments.of(symbol, "1min", p));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("runs")
    void ta4jGivesTheSameTradesAndTotalReturn(String symbol, String timeframe, BacktestParameters p) throws Exception {
        List<Bar> bars = new HistoricalBars(BenchData.dataDir(), null)
                .read(symbol, timeframe, LocalDate.of(2011, 4, 1), LocalDate.of(2021, 3, 31));
        Backtest.Result ours =
                Backtest.runRaw(Map.of(symbol, bars), PatternFilter.of(List.of("all")), p, f -> {}, () -> false);
        List<Ta4jBacktest.RoundTrip> theirs = new Ta4jBacktest(bars, p).run(signals(bars, p));

        assertThat(ours.trades()).as("trades").hasSize(theirs.size()).hasSizeGreaterThan(20);
        double pnl = 0;
        for (int k = 0; k < theirs.size(); k++) {
            Trade t = ours.trades().get(k);
            Ta4jBacktest.RoundTrip r = theirs.get(k);
            String at = "trade " + k + " " + t;
            assertThat(t.side()).as(at).isEqualTo(r.isLong() ? "long" : "short");
            assertThat(t.entryTime())
                    .as(at)
                    .isEqualTo(IsoTime.format(bars.get(r.entryIndex()).startMillis()));
            assertThat(t.exitTime())
                    .as(at)
                    .isEqualTo(IsoTime.format(bars.get(r.exitIndex()).startMillis()));
            assertThat(t.shares()).as(at).isEqualTo(r.shares());
            assertThat(t.entryPrice()).as(at).isCloseTo(r.entryPrice(), within(1e-9 * r.entryPrice()));
            assertThat(t.exitPrice()).as(at).isCloseTo(r.exitPrice(), within(1e-9 * r.exitPrice()));
            assertThat(t.commission()).as(at).isCloseTo(r.commission(), within(1e-6));
            assertThat(t.pnl()).as(at).isCloseTo(r.pnl(), within(1e-6));
            pnl += r.pnl();
        }
        assertThat(ours.summary().totalReturn()).isCloseTo(pnl / p.initialCapital(), within(1e-9));
        assertThat(ours.summary().finalEquity()).isCloseTo(p.initialCapital() + pnl, within(1e-9 * p.initialCapital()));
        System.out.printf(
                "ta4j cross-check %s %s: %d bars, %d trades, total return %.6f (ta4j %.6f)%n",
                symbol, timeframe, bars.size(), theirs.size(), ours.summary().totalReturn(), pnl / p.initialCapital());
    }

    /**
     * The signal of each bar, chosen as the rules state: the most confident bullish (or, when shorts are allowed,
     * bearish) detection, the first on a tie; null for none.
     */
    private static List<@Nullable Detection> signals(List<Bar> bars, BacktestParameters p) {
        List<@Nullable Detection> out = new ArrayList<>();
        for (List<Detection> found : SignalScanner.scan(bars)) {
            Detection best = null;
            for (Detection d : found)
                if ((d.direction().equals("bullish")
                                || (p.allowShort() && d.direction().equals("bearish")))
                        && (best == null || d.confidence() > best.confidence())) best = d;
            out.add(best);
        }
        return out;
    }
}
