package io.tickstock.bench;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.bars.BarAggregator;
import io.tickstock.engine.feed.LeanTickFile;
import io.tickstock.engine.feed.MergedTradeSource;
import io.tickstock.engine.trades.Trade;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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

/**
 * Per-trade cost of the feed's first stages on the real LEAN ticks of 2013-10-08 (AIG, BAC, IBM, SPY; 651,709
 * trades held in memory): decoding a CSV line into a {@link Trade} (with LEAN's sale-condition eligibility), and
 * aggregating decoded trades into 1-minute bars (watermark, grace, corrections). One operation = one trade.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class TradeBenchmark {
    static final LocalDate DAY = LocalDate.of(2013, 10, 8);
    private String spy;
    private LeanTickFile decoder;
    private Trade[] trades;
    private int next;
    private BarAggregator bars;
    private long barsClosed;

    @Setup
    public void load() throws IOException {
        Map<String, String> text = BenchData.tickText("20131008");
        spy = Objects.requireNonNull(text.get("SPY"), "SPY ticks of 2013-10-08");
        decoder = new LeanTickFile("SPY", DAY, new StringReader(spy));
        List<LeanTickFile> files = new ArrayList<>();
        text.forEach((s, csv) -> files.add(new LeanTickFile(s, DAY, new StringReader(csv))));
        List<Trade> list = new ArrayList<>();
        try (MergedTradeSource all = new MergedTradeSource(files, 0)) {
            for (Trade t; (t = all.next()) != null; ) list.add(t);
        }
        trades = list.toArray(Trade[]::new);
        bars = newAggregator();
    }

    private BarAggregator newAggregator() {
        return new BarAggregator(2_000, 15 * Bar.MINUTE, false, new BarAggregator.Sink() {
            @Override
            public void onBar(Bar bar) {
                barsClosed++;
            }

            @Override
            public void onCorrection(Bar bar, int revision) {
                barsClosed++;
            }
        });
    }

    @Benchmark
    public @Nullable Trade decode() throws IOException {
        Trade t = decoder.next();
        if (t == null) { // end of SPY's day: start over
            decoder = new LeanTickFile("SPY", DAY, new StringReader(spy));
            t = decoder.next();
        }
        return t;
    }

    @Benchmark
    public long aggregate() {
        Trade t = trades[next];
        if (++next == trades.length) { // end of the day: a fresh aggregator for the next pass (time order kept)
            next = 0;
            bars = newAggregator();
        }
        bars.onWatermark(t.timeMillis());
        bars.onTrade(t);
        return barsClosed;
    }
}
