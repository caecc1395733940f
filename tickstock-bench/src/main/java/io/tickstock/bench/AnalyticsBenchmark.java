package io.tickstock.bench;

import io.tickstock.engine.indicators.IndicatorSet;
import io.tickstock.engine.indicators.IndicatorSpec;
import io.tickstock.engine.patterns.CandlePatterns;
import io.tickstock.engine.patterns.PatternScanner;
import io.tickstock.engine.patterns.PricePatterns;
import io.tickstock.engine.pipeline.Pipeline;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Per-bar cost of the analytics on real minute bars (every recorded LEAN minute file, cycled):
 * the minimum indicator set, all 21 indicators, the 61 TA-Lib candlestick patterns, the four price
 * patterns, and one symbol's whole analytics as the pipeline runs it (all indicators, patterns, alerts).
 * One operation = one bar. Data folder from {@code -Dtickstock.data.dir} (default: the data folder beside the repository).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class AnalyticsBenchmark {
    private BarCycle bars;
    private IndicatorSet standard, all;
    private PatternScanner candles;
    private PricePatterns prices;
    private Pipeline pipeline;

    @Setup
    public void load() throws IOException {
        bars = new BarCycle();
        standard = IndicatorSpec.STANDARD.newSet();
        all = IndicatorSpec.ALL.newSet();
        candles = new PatternScanner(CandlePatterns.taLib());
        prices = new PricePatterns();
        pipeline = new Pipeline(Pipeline.Options.defaults().withIndicators(IndicatorSpec.ALL), BarCloseBurst.NO_OP);
    }

    @Benchmark
    public Object indicatorsStandardSet() {
        return standard.update(bars.next());
    }

    @Benchmark
    public Object indicatorsAll21() {
        return all.update(bars.next());
    }

    @Benchmark
    public int[] candlePatternsAll61() {
        candles.add(bars.next());
        return candles.outputs();
    }

    @Benchmark
    public int[] pricePatterns() {
        prices.add(bars.next());
        return prices.outputs();
    }

    @Benchmark
    public void symbolAnalyticsAll(Blackhole bh) {
        pipeline.onBar(bars.next());
        bh.consume(pipeline.closedBars());
    }
}
