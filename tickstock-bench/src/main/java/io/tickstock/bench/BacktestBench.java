package io.tickstock.bench;

import io.tickstock.contract.BacktestParameters;
import io.tickstock.engine.backtest.Backtest;
import io.tickstock.engine.backtest.PatternFilter;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.jobs.HistoricalBars;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backtest's speed on the recorded data, all 65 patterns, default rules, bars already in memory: 10 years of SPY's
 * daily bars (2011-04-01 to 2021-03-31), and every recorded regular-hours minute bar of SPY, IBM and BAC (6 days
 * each). Three warm-up runs, then the median of five. Single-threaded; not thread-safe.
 */
final class BacktestBench {
    private BacktestBench() {}

    /** {@code backtest_daily_ms_per_symbol} and {@code backtest_minute_ms}. */
    static Map<String, Object> run() throws Exception {
        HistoricalBars library = new HistoricalBars(BenchData.dataDir(), null); // the reader backtest jobs use
        List<Bar> daily = library.read("SPY", "daily", LocalDate.of(2011, 4, 1), LocalDate.of(2021, 3, 31));
        Map<String, List<Bar>> minute = new LinkedHashMap<>();
        for (String sym : List.of("SPY", "IBM", "BAC"))
            minute.put(sym, library.read(sym, "1min", LocalDate.of(2000, 1, 1), LocalDate.of(2030, 1, 1)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("backtest_daily_ms_per_symbol", median(Map.of("SPY", daily)));
        out.put("backtest_daily_bars", daily.size());
        out.put("backtest_minute_ms", median(minute));
        out.put(
                "backtest_minute_bars",
                minute.values().stream().mapToInt(List::size).sum());
        return out;
    }

    private static double median(Map<String, List<Bar>> bars) {
        PatternFilter all = PatternFilter.of(List.of("all"));
        double[] ms = new double[8];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            Backtest.runRaw(bars, all, BacktestParameters.DEFAULTS, f -> {}, () -> false);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] measured = Arrays.copyOfRange(ms, 3, ms.length);
        Arrays.sort(measured);
        return Math.round(measured[2] * 10) / 10.0;
    }
}
