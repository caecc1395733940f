package io.tickstock.bench;

import io.tickstock.engine.indicators.IndicatorSet;
import io.tickstock.engine.indicators.IndicatorSpec;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Per-bar cost of each indicator alone (TA-Lib names and parameters as {@code --indicators} takes them), on the real minute bars. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class IndicatorBenchmark {
    @Param({
        "RSI:14",
        "SMA:20",
        "SMA:200",
        "EMA:12",
        "MACD:12:26:9",
        "BBANDS:20:2",
        "ATR:14",
        "NATR:14",
        "STOCH:5:3:3",
        "STOCHRSI:14:5:3",
        "ADX:14",
        "PLUS_DI:14",
        "MINUS_DI:14",
        "CCI:14",
        "MFI:14",
        "OBV",
        "WILLR:14",
        "ROC:10",
        "VWAP"
    })
    public String indicator;

    private BarCycle bars;
    private IndicatorSet set;

    @Setup
    public void load() throws IOException {
        bars = new BarCycle();
        set = IndicatorSpec.parse(indicator).newSet();
    }

    @Benchmark
    public Object update() {
        return set.update(bars.next());
    }
}
