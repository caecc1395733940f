package io.tickstock.engine;

import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import io.tickstock.engine.feed.TradeSource;
import io.tickstock.engine.health.StaleSymbols;
import io.tickstock.engine.session.FinalStatus;
import io.tickstock.engine.session.SessionTrigger;
import io.tickstock.engine.session.StreamingSession;
import io.tickstock.engine.trades.ReplayWindow;
import io.tickstock.engine.trades.Trade;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replay session (trigger {@code replay}): a time-ordered trade source run through a fresh pipeline at the
 * configured speed, the watermark advanced by {@link ReplayClock} between trades, resuming the session an interrupted
 * engine left open, and stopped early by an operator's {@code stop}. Runs on the calling thread.
 */
final class ReplayRunner {
    private final SessionParts parts;
    private static final Logger LOG = LoggerFactory.getLogger(ReplayRunner.class);
    static final long STALE_MILLIS = 5 * 60_000;

    private volatile long replayTime = Long.MIN_VALUE;

    ReplayRunner(SessionParts parts) {
        this.parts = parts;
    }

    /** Event time the replay has reached (epoch ms, updated every 1,024 trades); MIN_VALUE before it starts. */
    long replayTimeMillis() {
        return replayTime;
    }

    /**
     * Replays {@code source} from {@code fromMillis} until {@code toMillis} (event time, epoch ms; trades at or after it
     * are not read) and returns the session's totals; closes the source.
     *
     * @param symbolCount the universe's size, published with the session
     * @throws IOException when the source cannot be read (the session ends as {@code failed})
     */
    Events.SessionEnd run(TradeSource source, int symbolCount, long fromMillis, long toMillis) throws IOException {
        StaleSymbols stale = new StaleSymbols(STALE_MILLIS);
        try (Shards shards = new Shards(
                parts.config().shards(),
                parts.config().analytics(),
                parts.emitter(),
                bar -> stale.onBar(bar.symbol(), bar.startMillis()))) {
            return run(source, symbolCount, fromMillis, toMillis, shards, stale);
        }
    }

    private Events.SessionEnd run(
            TradeSource source, int symbolCount, long fromMillis, long toMillis, Shards pipeline, StaleSymbols stale)
            throws IOException {
        SessionResumer.Resumed resumed = null;
        if (parts.config().resumeReplay())
            resumed = parts.resumer().resume(SessionTrigger.REPLAY, fromMillis, toMillis, pipeline);
        else parts.resumer().closeOpen();
        StreamingSession s = resumed != null
                ? resumed.session()
                : new StreamingSession(
                        parts.config().universe(),
                        symbolCount,
                        SessionTrigger.REPLAY,
                        parts.clock().getAsLong());
        parts.sessions().start(s, resumed != null);
        Map<String, Long> resumeAt = resumed == null ? Map.of() : resumed.resumeAt();
        FinalStatus finalStatus = FinalStatus.COMPLETED;
        try (TradeSource feed = source) {
            ReplayClock replayClock = new ReplayClock(
                    resumed == null ? fromMillis : Math.max(fromMillis, resumed.earliest()),
                    parts.config().speed());
            Outcome outcome = replayTrades(feed, pipeline, replayClock, stale, resumeAt, fromMillis, toMillis);
            finalStatus = outcome.status();
            long skipped = outcome.skipped();
            pipeline.flush();
            parts.stats().lateTrades.addAndGet(pipeline.lateTrades());
            parts.stats().beyondMaxSymbols.addAndGet(pipeline.refusedSymbolTrades());
            parts.stats().staleSymbols(List.of());
            if (finalStatus == FinalStatus.COMPLETED) {
                parts.outputs()
                        .notice(
                                "market_feed",
                                "info",
                                "Replay feed reached the end of the recorded trades; stopping the session",
                                null);
            }
            LOG.info(
                    "replay done: {} trades, {} bars, {} late, {} ineligible, {} malformed lines, {} skipped as already published",
                    pipeline.trades(),
                    pipeline.closedBars(),
                    pipeline.lateTrades(),
                    pipeline.ineligibleTrades(),
                    feed.malformed(),
                    skipped);
        } catch (IOException | RuntimeException e) {
            finalStatus = FinalStatus.FAILED;
            throw e;
        } finally {
            parts.sessions().stop(s, finalStatus);
        }
        return s.end(parts.clock().getAsLong(), finalStatus);
    }

    /** How the trade loop ended, and how many trades it skipped as already published before a resume. */
    private record Outcome(FinalStatus status, long skipped) {}

    /** Feeds the trades before {@code toMillis} to the pipeline on the replay clock, until the end or an operator's stop. */
    private Outcome replayTrades(
            TradeSource feed,
            Shards pipeline,
            ReplayClock replayClock,
            StaleSymbols stale,
            Map<String, Long> resumeAt,
            long replayDay,
            long toMillis)
            throws IOException {
        long skipped = 0, lastStaleCheck = 0;
        ReplayWindow window = ReplayWindow.ofDay(replayDay);
        Runnable beat = () -> parts.stats().progress.beat(parts.clock().getAsLong()); // a liveness beat
        BooleanSupplier running =
                () -> { // beats; false once the operator sent stop (also while waiting for the writer)
                    beat.run();
                    return !"stop".equals(parts.commands().poll());
                };
        for (Trade t; (t = feed.next()) != null && t.timeMillis() < toMillis; ) {
            if (!window.accepts(t)) {
                parts.stats().outsideWindow.incrementAndGet();
                continue;
            }
            if (!resumeAt.isEmpty() && t.timeMillis() < resumeAt.getOrDefault(t.symbol(), Long.MIN_VALUE)) {
                skipped++;
                continue;
            }
            if ((parts.stats().trades.get() & 1023) == 0) {
                replayTime = t.timeMillis();
                if (!running.getAsBoolean() || !parts.outputs().awaitWriterRoom(running)) {
                    LOG.info("replay stopped by the operator at {}", IsoTime.format(t.timeMillis()));
                    return new Outcome(FinalStatus.STOPPED, skipped);
                }
            }
            while (replayClock.now() < t.timeMillis()) {
                pipeline.onWatermark(replayClock.now());
                replayClock.pause(t.timeMillis());
                beat.run();
            }
            pipeline.onTrade(t);
            parts.stats().trades.incrementAndGet();
            if (t.timeMillis() - lastStaleCheck >= 60_000) {
                lastStaleCheck = t.timeMillis();
                parts.stats().activeSymbols(stale.symbols());
                parts.stats().staleSymbols(stale.at(t.timeMillis()));
            }
        }
        return new Outcome(FinalStatus.COMPLETED, skipped);
    }
}
