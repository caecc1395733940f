package io.tickstock.bench;

import io.tickstock.engine.feed.LeanTickFile;
import io.tickstock.engine.feed.MergedTradeSource;
import io.tickstock.engine.health.EngineStats;
import io.tickstock.engine.indicators.IndicatorSpec;
import io.tickstock.engine.pipeline.Pipeline;
import io.tickstock.engine.publish.EventEmitter;
import io.tickstock.engine.session.SessionTrigger;
import io.tickstock.engine.session.StreamingSession;
import io.tickstock.engine.trades.Trade;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine's replay on one thread without I/O: LEAN tick text already in memory → decode → eligibility → bars
 * → all 21 indicator series → 61 TA-Lib + 4 price patterns → alerts → the contract's events as JSON and history
 * rows, handed to {@link CountingSinks} instead of Redis and PostgreSQL. The shard's work, as the engine's
 * {@code replay} does it at maximum speed (a watermark each second of event time).
 */
public final class NoIoReplay {
    /** What one replay made; {@code nanos}: wall time of the loop; {@code commands} Redis commands (events) and {@code rows} history rows made */
    public record Result(long trades, long commands, long rows, long bytes, long nanos) {
        public double tradesPerSecond() {
            return trades * 1e9 / nanos;
        }
    }

    private NoIoReplay() {}

    /** Replays {@code ticks} (symbol → CSV text of {@code date}) from {@code fromMillis}. @throws IOException never in practice (in-memory text) */
    public static Result run(Map<String, String> ticks, LocalDate date, long fromMillis) throws IOException {
        CountingSinks sinks = new CountingSinks();
        EventEmitter emitter = new EventEmitter(sinks, sinks, new EngineStats(), System::currentTimeMillis);
        emitter.session(new StreamingSession("bench", ticks.size(), SessionTrigger.REPLAY, System.currentTimeMillis()));
        Pipeline pipeline = new Pipeline(Pipeline.Options.defaults().withIndicators(IndicatorSpec.ALL), emitter);
        List<LeanTickFile> files = new ArrayList<>();
        ticks.forEach((symbol, csv) -> files.add(new LeanTickFile(symbol, date, new StringReader(csv))));
        long start = System.nanoTime(), trades = 0, lastSecond = Long.MIN_VALUE;
        try (MergedTradeSource source = new MergedTradeSource(files, fromMillis)) {
            for (Trade t; (t = source.next()) != null; ) {
                long second = t.timeMillis() / 1000;
                if (second != lastSecond) {
                    pipeline.onWatermark(t.timeMillis());
                    lastSecond = second;
                }
                pipeline.onTrade(t);
                trades++;
            }
            pipeline.flush();
        }
        return new Result(trades, sinks.commands, sinks.rows, sinks.bytes, System.nanoTime() - start);
    }
}
