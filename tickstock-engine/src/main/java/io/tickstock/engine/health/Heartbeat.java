package io.tickstock.engine.health;

import io.tickstock.contract.IntegrationLog;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import io.tickstock.contract.RedisKeys;
import io.tickstock.engine.publish.RedisCommand;
import io.tickstock.engine.session.StreamingSession;
import io.tickstock.engine.store.HistoryRow;
import io.tickstock.engine.store.RowSink;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer's liveness signal (the integration contract "Redis keys" and "Liveness"): every interval (15 s by default) it
 * sets {@code tickstock:producer:heartbeat} to the epoch seconds, and refreshes
 * {@code tickstock:streaming:session:current} while a session runs, both with a TTL of {@value #TTL_INTERVALS}
 * intervals, so a consumer sees both keys vanish when the engine dies without stopping (kill -9, a lost machine);
 * and it writes a {@code PRODUCER_ALIVE} row of the integration log (the legacy {@code integration_events} checkpoints).
 * It asserts progress, not only that the process runs: while the feed is stalled or ended failed
 * ({@link FeedProgress#stalled}: silent for more than an interval, at least {@value #MIN_SILENCE_MILLIS} ms) it deletes
 * the keys instead, so consumers show the engine lost at their next look (with several engines on the trade log the
 * shared key comes back with the next healthy engine's heartbeat); the reason is logged once. Run by the engine's
 * scheduler thread.
 */
public final class Heartbeat implements Runnable {
    public static final long DEFAULT_INTERVAL_MILLIS = 15_000;
    /** The keys expire after this many missed intervals. */
    public static final int TTL_INTERVALS = 3;
    /** Shortest silence of a running feed taken as a stall: its loop beats about once a second. */
    static final long MIN_SILENCE_MILLIS = 3_000;

    private final long intervalMillis, startedAtMillis;
    private final LongSupplier clock;
    private final Consumer<RedisCommand> redis;
    private final RowSink rows;
    private final EngineStats stats;
    private final Supplier<StreamingSession> session;
    private final String engineId;
    private @Nullable String lastStalled;
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    /**
     * @param clock   wall clock, epoch ms
     * @param redis   where the key writes go (the publisher)
     * @param session  the running session, or null between sessions
     * @param engineId this engine's name: it also keeps {@link RedisKeys#producerHeartbeat} of it
     */
    public Heartbeat(
            long intervalMillis,
            LongSupplier clock,
            Consumer<RedisCommand> redis,
            RowSink rows,
            EngineStats stats,
            Supplier<StreamingSession> session,
            String engineId) {
        this.engineId = engineId;
        if (intervalMillis < 100)
            throw new IllegalArgumentException("heartbeat interval must be at least 100 ms, was " + intervalMillis);
        this.intervalMillis = intervalMillis;
        this.clock = clock;
        this.redis = redis;
        this.rows = rows;
        this.stats = stats;
        this.session = session;
        this.startedAtMillis = clock.getAsLong();
    }

    public long intervalMillis() {
        return intervalMillis;
    }

    /** The keys' time to live: {@value #TTL_INTERVALS} intervals, ms. */
    public long ttlMillis() {
        return TTL_INTERVALS * intervalMillis;
    }

    /** The current-session key for {@code s}, with the heartbeat's TTL. */
    public RedisCommand sessionKey(StreamingSession s) {
        return RedisCommand.set(RedisKeys.CURRENT_SESSION, Json.write(s.start()), ttlMillis());
    }

    @Override
    public void run() {
        long now = clock.getAsLong();
        String stalled = stats.progress.stalled(now, Math.max(intervalMillis, MIN_SILENCE_MILLIS));
        if (stalled != null) {
            if (lastStalled == null) LOG.error("heartbeat withheld: {}; consumers will show this engine lost", stalled);
            lastStalled = stalled;
            redis.accept(RedisCommand.del(RedisKeys.producerHeartbeat(engineId)));
            redis.accept(RedisCommand.del(RedisKeys.PRODUCER_HEARTBEAT));
            redis.accept(RedisCommand.del(RedisKeys.CURRENT_SESSION));
            return;
        }
        if (lastStalled != null) LOG.info("heartbeat resumed");
        lastStalled = null;
        String seconds = String.format("%.3f", now / 1000.0);
        redis.accept(RedisCommand.set(RedisKeys.PRODUCER_HEARTBEAT, seconds, ttlMillis()));
        redis.accept(RedisCommand.set(RedisKeys.producerHeartbeat(engineId), seconds, ttlMillis()));
        StreamingSession s = session.get();
        if (s != null) redis.accept(sessionKey(s));
        long lastPattern = stats.lastPatternMillis.get();
        String details = Json.write(Map.of(
                "patterns_detected",
                stats.patterns.get(),
                "uptime_seconds",
                (now - startedAtMillis) / 1000,
                "last_pattern_time",
                lastPattern == 0 ? "none" : IsoTime.format(lastPattern),
                "timestamp",
                now / 1000.0));
        rows.write(new HistoryRow.IntegrationEvent(
                UUID.randomUUID().toString(),
                "heartbeat",
                IntegrationLog.PRODUCER,
                IntegrationLog.PRODUCER_ALIVE,
                null,
                null,
                null,
                null,
                null,
                details,
                now));
    }
}
