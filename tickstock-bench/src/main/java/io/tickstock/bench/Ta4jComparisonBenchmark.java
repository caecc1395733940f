package io.tickstock.bench;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.indicators.IndicatorSet;
import io.tickstock.engine.indicators.IndicatorSpec;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
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
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * TickStock vs ta4j-core 0.22.2 on the same real minute bars, one bar per operation, the the integration contract minimum
 * indicator set: RSI 14, SMA 20/50/200, EMA 12/26, MACD 12/26/9 (line, signal, histogram), Bollinger 20/2
 * (upper, middle, lower). ta4j gets its fastest setup: {@code DoubleNum}, a series bounded to 400 bars (a
 * streaming app cannot keep every bar), each output read at the new end index (ta4j computes lazily and caches).
 * TickStock: {@link IndicatorSet#update} of the same set.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class Ta4jComparisonBenchmark {
    private static final Instant BASE = Instant.parse("2020-01-02T14:31:00Z");
    private BarCycle bars;
    private long minute;
    private IndicatorSet tickstock;
    private BarSeries series;
    private NumericIndicator[] ta4j;

    @Setup
    public void load() throws IOException {
        bars = new BarCycle();
        tickstock = IndicatorSpec.STANDARD.newSet();
        series = new BaseBarSeriesBuilder()
                .withName("BENCH")
                .withNumFactory(DoubleNumFactory.getInstance())
                .withMaxBarCount(400)
                .build();
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        SMAIndicator middle = new SMAIndicator(close, 20);
        NumericIndicator sd = NumericIndicator.of(new StandardDeviationIndicator(close, 20));
        NumericIndicator mid = NumericIndicator.of(middle);
        ta4j = new NumericIndicator[] {
            NumericIndicator.of(new RSIIndicator(close, 14)),
            mid,
            NumericIndicator.of(new SMAIndicator(close, 50)),
            NumericIndicator.of(new SMAIndicator(close, 200)),
            NumericIndicator.of(new EMAIndicator(close, 12)),
            NumericIndicator.of(new EMAIndicator(close, 26)),
            NumericIndicator.of(macd),
            NumericIndicator.of(macd.getSignalLine(9)),
            macd.getHistogram(9),
            mid.plus(sd.multipliedBy(2)),
            mid.minus(sd.multipliedBy(2))
        };
    }

    @Benchmark
    public Object tickstockStandardSet() {
        return tickstock.update(bars.next());
    }

    @Benchmark
    public void ta4jStandardSet(Blackhole bh) {
        Bar b = bars.next();
        series.barBuilder()
                .timePeriod(Duration.ofMinutes(1))
                .endTime(BASE.plusSeconds(60 * ++minute))
                .openPrice(b.open())
                .highPrice(b.high())
                .lowPrice(b.low())
                .closePrice(b.close())
                .volume(b.volume())
                .add();
        int end = series.getEndIndex();
        for (NumericIndicator i : ta4j) bh.consume(i.getValue(end));
    }
}
