package io.tickstock.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickstock.contract.Adjustment;
import io.tickstock.contract.BacktestParameters;
import io.tickstock.contract.IsoTime;
import io.tickstock.engine.MarketData;
import io.tickstock.engine.adjustment.AdjustedBars;
import io.tickstock.engine.jobs.HistoricalBars;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AAPL's 7:1 split of 2014-06-09 in a backtest of its daily and minute bars: never booked as a move. */
class SplitBacktestTest {
    static final long SPLIT = IsoTime.parseMillis("2014-06-09T04:00:00Z"); // New York midnight, 2014-06-09
    /** Positions of 20 bars, stops and targets far away, so one is open over the split. */
    static final BacktestParameters WIDE = new BacktestParameters(100_000, 0.001, 0.0005, 0.5, 0.95, 50, 20, true);

    static Backtest.Result run(String timeframe, Adjustment adjustment) throws Exception {
        AdjustedBars bars = new HistoricalBars(MarketData.root(), null)
                .read("AAPL", timeframe, LocalDate.of(2014, 1, 1), LocalDate.of(2014, 12, 31), adjustment);
        return Backtest.run(Map.of("AAPL", bars), PatternFilter.of(List.of("all")), WIDE, f -> {}, () -> false);
    }

    @Test
    void noTradeBooksTheSplitAdjustedOrRaw() throws Exception {
        for (String timeframe : List.of("daily", "1min")) {
            Backtest.Result adjusted = run(timeframe, Adjustment.ADJUSTED);
            assertThat(adjusted.adjustment()).containsEntry("AAPL", "adjusted");
            assertThat(adjusted.warnings()).isEmpty();
            assertThat(adjusted.trades()).isNotEmpty();
            for (Trade t : adjusted.trades())
                assertThat(Math.abs(t.returnPct())).isLessThan(0.3);

            Backtest.Result raw = run(timeframe, Adjustment.RAW);
            assertThat(raw.adjustment()).containsEntry("AAPL", "raw");
            assertThat(raw.warnings()).singleElement().asString().contains("2014-06-09", "7:1");
            for (Trade t : raw.trades()) {
                boolean across =
                        IsoTime.parseMillis(t.entryTime()) < SPLIT && IsoTime.parseMillis(t.exitTime()) >= SPLIT;
                assertThat(across).as("%s held across the split", t).isFalse();
                assertThat(Math.abs(t.returnPct())).isLessThan(0.3);
            }
            assertThat(raw.trades()).anyMatch(t -> t.exitReason().equals("split_gap"));
            // buy and hold carries the raw gap as a split: both benchmarks see the same move
            assertThat(raw.summary().benchmarkReturn())
                    .isCloseTo(adjusted.summary().benchmarkReturn(), within(0.05));
        }
    }

    @Test
    void forwardReturnsNeverSpanTheRawGap() throws Exception {
        Backtest.Result raw = run("daily", Adjustment.RAW);
        for (Map<String, Object> row : raw.forwardReturns()) {
            Object mean = row.get("mean_return");
            if (mean != null)
                assertThat(Math.abs(((Number) mean).doubleValue())).isLessThan(0.5);
        }
    }
}
