package io.tickstock.engine;

import com.zaxxer.hikari.HikariDataSource;
import io.tickstock.contract.Channels;
import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import io.tickstock.contract.RedisKeys;
import io.tickstock.engine.feed.LeanTickFile;
import io.tickstock.engine.feed.MergedTradeSource;
import io.tickstock.engine.trades.Trade;
import io.tickstock.engine.feed.TradeSource;
import io.tickstock.engine.health.EngineMetrics;
import io.tickstock.engine.health.EngineStats;
import io.tickstock.engine.health.HealthMonitor;
import io.tickstock.engine.health.Heartbeat;
import io.tickstock.engine.health.StaleSymbols;
import io.tickstock.engine.pipeline.Pipeline;
import io.tickstock.engine.publish.EventEmitter;
import io.tickstock.engine.publish.RedisCommand;
import io.tickstock.engine.publish.RedisPublisher;
import io.tickstock.engine.session.StreamingSession;
import io.tickstock.engine.store.Database;
import io.tickstock.engine.store.HistoryRow;
import io.tickstock.engine.store.HistoryWriter;
import java.io.IOException;
import io.tickstock.engine.trades.TradeConditions;
import io.tickstock.engine.bars.VendorBarCheck;
import io.tickstock.engine.feed.MassiveClient;
import io.tickstock.engine.feed.MassiveReference;
import java.nio.file.Path;
import java.time.LocalDate;
import io.tickstock.contract.IntegrationLog;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.pipeline.AnalyticsListener;
import io.tickstock.engine.session.SessionCommands;
import io.tickstock.engine.session.SessionSchedule;
import io.tickstock.engine.store.SessionHistory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming engine: runs a feed through the analytics pipeline on the calling (shard) thread and
 * delivers results through the Redis publisher and PostgreSQL writer threads (both outboxes: coalescing,
 * spooling to disk, never blocking the analytics); a scheduler thread samples health every second and writes
 * the producer heartbeat every 15 s. {@link #start()} connects (failing with a message naming the variable to
 * set) and writes what an earlier run left in the spool; {@link #replay()} runs one replay session and
 * {@link #stream} live sessions by the calendar and operator commands, both resuming a session an interrupted
 * engine left open; {@link #close()} drains the queues and disconnects.
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final long STALE_MILLIS = 5 * 60_000, SCHEDULE_CHECK_MILLIS = 1_000;

    private final EngineConfig config;
    private final LongSupplier clock;
    private final EngineStats stats = new EngineStats();
    private HikariDataSource dataSource;
    private RedisPublisher publisher;
    private HistoryWriter writer;
    private EventEmitter emitter;
    private ScheduledExecutorService scheduler;
    private volatile StreamingSession session;
    private volatile long replayTime = Long.MIN_VALUE;
    private volatile MassiveClient massiveClient;
    private SessionCommands commands;
    private SessionHistory history;
    private final long startedAtMillis;
    private EngineMetrics metrics;
    private int metricsPort = -1;
    private long heartbeatMillis = Heartbeat.DEFAULT_INTERVAL_MILLIS;
    private String metricsHost = "127.0.0.1", metricsToken;
    private Heartbeat heartbeat;

    /** @param clock wall clock, epoch milliseconds */
    public Engine(EngineConfig config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
        this.startedAtMillis = clock.getAsLong();
    }

    /** The producer heartbeat's interval ({@link Heartbeat}; default 15 s); call before {@link #start()}. */
    public Engine heartbeatEvery(long millis) {
        this.heartbeatMillis = millis;
        return this;
    }

    /**
     * Where {@code /metrics} listens (default 127.0.0.1: this machine only) and the bearer token a scrape must send
     * (null: none); call before {@link #start()}.
     */
    public Engine metricsAccess(String host, String token) {
        this.metricsHost = host;
        this.metricsToken = token;
        return this;
    }

    /**
     * Connects to PostgreSQL (migrating; rows an earlier run left in the spool are written first) and Redis,
     * subscribes to operator commands and starts the I/O and health threads.
     */
    public Engine start() {
        dataSource = Database.open(config.database(), "tickstock-engine", 4);
        Database.migrate(dataSource);
        history = new SessionHistory(dataSource);
        publisher = new RedisPublisher(config.redisUrl(), config.queueCapacity(),
                (down, reason) -> critical("redis", down, "Redis publishing " + (down ? "failed: " + reason : "restored"),
                        "Check that Redis is running at TICKSTOCK_REDIS_URL"),
                stats::lag).start();
        writer = new HistoryWriter(dataSource, config.queueCapacity(), config.spoolFile(), config.spoolMaxBytes(), clock,
                batch -> publish(Channels.PERSISTENCE, new Events.PersistenceEvent(now(), batch)),
                (down, reason) -> critical("postgresql", down, "PostgreSQL writes " + (down ? "failed: " + reason : "restored"),
                        "Check that PostgreSQL is running at TICKSTOCK_DATABASE_URL"),
                (cause, reason, file) -> publish(Channels.ALERTS_CRITICAL, new Events.CriticalAlertEvent(now(), new Events.CriticalAlert(
                        "error", "PostgreSQL rejected rows (" + cause + ": " + reason + "); they are set aside, later rows are written",
                        now(), "postgresql", "Inspect " + file + " (one line per row with its reason)", null)))).start();
        emitter = new EventEmitter(publisher, writer, stats, clock, config.batchEvents());
        commands = new SessionCommands(config.redisUrl());
        metrics = new EngineMetrics(stats, new EngineMetrics.Outboxes() {
            @Override public long redisPending() { return publisher.pending(); }
            @Override public long redisDropped() { return publisher.dropped(); }
            @Override public long redisCoalesced() { return publisher.coalesced(); }
            @Override public boolean redisUp() { return !publisher.isDown(); }
            @Override public long postgresPending() { return writer.pending(); }
            @Override public long postgresSpooled() { return writer.spooled(); }
            @Override public long postgresDropped() { return writer.dropped(); }
            @Override public long postgresRejected() { return writer.rejected(); }
            @Override public boolean postgresUp() { return !writer.isDown(); }
        });
        if (config.metricsPort() >= 0) metricsPort = metrics.serve(metricsHost, config.metricsPort(), metricsToken);
        HealthMonitor health = new HealthMonitor(stats, config.healthIntervalMillis(), clock,
                () -> session == null ? null : session.id(), this::outages, this::publishHealth);
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("tickstock-health").daemon().unstarted(r));
        scheduler.scheduleAtFixedRate(guard(health::sample), 1, 1, TimeUnit.SECONDS);
        heartbeat = new Heartbeat(heartbeatMillis, clock, publisher::send, writer, stats, () -> session);
        scheduler.scheduleAtFixedRate(guard(heartbeat), 0, heartbeatMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Replays the configured tick files as one session (trigger {@code replay}) and returns its totals.
     *
     * @throws IOException when a tick file cannot be read
     */
    public Events.SessionEnd replay() throws IOException {
        if (config.tickFiles().isEmpty()) throw new IllegalStateException("no tick files to replay");
        List<LeanTickFile> files = new ArrayList<>();
        TreeSet<String> symbols = new TreeSet<>();
        for (Path p : config.tickFiles()) {
            LeanTickFile f = new LeanTickFile(p);
            files.add(f);
            symbols.add(f.symbol());
        }
        LocalDate date = LeanTickFile.dateOf(config.tickFiles().getFirst());
        long fromMillis = date.atTime(config.from()).atZone(io.tickstock.engine.session.NyseCalendar.NEW_YORK).toInstant().toEpochMilli();
        long toMillis = config.to() == null ? Long.MAX_VALUE : date.atTime(config.to()).atZone(io.tickstock.engine.session.NyseCalendar.NEW_YORK).toInstant().toEpochMilli();
        return replay(new MergedTradeSource(files, fromMillis), symbols.size(), fromMillis, toMillis);
    }

    /**
     * Replays a time-ordered trade source as one session (trigger {@code replay}) from {@code fromMillis}
     * until {@code toMillis} (event time, epoch ms; trades at or after it are not read) at the configured
     * speed, and returns its totals; closes the source. {@link #replayTimeMillis()} follows its progress.
     *
     * @param symbolCount the universe's size, published with the session
     * @throws IOException when the source cannot be read
     */
    public Events.SessionEnd replay(TradeSource source, int symbolCount, long fromMillis, long toMillis) throws IOException {
        StaleSymbols stale = new StaleSymbols(STALE_MILLIS);
        Pipeline pipeline = new Pipeline(config.analytics(),
                emitter.withBarObserver(bar -> stale.onBar(bar.symbol(), bar.startMillis())));
        Resumed resumed = resume("replay", fromMillis, toMillis, pipeline);
        StreamingSession s = resumed != null ? resumed.session()
                : new StreamingSession(config.universe(), symbolCount, "replay", clock.getAsLong());
        startSession(s, resumed != null);
        Map<String, Long> resumeAt = resumed == null ? Map.of() : resumed.resumeAt();
        String finalStatus = "completed";
        long skipped = 0;
        try (TradeSource feed = source) {
            ReplayClock replayClock = new ReplayClock(resumed == null ? fromMillis : Math.max(fromMillis, resumed.earliest()), config.speed());
            long lastStaleCheck = 0;
            for (Trade t; (t = feed.next()) != null && t.timeMillis() < toMillis; ) {
                if (!resumeAt.isEmpty() && t.timeMillis() < resumeAt.getOrDefault(t.symbol(), Long.MIN_VALUE)) {
                    skipped++;
                    continue;
                }
                if ((stats.trades.get() & 1023) == 0) {
                    replayTime = t.timeMillis();
                    if ("stop".equals(commands.poll())) {
                        finalStatus = "stopped";
                        LOG.info("replay stopped by the operator at {}", IsoTime.format(t.timeMillis()));
                        break;
                    }
                }
                while (replayClock.now() < t.timeMillis()) {
                    pipeline.onWatermark(replayClock.now());
                    replayClock.pause(t.timeMillis());
                }
                pipeline.onTrade(t);
                stats.trades.incrementAndGet();
                if (t.timeMillis() - lastStaleCheck >= 60_000) {
                    lastStaleCheck = t.timeMillis();
                    stats.activeSymbols(stale.symbols());
                    stats.staleSymbols(stale.at(t.timeMillis()));
                }
            }
            pipeline.flush();
            stats.staleSymbols(List.of());
            if (finalStatus.equals("completed")) {
                publish(Channels.ALERTS_CRITICAL, new Events.CriticalAlertEvent(now(), new Events.CriticalAlert("info",
                        "Replay feed reached the end of the recorded trades; stopping the session", now(), "market_feed",
                        null, null)));
            }
            LOG.info("replay done: {} trades, {} bars, {} late, {} ineligible, {} malformed lines, {} skipped as already published",
                    pipeline.trades(), pipeline.closedBars(), pipeline.lateTrades(), pipeline.ineligibleTrades(), feed.malformed(), skipped);
        } catch (IOException | RuntimeException e) {
            finalStatus = "failed";
            throw e;
        } finally {
            stopSession(s, finalStatus);
        }
        return s.end(clock.getAsLong(), finalStatus);
    }

    /** A session picked up after a restart: where each symbol continues (bar start after its last bar, epoch ms). */
    private record Resumed(StreamingSession session, Map<String, Long> resumeAt) {
        long earliest() {
            return resumeAt.values().stream().mapToLong(Long::longValue).min().orElse(Long.MIN_VALUE);
        }
    }

    /**
     * Resumes this universe's open session (left by an engine that did not stop it) when its newest bar lies in
     * [{@code windowFrom}, {@code windowTo}) and its trigger matches ({@code replay}, or live for the others):
     * every series is re-warmed from the session's bars in {@code ohlcv_1min} (nothing published), each
     * symbol's last bar writes its rows again (idempotent: fills in rows the interrupted engine lost), and the
     * feed continues after each symbol's last bar. Any other open session is closed as {@code failed}.
     *
     * @return the resumed session, or null when there is none to resume
     */
    private Resumed resume(String trigger, long windowFrom, long windowTo, Pipeline pipeline) {
        Optional<SessionHistory.OpenSession> open = history.openSession(config.universe());
        if (open.isEmpty()) return null;
        SessionHistory.OpenSession o = open.get();
        List<Bar> bars = history.bars(o.sessionId());
        long last = bars.stream().mapToLong(Bar::startMillis).max().orElse(Long.MIN_VALUE);
        boolean sameKind = trigger.equals("replay") == o.triggerType().equals("replay");
        if (!sameKind || bars.isEmpty() || last < windowFrom || last >= windowTo) {
            history.abandon(o.sessionId(), clock.getAsLong());
            LOG.warn("session {} ({}) was left open by an earlier run and cannot be resumed here; marked failed", o.sessionId(), o.universe());
            return null;
        }
        StreamingSession s = new StreamingSession(o.sessionId(), o.universe(), o.symbolCount(), o.triggerType(), o.startedAtMillis(),
                o.patterns(), o.indicators());
        emitter.session(s);
        Map<String, Long> resumeAt = new HashMap<>();
        AnalyticsListener silent = emitter.rewarming(false), rewrite = emitter.rewarming(true);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            boolean lastOfSymbol = i + 1 == bars.size() || !bars.get(i + 1).symbol().equals(bar.symbol());
            pipeline.warm(bar, lastOfSymbol ? rewrite : silent);
            if (lastOfSymbol) resumeAt.put(bar.symbol(), bar.startMillis() + Bar.MINUTE);
        }
        LOG.info("session {} resumed: {} symbols re-warmed from {} bars; continuing after {}", s.id(), resumeAt.size(), bars.size(),
                IsoTime.format(last + Bar.MINUTE));
        critical("engine", false, "Engine restarted: session " + s.id() + " resumed after " + IsoTime.format(last + Bar.MINUTE)
                + " (" + resumeAt.size() + " symbols re-warmed from " + bars.size() + " stored bars)", null);
        return new Resumed(s, resumeAt);
    }

    /**
     * Streams the Massive WebSocket until {@code stop} says so or the feed fails for good, running sessions as
     * {@code schedule} says (by the NYSE calendar, or at once) and as operator commands ask; trades outside a
     * session are counted and skipped. An open session of this universe from earlier today is resumed
     * (re-warmed from stored bars). Bars close by event time: the newest trade time seen, advanced by the wall
     * clock while no trade arrives, so a recorded feed (the fake server) and the live one behave alike. A lost
     * connection publishes a critical {@code market_feed} alert and its return a recovery alert.
     *
     * @return the last session's totals, or null when no session ran
     * @throws IllegalStateException when Massive refuses the key ({@code auth_failed}, naming
     *                               TICKSTOCK_MASSIVE_API_KEY) or the connection limit is reached
     */
    public Events.SessionEnd stream(MassiveClient.Config massive, int symbolCount, SessionSchedule schedule,
                                    java.util.function.BooleanSupplier stop) throws InterruptedException {
        String[] fatal = {null};
        stats.connectionStatus("disconnected"); // until Massive accepts the key
        MassiveClient.Listener events = new MassiveClient.Listener() {
            @Override public void onConnected() {
                stats.connectionStatus("connected");
            }
            @Override public void onConnectionLost(String reason) {
                stats.connectionStatus("reconnecting");
                critical("market_feed", true, "Massive connection lost: " + reason, "Reconnecting with backoff; check the network and Massive's status page");
            }
            @Override public void onConnectionRestored(long downMillis) {
                critical("market_feed", false, "Massive connection restored after " + downMillis + " ms (trades in between are not replayed)", null);
            }
            @Override public void onFatal(String status, String message) {
                stats.connectionStatus("disconnected");
                fatal[0] = status.equals("auth_failed")
                        ? "Massive refused the API key (auth_failed: " + message + "): set TICKSTOCK_MASSIVE_API_KEY to a valid key"
                        : "Massive connection limit reached (max_connections: " + message + "): another client uses this key";
                critical("market_feed", true, fatal[0], "Fix the key or stop the other connection, then restart the engine");
            }
        };
        VendorBarCheck vendor = new VendorBarCheck();
        boolean crossCheck = massive.topics().stream().anyMatch(t -> t.startsWith("AM."));
        TradeConditions conditions = MassiveReference.conditions(MassiveReference.restBase(massive.url()), massive.apiKey())
                .orElse(TradeConditions.bundled());
        java.util.function.Consumer<Bar> observer = crossCheck ? vendor::onOurs : bar -> {};
        LiveSession live = new LiveSession(observer);
        long now0 = clock.getAsLong();
        Resumed resumed = resume("live", now0 - 16 * 3_600_000L, now0 + Bar.MINUTE, live.pipeline);
        if (resumed != null) {
            live.session = resumed.session();
            live.resumeAt = resumed.resumeAt();
            startSession(live.session, true);
            schedule.resumed(live.session.triggerType());
        }
        Events.SessionEnd lastEnd = null;
        long outside = 0;
        try (MassiveClient client = new MassiveClient(massive, conditions, events).onAggregates(vendor::onTheirs).start()) {
            massiveClient = client;
            long eventTime = Long.MIN_VALUE, lastTradeWall = clock.getAsLong(), lastStaleCheck = 0, nextScheduleCheck = 0;
            while (!stop.getAsBoolean() && fatal[0] == null) {
                long wall = clock.getAsLong();
                if (wall >= nextScheduleCheck) { // calendar and commands: once a second, not per trade
                    nextScheduleCheck = wall + SCHEDULE_CHECK_MILLIS;
                    for (String action; (action = commands.poll()) != null; ) {
                        if (action.equals("start")) schedule.requestStart(); else schedule.requestStop(wall);
                    }
                    switch (schedule.decide(wall)) {
                        case START -> {
                            live.session = new StreamingSession(config.universe(), symbolCount, schedule.trigger(), wall);
                            startSession(live.session, false);
                        }
                        case STOP -> {
                            live.pipeline.flush();
                            lastEnd = stopSession(live.session, schedule.finalStatus());
                            live = new LiveSession(observer);
                        }
                        case NONE -> { }
                    }
                }
                Trade t = client.poll(100, TimeUnit.MILLISECONDS);
                if (live.session == null) {
                    if (t != null) outside++;
                    continue;
                }
                if (t == null) {
                    if (eventTime != Long.MIN_VALUE) live.pipeline.onWatermark(eventTime + (wall - lastTradeWall));
                    continue;
                }
                if (t.timeMillis() < live.resumeAt.getOrDefault(t.symbol(), Long.MIN_VALUE)) continue;
                eventTime = Math.max(eventTime, t.timeMillis());
                lastTradeWall = wall;
                live.pipeline.onTrade(t);
                stats.trades.incrementAndGet();
                if (eventTime - lastStaleCheck >= 60_000) {
                    lastStaleCheck = eventTime;
                    stats.activeSymbols(live.stale.symbols());
                    stats.staleSymbols(live.stale.at(eventTime));
                }
            }
            live.pipeline.flush();
            LOG.info("Massive feed done: {} trades, {} bars, {} corrections, {} late, {} dropped frames, {} outside sessions, malformed {}",
                    live.pipeline.trades(), live.pipeline.closedBars(), live.pipeline.correctedBars(), live.pipeline.lateTrades(),
                    client.droppedFrames(), outside, client.malformed());
            if (crossCheck) LOG.info("Massive AM cross-check: {}", vendor.summary());
            if (fatal[0] != null) throw new IllegalStateException(fatal[0]);
        } finally {
            massiveClient = null;
            stats.connectionStatus("disconnected");
            if (live.session != null) lastEnd = stopSession(live.session, fatal[0] != null ? "failed" : "stopped");
        }
        return lastEnd;
    }

    /** One live session's analytics and stale-symbol tracking; empty between sessions. */
    private final class LiveSession {
        final StaleSymbols stale = new StaleSymbols(STALE_MILLIS);
        final Pipeline pipeline;
        StreamingSession session;
        Map<String, Long> resumeAt = Map.of();

        LiveSession(java.util.function.Consumer<Bar> observer) { // observer: also sees every closed bar
            pipeline = new Pipeline(config.analytics(), emitter.withBarObserver(bar -> {
                stale.onBar(bar.symbol(), bar.startMillis());
                observer.accept(bar);
            }));
        }
    }

    /** Announces a session; a resumed one only sets the current-session key again (it was announced before). */
    private void startSession(StreamingSession s, boolean resumed) {
        session = s;
        emitter.session(s);
        Events.SessionStart start = s.start();
        publisher.send(heartbeat.sessionKey(s));
        if (resumed) return;
        writer.write(new HistoryRow.SessionStarted(start, s.startedAtMillis()));
        publish(Channels.SESSION_STARTED, new Events.SessionStarted(now(), start));
        LOG.info("session {} started ({} symbols, {}, {})", s.id(), start.symbolCount(), start.universe(), start.triggerType());
    }

    private Events.SessionEnd stopSession(StreamingSession s, String finalStatus) {
        long stoppedAt = clock.getAsLong();
        Events.SessionEnd end = s.end(stoppedAt, finalStatus);
        writer.write(new HistoryRow.SessionStopped(end, stoppedAt));
        publisher.send(RedisCommand.del(RedisKeys.CURRENT_SESSION));
        publish(Channels.SESSION_STOPPED, new Events.SessionStopped(now(), end));
        emitter.session(null);
        session = null;
        LOG.info("session {} {}: {} patterns, {} indicator values", s.id(), finalStatus, end.totalPatterns(), end.totalIndicators());
        return end;
    }

    private void publishHealth(Events.Health health) {
        metrics.health(health);
        publisher.send(RedisCommand.publishLatest(Channels.HEALTH, Json.write(new Events.HealthEvent(now(), health)), "health"));
        publisher.send(RedisCommand.publishLatest(Channels.LEGACY_HEALTH,
                Json.write(new Events.LegacyHealthEvent(clock.getAsLong() / 1000.0, health)), "health"));
        writer.write(new HistoryRow.Health(health, IsoTime.parseMillis(health.timestamp())));
    }

    private List<String> outages() {
        List<String> issues = new ArrayList<>();
        if (publisher.isDown()) issues.add("Redis unavailable: " + publisher.pending() + " messages waiting");
        if (writer.isDown()) issues.add("PostgreSQL unavailable: " + writer.pending() + " rows waiting (" + writer.spooled() + " spooled to disk)");
        else if (writer.spooled() > 0) issues.add("PostgreSQL catching up: " + writer.spooled() + " spooled rows to write");
        if (publisher.coalesced() > 0 && publisher.isDown()) issues.add(publisher.coalesced() + " indicator updates coalesced while Redis was unavailable");
        if (publisher.dropped() > 0) issues.add(publisher.dropped() + " Redis messages dropped (queue full)");
        if (writer.dropped() > 0) issues.add(writer.dropped() + " rows dropped (queue full)");
        if (writer.rejected() > 0) issues.add(writer.rejected() + " rows rejected by PostgreSQL " + writer.rejectedByCause()
                + ", set aside in " + writer.rejectedFile());
        if (commands.malformed() > 0) issues.add(commands.malformed() + " malformed messages on " + Channels.ENGINE_COMMANDS + " skipped");
        MassiveClient feed = massiveClient;
        if (feed != null) {
            if (feed.droppedFrames() > 0) issues.add("Massive: " + feed.droppedFrames() + " frames dropped (engine too slow to read)");
            long malformed = feed.malformed().values().stream().mapToLong(Long::longValue).sum();
            if (malformed > 0) issues.add("Massive: " + malformed + " malformed frames skipped " + feed.malformed().keySet());
            if (feed.sequenceRegressions() > 0) issues.add("Massive: " + feed.sequenceRegressions() + " trades out of sequence");
            if (feed.sequenceGaps() > 0) issues.add("Massive: " + feed.sequenceGaps() + " sequence-number gaps (informational: Massive numbers are not contiguous)");
        }
        return issues;
    }

    private void critical(String component, boolean down, String message, String action) {
        Events.CriticalAlert alert = down
                ? new Events.CriticalAlert("critical", message, now(), component, action, null)
                : new Events.CriticalAlert("info", message, now(), component, null, message);
        publish(Channels.ALERTS_CRITICAL, new Events.CriticalAlertEvent(now(), alert));
    }

    private void publish(String channel, Object event) {
        publisher.send(RedisCommand.publish(channel, Json.write(event)));
    }

    private String now() {
        return IsoTime.format(clock.getAsLong());
    }

    private static Runnable guard(Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.error("scheduled task failed", e);
            }
        };
    }

    /** Event time the replay has reached (epoch ms, updated every 1,024 trades); MIN_VALUE before it starts. */
    public long replayTimeMillis() {
        return replayTime;
    }

    /** The port of {@code /metrics}, or -1 when not served. */
    public int metricsPort() {
        return metricsPort;
    }

    /** The Prometheus text of the engine's metrics. */
    public String metricsText() {
        return metrics.scrape();
    }

    public EngineStats stats() {
        return stats;
    }

    /** Messages on the operator commands channel that were skipped as malformed. */
    public long malformedCommands() {
        return commands.malformed();
    }

    @Override
    public void close() throws InterruptedException {
        if (scheduler != null) scheduler.shutdownNow();
        if (commands != null) commands.close();
        if (metrics != null) metrics.close();
        if (writer != null) writer.close(10_000);
        if (publisher != null) publisher.close(10_000);
        if (dataSource != null) dataSource.close();
    }

    /**
     * Replay time: starts at {@code startMillis} (event time) and advances {@code speed} times faster than
     * the wall clock; at infinite speed it never waits. Sleeps in slices of at most 50 ms so the watermark
     * keeps moving between sparse trades.
     */
    static final class ReplayClock {
        private final long startMillis, realStartNanos = System.nanoTime();
        private final double speed;

        ReplayClock(long startMillis, double speed) {
            this.startMillis = startMillis;
            this.speed = speed;
        }

        long now() {
            if (Double.isInfinite(speed)) return Long.MAX_VALUE;
            return startMillis + (long) ((System.nanoTime() - realStartNanos) / 1e6 * speed);
        }

        void pause(long untilMillis) {
            long waitNanos = (long) ((untilMillis - now()) / speed * 1e6);
            LockSupport.parkNanos(Math.max(100_000, Math.min(waitNanos, 50_000_000)));
        }
    }
}
