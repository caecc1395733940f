package io.tickstock.engine.backtest;

import io.tickstock.contract.BacktestParameters;
import io.tickstock.contract.IsoTime;
import io.tickstock.engine.adjustment.AdjustedBars;
import io.tickstock.engine.adjustment.SplitGap;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.patterns.Detection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * One backtest: the detections of each symbol's bars ({@link SignalScanner}), traded by {@link Simulation}'s rules,
 * measured by {@link Statistics} and {@link ForwardReturns}. Pure; each call independent.
 */
public final class Backtest {
    private Backtest() {}

    /** A point of the equity curve: ISO-8601 UTC bar time, mark-to-market equity in dollars. */
    public record CurvePoint(String timestamp, double equity) {}

    /**
     * A backtest's results (the job's {@code results}), serialized with snake_case names.
     *
     * @param bars           bars read per symbol
     * @param adjustment     per symbol, the price adjustment applied: {@code raw}, {@code split} or {@code adjusted}
     * @param warnings       readable lines: symbols without a factor file, split-like gaps of raw bars
     * @param forwardReturns {@link ForwardReturns#table()}
     * @param benchmarkCurve {@link Benchmark}'s equity at the equity curve's times
     */
    public record Result(
            Statistics.Summary summary,
            BacktestParameters parameters,
            Map<String, Integer> bars,
            Map<String, String> adjustment,
            List<String> warnings,
            List<Statistics.PatternSymbol> byPatternSymbol,
            List<Map<String, Object>> forwardReturns,
            List<CurvePoint> equityCurve,
            List<CurvePoint> benchmarkCurve,
            List<Trade> trades,
            Map<String, List<Candle>> candles) {
        /** This result without its charts' bars (what {@code backtest_result} carries; the stored result has them). */
        public Result withoutCandles() {
            return new Result(
                    summary,
                    parameters,
                    bars,
                    adjustment,
                    warnings,
                    byPatternSymbol,
                    forwardReturns,
                    equityCurve,
                    benchmarkCurve,
                    trades,
                    Map.of());
        }
    }

    /**
     * A bar for a chart of the result: start in epoch seconds (UTC), OHLC in dollars. A result carries every symbol's
     * bars when all of them together are at most {@value #MAX_CANDLES}, so a page can draw the trades on candles; else none.
     */
    public record Candle(long time, double open, double high, double low, double close) {}

    /** Most bars (all symbols together) a result carries for its charts. */
    public static final int MAX_CANDLES = 50_000;

    private static List<CurvePoint> curve(List<Simulation.EquityPoint> points) {
        List<CurvePoint> curve = new ArrayList<>(points.size());
        for (Simulation.EquityPoint p : points) curve.add(new CurvePoint(IsoTime.format(p.timeMillis()), p.equity()));
        return curve;
    }

    private static Map<String, List<Candle>> candles(Map<String, List<Bar>> barsBySymbol) {
        int total = barsBySymbol.values().stream().mapToInt(List::size).sum();
        if (total > MAX_CANDLES) return Map.of();
        Map<String, List<Candle>> out = new LinkedHashMap<>();
        barsBySymbol.forEach((symbol, bars) -> out.put(
                symbol,
                bars.stream()
                        .map(b -> new Candle(b.startMillis() / 1000, b.open(), b.high(), b.low(), b.close()))
                        .toList()));
        return out;
    }

    /** {@link #run(Map, PatternFilter, BacktestParameters, DoubleConsumer, BooleanSupplier)} over raw bars. */
    public static Result runRaw(
            Map<String, List<Bar>> barsBySymbol,
            PatternFilter patterns,
            BacktestParameters parameters,
            DoubleConsumer progress,
            BooleanSupplier cancelled) {
        Map<String, AdjustedBars> in = new LinkedHashMap<>();
        barsBySymbol.forEach((symbol, bars) -> in.put(symbol, AdjustedBars.raw(symbol, bars)));
        return run(in, patterns, parameters, progress, cancelled);
    }

    /**
     * Runs a backtest over {@code barsBySymbol} (each symbol's bars in time order, as adjusted; no position is held
     * across a split-like gap of raw bars).
     *
     * @param progress  the fraction done, 0..1, now and then (scanning is the first half, trading the second)
     * @param cancelled asked at every symbol and every 10,000 bars while scanning, every 1,024 while trading; true stops
     *                  the run
     * @return the results
     * @throws IllegalArgumentException when no symbol has a bar
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public static Result run(
            Map<String, AdjustedBars> barsBySymbol,
            PatternFilter patterns,
            BacktestParameters parameters,
            DoubleConsumer progress,
            BooleanSupplier cancelled) {
        Map<String, String> adjustment = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        Map<String, List<Bar>> chart = new LinkedHashMap<>();
        List<Simulation.Series> series = new ArrayList<>();
        ForwardReturns forward = new ForwardReturns(patterns);
        Map<String, Integer> barCounts = new LinkedHashMap<>();
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        int done = 0;
        for (var e : barsBySymbol.entrySet()) {
            List<Bar> bars = e.getValue().bars();
            if (bars.isEmpty()) continue;
            if (cancelled.getAsBoolean()) throw new CancellationException("cancelled");
            List<List<Detection>> detections = SignalScanner.scan(bars, cancelled);
            Map<Integer, Double> splits = new LinkedHashMap<>();
            for (SplitGap g : e.getValue().splitGaps()) splits.put(g.index(), g.shareRatio());
            series.add(new Simulation.Series(e.getKey(), bars, detections, splits));
            forward.add(e.getKey(), bars, detections, e.getValue().gapIndices());
            adjustment.put(e.getKey(), e.getValue().applied().wireName());
            warnings.addAll(e.getValue().warnings());
            chart.put(e.getKey(), bars);
            barCounts.put(e.getKey(), bars.size());
            first = Math.min(first, bars.getFirst().startMillis());
            last = Math.max(last, bars.getLast().startMillis());
            progress.accept(0.5 * ++done / barsBySymbol.size());
        }
        if (series.isEmpty()) throw new IllegalArgumentException("no bars in the range for any symbol");
        Simulation.Outcome o =
                new Simulation(parameters, patterns).run(series, f -> progress.accept(0.5 + 0.5 * f), cancelled);
        Benchmark.Outcome benchmark = Benchmark.buyAndHold(series, parameters, o.equity());
        return new Result(
                Statistics.summary(parameters, o.trades(), o.equity(), benchmark.finalEquity(), first, last),
                parameters,
                barCounts,
                adjustment,
                warnings,
                Statistics.byPatternAndSymbol(
                        parameters,
                        o.trades(),
                        barCounts,
                        first,
                        last,
                        Statistics.dailyReturns(o.equity(), parameters.initialCapital())
                                .size()),
                forward.table(),
                curve(o.equity()),
                curve(benchmark.curve()),
                o.trades(),
                candles(chart));
    }
}
