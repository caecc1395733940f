package io.tickstock.engine;

import io.tickstock.contract.Events;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.bars.VendorBarCheck;
import io.tickstock.engine.feed.MassiveClient;
import io.tickstock.engine.feed.MassiveReference;
import io.tickstock.engine.feed.MassiveSubscription;
import io.tickstock.engine.health.StaleSymbols;
import io.tickstock.engine.session.FinalStatus;
import io.tickstock.engine.session.SessionSchedule;
import io.tickstock.engine.session.SessionTrigger;
import io.tickstock.engine.session.StreamingSession;
import io.tickstock.engine.trades.Trade;
import io.tickstock.engine.trades.TradeConditions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live sessions on the Massive WebSocket: sessions open and close as the {@link SessionSchedule} says (the NYSE
 * calendar, or at once) and as operator commands ask; trades outside a session are counted and skipped; an open
 * session of this universe from the last 16 hours is resumed. Bars close by event time: the newest trade time seen,
 * advanced by the wall clock while no trade arrives, so a recorded feed (the fake server) and the live one behave
 * alike. The connection's state is health's {@code connection_status}; a lost connection publishes a critical
 * {@code market_feed} alert and its return a recovery. Runs on the calling thread.
 */
final class LiveRunner {
    private final SessionParts parts;
    private static final Logger LOG = LoggerFactory.getLogger(LiveRunner.class);
    private static final long SCHEDULE_CHECK_MILLIS = 1_000, RESUME_WINDOW_MILLIS = 16 * 3_600_000L;

    private volatile @Nullable MassiveClient client;

    LiveRunner(SessionParts parts) {
        this.parts = parts;
    }

    /** The Massive client while streaming, else null (for health issues). */
    @Nullable
    MassiveClient client() {
        return client;
    }

    /**
     * Streams until {@code stop} says so or the feed fails for good.
     *
     * @return the last session's totals, or null when no session ran
     * @throws IllegalStateException when Massive refuses the key ({@code auth_failed}, naming TICKSTOCK_MASSIVE_API_KEY)
     *                               or the connection limit is reached
     */
    Events.@Nullable SessionEnd run(
            MassiveSubscription massive, int symbolCount, SessionSchedule schedule, BooleanSupplier stop)
            throws InterruptedException {
        Run run = new Run(massive, symbolCount, schedule);
        TradeConditions conditions = MassiveReference.conditions(
                        MassiveReference.restBase(massive.url()), massive.apiKey())
                .orElse(TradeConditions.bundled());
        run.resume();
        try (MassiveClient c = new MassiveClient(massive, conditions, run.listener())
                .onAggregates(run.vendor::onTheirs)
                .start()) {
            client = c;
            try {
                run.loop(c, stop);
            } catch (IllegalStateException e) { // a shard failed: the session ends failed, with the reason
                run.fatal = e.getMessage();
                parts.outputs()
                        .critical(
                                "analytics",
                                true,
                                String.valueOf(e.getMessage()),
                                "The session ended failed; the engine's log has the stack trace. Restart the engine");
                throw e;
            }
            LOG.info(
                    "Massive feed done: {} trades, {} bars, {} corrections, {} late, {} dropped frames, {} outside sessions, malformed {}",
                    run.live.pipeline.trades(),
                    run.live.pipeline.closedBars(),
                    run.live.pipeline.correctedBars(),
                    run.live.pipeline.lateTrades(),
                    c.droppedFrames(),
                    run.outside,
                    c.malformed());
            if (run.crossCheck) LOG.info("Massive AM cross-check: {}", run.vendor.summary());
            if (run.fatal != null) throw new IllegalStateException(run.fatal);
        } finally {
            client = null;
            parts.stats().connectionStatus("disconnected");
            if (run.live.session != null)
                run.lastEnd = parts.sessions()
                        .stop(run.live.session, run.fatal != null ? FinalStatus.FAILED : FinalStatus.STOPPED);
        }
        return run.lastEnd;
    }

    /** One call of {@link #run}: its schedule, the current live session and the event-time watermark. Feed thread. */
    private final class Run {
        final int symbolCount;
        final SessionSchedule schedule;
        final VendorBarCheck vendor = new VendorBarCheck();
        final boolean crossCheck;
        final Consumer<Bar> observer;
        LiveSession live;
        Events.@Nullable SessionEnd lastEnd;
        volatile @Nullable String fatal;
        long eventTime = Long.MIN_VALUE,
                lastTradeWall = parts.clock().getAsLong(),
                lastStaleCheck,
                nextScheduleCheck,
                outside,
                reportedFuture,
                reportedLate,
                reportedBeyond;

        Run(MassiveSubscription massive, int symbolCount, SessionSchedule schedule) {
            this.symbolCount = symbolCount;
            this.schedule = schedule;
            this.crossCheck = massive.topics().stream().anyMatch(t -> t.startsWith("AM."));
            this.observer = crossCheck ? vendor::onOurs : bar -> {};
            this.live = new LiveSession(observer);
            parts.stats().connectionStatus("disconnected"); // until Massive accepts the key
        }

        void resume() {
            long now = parts.clock().getAsLong();
            SessionResumer.Resumed resumed = parts.resumer()
                    .resume(SessionTrigger.SCHEDULED, now - RESUME_WINDOW_MILLIS, now + Bar.MINUTE, live.pipeline);
            if (resumed == null) return;
            live.session = resumed.session();
            live.resumeAt = resumed.resumeAt();
            parts.sessions().start(live.session, true);
            schedule.resumed(live.session.trigger());
        }

        MassiveClient.Listener listener() {
            return new MassiveClient.Listener() {
                @Override
                public void onConnected() {
                    parts.stats().connectionStatus("connected");
                }

                @Override
                public void onConnectionLost(String reason) {
                    parts.stats().connectionStatus("reconnecting");
                    parts.outputs()
                            .critical(
                                    "market_feed",
                                    true,
                                    "Massive connection lost: " + reason,
                                    "Reconnecting with backoff; check the network and Massive's status page");
                }

                @Override
                public void onConnectionRestored(long downMillis) {
                    parts.outputs()
                            .critical(
                                    "market_feed",
                                    false,
                                    "Massive connection restored after " + downMillis
                                            + " ms (trades in between are not replayed)",
                                    null);
                }

                @Override
                public void onFatal(String status, String message) {
                    parts.stats().connectionStatus("disconnected");
                    fatal = status.equals("auth_failed")
                            ? "Massive refused the API key (auth_failed: " + message
                                    + "): set TICKSTOCK_MASSIVE_API_KEY to a valid key"
                            : "Massive connection limit reached (max_connections: " + message
                                    + "): another client uses this key";
                    parts.outputs()
                            .critical(
                                    "market_feed",
                                    true,
                                    fatal,
                                    "Fix the key or stop the other connection, then restart the engine");
                }
            };
        }

        void loop(MassiveClient c, BooleanSupplier stop) throws InterruptedException {
            while (!stop.getAsBoolean() && fatal == null) {
                long wall = parts.clock().getAsLong();
                if (wall >= nextScheduleCheck) { // calendar and operator commands: once a second, not per trade
                    nextScheduleCheck = wall + SCHEDULE_CHECK_MILLIS;
                    parts.stats().progress.beat(wall);
                    followSchedule(wall);
                    reportFutureTrades(c);
                    reportLateTrades();
                }
                Trade t = c.poll(0, TimeUnit.MILLISECONDS);
                if (t == null) { // nothing waiting: the shards get what they hold, then wait for the feed
                    live.pipeline.handOff();
                    t = c.poll(100, TimeUnit.MILLISECONDS);
                }
                if (live.session == null) {
                    if (t != null) outside++;
                } else if (t == null) {
                    if (eventTime != Long.MIN_VALUE) live.pipeline.onWatermark(eventTime + (wall - lastTradeWall));
                } else {
                    onTrade(t, wall);
                }
            }
            reportFutureTrades(c);
            live.pipeline.flush();
            live.pipeline.close();
            reportLateTrades();
        }

        /** Adds the trades the client refused since the last call to the engine's count (its metric). */
        void reportFutureTrades(MassiveClient c) {
            long refused = c.futureTrades();
            parts.stats().futureTrades.addAndGet(refused - reportedFuture);
            reportedFuture = refused;
        }

        /**
         * Adds the trades the session's bars dropped as late, and those refused beyond the most symbols kept, since the
         * last call to the engine's counts (their metrics).
         */
        void reportLateTrades() {
            long late = live.pipeline.lateTrades(), beyond = live.pipeline.refusedSymbolTrades();
            parts.stats().lateTrades.addAndGet(late - reportedLate);
            parts.stats().beyondMaxSymbols.addAndGet(beyond - reportedBeyond);
            reportedLate = late;
            reportedBeyond = beyond;
        }

        /** Operator commands, then the schedule's decision: start, stop or nothing. */
        void followSchedule(long wall) {
            for (String action; (action = parts.commands().poll()) != null; ) {
                if (action.equals("start")) schedule.requestStart();
                else schedule.requestStop(wall);
            }
            switch (schedule.decide(wall)) {
                case START -> {
                    live.session =
                            new StreamingSession(parts.config().universe(), symbolCount, schedule.trigger(), wall);
                    parts.sessions().start(live.session, false);
                }
                case STOP -> {
                    live.pipeline.flush();
                    live.pipeline.close();
                    reportLateTrades();
                    reportedLate = reportedBeyond = 0;
                    StreamingSession running = live.session;
                    if (running != null) lastEnd = parts.sessions().stop(running, schedule.finalStatus());
                    live = new LiveSession(observer);
                }
                case NONE -> {}
            }
        }

        void onTrade(Trade t, long wall) {
            if (t.timeMillis() < live.resumeAt.getOrDefault(t.symbol(), Long.MIN_VALUE)) return;
            eventTime = Math.max(eventTime, t.timeMillis());
            lastTradeWall = wall;
            live.pipeline.onTrade(t);
            parts.stats().trades.incrementAndGet();
            if (eventTime - lastStaleCheck >= 60_000) {
                lastStaleCheck = eventTime;
                parts.stats().activeSymbols(live.stale.symbols());
                parts.stats().staleSymbols(live.stale.at(eventTime));
            }
        }
    }

    /** One live session's analytics and stale-symbol tracking; empty between sessions. */
    private final class LiveSession {
        final StaleSymbols stale = new StaleSymbols(ReplayRunner.STALE_MILLIS);
        final Shards pipeline;

        @Nullable
        StreamingSession session;

        Map<String, Long> resumeAt = Map.of();

        LiveSession(Consumer<Bar> observer) { // observer: also sees every closed bar
            pipeline = new Shards(parts.config().shards(), parts.config().analytics(), parts.emitter(), bar -> {
                stale.onBar(bar.symbol(), bar.startMillis());
                observer.accept(bar);
            });
        }
    }
}
