package io.tickstock.engine;

import com.zaxxer.hikari.HikariDataSource;
import io.tickstock.contract.Events;
import io.tickstock.engine.health.EngineStats;
import io.tickstock.engine.health.Heartbeat;
import io.tickstock.engine.publish.EventEmitter;
import io.tickstock.engine.publish.RedisPublisher;
import io.tickstock.engine.session.FinalStatus;
import io.tickstock.engine.session.SessionTrigger;
import io.tickstock.engine.session.StreamingSession;
import io.tickstock.engine.store.Database;
import io.tickstock.engine.store.HistoryWriter;
import io.tickstock.engine.store.SessionHistory;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session as {@code tickstock ingest} owns it when engines read the trade log (docs/scale-out.md): it announces
 * the session (the {@code streaming_sessions} row, durable before the first trade is written, {@code
 * streaming_session_started}, the current-session key, kept alive every heartbeat interval) and ends it with the totals
 * the engines stored in PostgreSQL. The engines attach to it ({@link KafkaRunner}). Call from one thread.
 */
public final class SessionOwner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionOwner.class);
    private static final long DURABLE_WAIT_MILLIS = 30_000;

    private final EngineConfig config;
    private final LongSupplier clock;
    private final HikariDataSource dataSource;
    private final RedisPublisher publisher;
    private final HistoryWriter writer;
    private final Outputs outputs;
    private final Heartbeat keys;
    private final SessionLifecycle sessions;
    private final ScheduledExecutorService scheduler;
    private @Nullable StreamingSession session;

    /**
     * Connects to PostgreSQL (migrating) and Redis.
     *
     * @throws IllegalStateException naming TICKSTOCK_DATABASE_URL when PostgreSQL cannot be reached
     */
    @SuppressWarnings("FutureReturnValueIgnored") // the task is guarded; close() ends the scheduler
    public SessionOwner(EngineConfig config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
        dataSource = Database.open(config.database(), "tickstock-ingest", 2);
        Database.migrate(dataSource);
        publisher = new RedisPublisher(config.redisUrl(), config.queueCapacity(), (down, reason) -> {}, ms -> {}, null)
                .start();
        writer = new HistoryWriter(
                        dataSource,
                        config.queueCapacity(),
                        config.spoolFile(),
                        config.spoolMaxBytes(),
                        clock,
                        batch -> {},
                        (down, reason) -> LOG.warn("PostgreSQL writes {}: {}", down ? "failed" : "restored", reason),
                        (cause, reason, file) -> LOG.error("PostgreSQL rejected a session row: {}", reason))
                .start();
        outputs = new Outputs(publisher, writer, clock);
        EngineStats stats = new EngineStats();
        keys = new Heartbeat(
                config.heartbeatMillis(), clock, publisher::send, writer, stats, () -> null, config.engineId());
        sessions = new SessionLifecycle(outputs, new EventEmitter(publisher, writer, stats, clock), keys, clock);
        scheduler = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("tickstock-session-key").daemon().unstarted(r));
        scheduler.scheduleAtFixedRate(
                () -> {
                    StreamingSession s = session;
                    if (s != null) publisher.send(keys.sessionKey(s));
                },
                config.heartbeatMillis(),
                config.heartbeatMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Starts a session of {@code symbolCount} symbols of the configured universe; an open session of that universe
     * left by an interrupted run is closed as failed. Returns once its row is in PostgreSQL, so an engine that reads
     * the first trade finds it.
     *
     * @throws IllegalStateException when PostgreSQL does not take the row within 30 s
     */
    public StreamingSession start(int symbolCount, SessionTrigger trigger) throws InterruptedException {
        SessionHistory history = new SessionHistory(dataSource);
        history.openSession(config.universe()).ifPresent(o -> history.abandon(o.sessionId(), clock.getAsLong()));
        StreamingSession s = new StreamingSession(config.universe(), symbolCount, trigger, clock.getAsLong());
        sessions.start(s, false);
        session = s;
        awaitDurable();
        return s;
    }

    /** Ends the session with {@code status} and the pattern and indicator totals its engines stored; returns them. */
    public Events.SessionEnd stop(FinalStatus status) throws InterruptedException {
        StreamingSession s = Objects.requireNonNull(session, "no session started");
        long[] counts = new SessionHistory(dataSource).storedCounts(s.id());
        StreamingSession totals = new StreamingSession(
                s.id(), config.universe(), 0, s.trigger(), s.startedAtMillis(), counts[0], counts[1]);
        session = null;
        Events.SessionEnd end = sessions.stop(totals, status);
        awaitDurable();
        return end;
    }

    /** The Redis the session's messages go to (operator commands come from the same server). */
    public String redisUrl() {
        return config.redisUrl();
    }

    private void awaitDurable() throws InterruptedException {
        long mark = writer.durableMark(), until = System.nanoTime() + DURABLE_WAIT_MILLIS * 1_000_000;
        while (!writer.isDurable(mark)) {
            if (System.nanoTime() > until)
                throw new IllegalStateException(
                        "PostgreSQL did not store the session row within 30 s: check TICKSTOCK_DATABASE_URL");
            Thread.sleep(10);
        }
    }

    @Override
    public void close() throws InterruptedException {
        scheduler.shutdownNow();
        writer.close(10_000);
        publisher.close(10_000);
        dataSource.close();
    }
}
