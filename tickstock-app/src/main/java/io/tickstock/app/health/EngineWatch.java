package io.tickstock.app.health;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tickstock.contract.Initializer;
import io.tickstock.contract.LogText;
import io.tickstock.contract.RedisKeys;
import io.tickstock.contract.RedisUrl;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the engine's heartbeat key once a second on its own thread ({@code tickstock-engine-watch}) and hands each
 * change of {@link EngineLiveness} to {@code onChange} (which must not block). While Redis itself is unreachable the
 * status is left as it is: that outage is the subscriber's to report.
 */
public final class EngineWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineWatch.class);
    private final RedisClient client;
    private final String redisUrl;
    private final EngineLiveness liveness;
    private final LongSupplier clock;
    private final Consumer<EngineLiveness.Transition> onChange;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("tickstock-engine-watch").daemon().unstarted(r));
    private StatefulRedisConnection<String, String> connection;

    /** A watch of {@code redisUrl}'s heartbeat key; {@code clock} is the wall clock in epoch ms. */
    public EngineWatch(
            String redisUrl,
            EngineLiveness liveness,
            LongSupplier clock,
            Consumer<EngineLiveness.Transition> onChange) {
        this.redisUrl = redisUrl;
        this.client = RedisClient.create(RedisUrl.uri(redisUrl));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(2)))
                .build());
        this.liveness = liveness;
        this.clock = clock;
        this.onChange = onChange;
    }

    /**
     * Connects and checks the heartbeat once a second.
     *
     * @throws IllegalStateException naming TICKSTOCK_REDIS_URL when Redis cannot be reached
     */
    @Initializer
    @SuppressWarnings("FutureReturnValueIgnored") // check() catches its own failures; close() ends the timer
    public EngineWatch start() {
        try {
            connection = client.connect();
        } catch (RuntimeException e) {
            client.shutdown();
            throw new IllegalStateException(
                    "cannot reach Redis at " + LogText.url(redisUrl) + ": start it or set TICKSTOCK_REDIS_URL", e);
        }
        timer.scheduleWithFixedDelay(this::check, 0, 1, TimeUnit.SECONDS);
        return this;
    }

    public EngineLiveness liveness() {
        return liveness;
    }

    private void check() {
        String beat;
        long ttl;
        try {
            beat = connection.sync().get(RedisKeys.PRODUCER_HEARTBEAT);
            ttl = beat == null ? -2 : connection.sync().pttl(RedisKeys.PRODUCER_HEARTBEAT);
        } catch (RuntimeException e) {
            return; // Redis unreachable: not the engine's fault
        }
        EngineLiveness.Transition t = liveness.update(beat, ttl, clock.getAsLong());
        try {
            if (t != null) onChange.accept(t);
        } catch (RuntimeException e) { // an exception would end the schedule: the watch would stop
            LOG.error("reporting the engine's liveness failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (connection != null) connection.close();
        client.shutdown();
    }
}
