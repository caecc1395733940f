package io.tickstock.engine;

import com.zaxxer.hikari.HikariDataSource;
import io.tickstock.contract.Channels;
import io.tickstock.contract.Events;
import io.tickstock.contract.Initializer;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import io.tickstock.contract.LegacyEvents;
import io.tickstock.engine.feed.LeanTickFile;
import io.tickstock.engine.feed.MassiveSubscription;
import io.tickstock.engine.feed.MergedTradeSource;
import io.tickstock.engine.feed.TradeSource;
import io.tickstock.engine.health.EngineMetrics;
import io.tickstock.engine.health.EngineStats;
import io.tickstock.engine.health.HealthMonitor;
import io.tickstock.engine.health.Heartbeat;
import io.tickstock.engine.kafka.KafkaConnection;
import io.tickstock.engine.publish.EventEmitter;
import io.tickstock.engine.publish.RedisCommand;
import io.tickstock.engine.publish.RedisPublisher;
import io.tickstock.engine.publish.UnreadChannels;
import io.tickstock.engine.session.NyseCalendar;
import io.tickstock.engine.session.SessionCommands;
import io.tickstock.engine.session.SessionSchedule;
import io.tickstock.engine.session.StreamingSession;
import io.tickstock.engine.store.Database;
import io.tickstock.engine.store.HistoryBarrier;
import io.tickstock.engine.store.HistoryRow;
import io.tickstock.engine.store.HistoryWriter;
import io.tickstock.engine.store.SessionHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming engine: wires the feed runners ({@link ReplayRunner}, {@link LiveRunner}) to the analytics and the
 * I/O edges. The analytics run on the calling (shard) thread; the Redis publisher and PostgreSQL writer threads
 * deliver the results (both outboxes: coalescing, spooling to disk, never blocking the analytics); a scheduler thread
 * samples health every second and writes the producer heartbeat ({@link Heartbeat}). {@link #start()} connects
 * (failing with a message naming the variable to set) and writes what an earlier run left in the spool;
 * {@link #replay()} runs one replay session and {@link #stream} live sessions by the calendar and operator commands,
 * both resuming a session an interrupted engine left open ({@link SessionResumer}); {@link #close()} drains the queues
 * and disconnects.
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final EngineConfig config;
    private final LongSupplier clock;
    private final EngineStats stats = new EngineStats();
    private HikariDataSource dataSource;
    private RedisPublisher publisher;
    private HistoryWriter writer;
    private Outputs outputs;
    private ScheduledExecutorService scheduler;
    private SessionCommands commands;
    private SessionLifecycle sessions;
    private ReplayRunner replays;
    private LiveRunner live;
    private KafkaRunner kafka;
    private EngineMetrics metrics;
    private int metricsPort = -1;

    /** @param clock wall clock, epoch milliseconds */
    public Engine(EngineConfig config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * Connects to PostgreSQL (migrating; rows an earlier run left in the spool are written first) and Redis,
     * subscribes to operator commands and starts the I/O and health threads.
     *
     * @throws IllegalStateException naming TICKSTOCK_DATABASE_URL or TICKSTOCK_REDIS_URL when a server cannot be reached
     */
    @Initializer
    @SuppressWarnings("FutureReturnValueIgnored") // both tasks are guarded; close() ends the scheduler
    public Engine start() {
        dataSource = Database.open(config.database(), "tickstock-engine", 4);
        Database.migrate(dataSource);
        publisher = publisher();
        writer = new HistoryWriter(
                dataSource,
                config.queueCapacity(),
                config.spoolFile(),
                config.spoolMaxBytes(),
                clock,
                batch -> outputs.publish(Channels.PERSISTENCE, new Events.PersistenceEvent(outputs.now(), batch)),
                (down, reason) -> outputs.critical(
                        "postgresql",
                        down,
                        "PostgreSQL writes " + (down ? "failed: " + reason : "restored"),
                        "Check that PostgreSQL is running at TICKSTOCK_DATABASE_URL"),
                (cause, reason, file) -> outputs.notice(
                        "postgresql",
                        "error",
                        "PostgreSQL rejected rows (" + cause + ": " + reason
                                + "); they are set aside, later rows are written",
                        "Inspect " + file + " (one line per row with its reason)"));
        outputs = new Outputs(publisher, writer, clock);
        writer.start();
        EventEmitter emitter = new EventEmitter(publisher, writer, stats, clock, config.batchEvents());
        commands = new SessionCommands(config.redisUrl());
        Heartbeat heartbeat = new Heartbeat(
                config.heartbeatMillis(),
                clock,
                publisher::send,
                writer,
                stats,
                () -> sessions.announced(),
                config.engineId());
        sessions = new SessionLifecycle(outputs, emitter, heartbeat, clock);
        SessionResumer resumer =
                new SessionResumer(new SessionHistory(dataSource), config.universe(), emitter, outputs, clock);
        SessionParts parts = new SessionParts(config, emitter, stats, commands, resumer, sessions, outputs, clock);
        replays = new ReplayRunner(parts);
        live = new LiveRunner(parts);
        kafka = new KafkaRunner(parts, new SessionHistory(dataSource));
        metrics = new EngineMetrics(stats, outputs.outboxes());
        if (config.metricsPort() >= 0)
            metricsPort = metrics.serve(config.metricsHost(), config.metricsPort(), config.metricsToken());
        HealthMonitor health = new HealthMonitor(
                config.engineId(),
                stats,
                config.healthIntervalMillis(),
                clock,
                () -> sessions.current() == null ? null : sessions.current().id(),
                new HealthIssues(publisher, writer, commands, live::client, stats),
                this::publishHealth);
        scheduler = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("tickstock-health").daemon().unstarted(r));
        scheduler.scheduleAtFixedRate(guard(health::sample), 1, 1, TimeUnit.SECONDS);
        scheduler.scheduleAtFixedRate(guard(heartbeat), 0, config.heartbeatMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Replays the configured tick files (LEAN tick zips of one day) as one session (trigger {@code replay}), from
     * {@code from} to {@code to} New York time, and returns its totals.
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
        long fromMillis = date.atTime(config.from())
                .atZone(NyseCalendar.NEW_YORK)
                .toInstant()
                .toEpochMilli();
        long toMillis = config.to() == null
                ? Long.MAX_VALUE
                : date.atTime(config.to())
                        .atZone(NyseCalendar.NEW_YORK)
                        .toInstant()
                        .toEpochMilli();
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
    public Events.SessionEnd replay(TradeSource source, int symbolCount, long fromMillis, long toMillis)
            throws IOException {
        return Objects.requireNonNull(
                stats.progress.during(clock.getAsLong(), () -> replays.run(source, symbolCount, fromMillis, toMillis)));
    }

    /**
     * Streams the Massive WebSocket until {@code stop} says so or the feed fails for good ({@link LiveRunner}).
     *
     * @return the last session's totals, or null when no session ran
     * @throws IllegalStateException when Massive refuses the key ({@code auth_failed}, naming
     *                               TICKSTOCK_MASSIVE_API_KEY) or the connection limit is reached
     */
    public Events.@Nullable SessionEnd stream(
            MassiveSubscription massive, int symbolCount, SessionSchedule schedule, BooleanSupplier stop)
            throws InterruptedException {
        return stats.progress.during(clock.getAsLong(), () -> live.run(massive, symbolCount, schedule, stop));
    }

    /**
     * Reads the Kafka trade log at {@code log} as one engine of the group ({@link KafkaRunner}) until {@code stop} says
     * so; throws IllegalStateException when a partition's analytics fail or PostgreSQL fails.
     */
    public void consume(KafkaConnection log, BooleanSupplier stop) {
        stats.progress.during(clock.getAsLong(), () -> {
            kafka.run(log, stop);
            return null;
        });
    }

    /** {@link HistoryBarrier#awaitStored}: for a replay that ends the process ({@code --exit-after-replay}). */
    public boolean awaitHistoryStored(long stallMillis) throws InterruptedException {
        return HistoryBarrier.awaitStored(writer, stallMillis);
    }

    private void publishHealth(Events.Health health) {
        metrics.health(health);
        outputs.send(RedisCommand.publishLatest(
                Channels.HEALTH, Json.write(new Events.HealthEvent(outputs.now(), health)), "health"));
        outputs.send(RedisCommand.publishLatest(
                Channels.LEGACY_HEALTH,
                Json.write(new LegacyEvents.HealthEvent(clock.getAsLong() / 1000.0, health)),
                "health"));
        outputs.write(new HistoryRow.Health(health, IsoTime.parseMillis(health.timestamp())));
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
        return replays == null ? Long.MIN_VALUE : replays.replayTimeMillis();
    }

    /** The running session, or null. */
    public @Nullable StreamingSession session() {
        return sessions == null ? null : sessions.current();
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

    /** The Redis publisher, skipping unread channels unless configured not to; its skips feed health. */
    private RedisPublisher publisher() {
        RedisPublisher p = new RedisPublisher(
                        config.redisUrl(),
                        config.queueCapacity(),
                        (down, reason) -> outputs.critical(
                                "redis",
                                down,
                                "Redis publishing " + (down ? "failed: " + reason : "restored"),
                                "Check that Redis is running at TICKSTOCK_REDIS_URL"),
                        stats::lag,
                        config.publishUnread() ? null : new UnreadChannels(() -> System.nanoTime() / 1_000_000))
                .start();
        stats.skippedUnread(p::skippedUnread);
        return p;
    }
}
