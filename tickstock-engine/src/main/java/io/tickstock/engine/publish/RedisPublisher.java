package io.tickstock.engine.publish;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.tickstock.contract.Channels;
import io.tickstock.contract.LogText;
import io.tickstock.contract.Outbox;
import io.tickstock.contract.RedisUrl;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Sends queued Redis commands through an {@link Outbox} thread, pipelined: up to 1,000 commands are written
 * without flushing (consecutive PUBLISHes as one script call, {@link #PUBLISH_ALL}), flushed once, and their replies
 * awaited together (5 s). {@link #send} never blocks.
 * While Redis is unavailable commands wait in the outbox: superseded values (a command's {@code series})
 * coalesce to the latest, events are kept up to the capacity and then counted as dropped. A failed batch is
 * retried every second; Lettuce reconnects every 500 ms (not its default backoff of up to 30 s), so
 * publishing resumes within about a second of Redis returning (plus up to 3 s for subscribers to resubscribe). Outage and recovery go to {@code onOutage}. Each acknowledged PUBLISH reports its
 * queue-to-acknowledgment time in ms to {@code onLatency}. With {@link UnreadChannels}, PUBLISHes to channels nobody
 * subscribes to are skipped and counted, the subscriber counts asked in the same pipeline at most once a second per
 * channel. {@link #send} is thread-safe.
 */
public final class RedisPublisher implements CommandSink, AutoCloseable {
    private static final int MAX_BATCH = 1_000;
    private static final long RESUBSCRIBE_WAIT_MILLIS = 3_000;
    /** Keys as UTF-8 text; payloads as bytes encoded by {@link #bytes} (a copy for ASCII JSON instead of Netty's per-char UTF-8 loop). */
    private static final RedisCodec<String, byte[]> PAYLOAD_CODEC =
            RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    /** Publishes ARGV's (channel, message) pairs in order; returns how many. */
    static final String PUBLISH_ALL =
            "local n = 0 for i = 1, #ARGV, 2 do redis.call('PUBLISH', ARGV[i], ARGV[i + 1]) n = n + 1 end return n";

    private static final String[] NO_KEYS = {};
    private final Map<String, byte[]> channels = new HashMap<>(); // channel names as bytes; publisher thread

    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final RedisAsyncCommands<String, byte[]> async;
    private final LongConsumer onLatency;
    private final Outbox<RedisCommand> outbox;
    private final @Nullable UnreadChannels unread;

    /**
     * Connects to Redis; publishes to every channel, read or not.
     *
     * @param redisUrl {@code redis://host:port}
     * @throws IllegalStateException naming TICKSTOCK_REDIS_URL when Redis cannot be reached
     */
    public RedisPublisher(String redisUrl, int capacity, Outbox.OutageListener onOutage, LongConsumer onLatency) {
        this(redisUrl, capacity, onOutage, onLatency, null);
    }

    /**
     * Connects to Redis, skipping channels without subscribers as {@code unread} says (null: publish everything).
     *
     * @param redisUrl {@code redis://host:port}
     * @throws IllegalStateException naming TICKSTOCK_REDIS_URL when Redis cannot be reached
     */
    public RedisPublisher(
            String redisUrl,
            int capacity,
            Outbox.OutageListener onOutage,
            LongConsumer onLatency,
            @Nullable UnreadChannels unread) {
        this.unread = unread;
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.constant(Duration.ofMillis(500)))
                .build();
        this.client = RedisClient.create(resources, RedisUrl.uri(redisUrl));
        // no per-command timeout timers: sendBatch awaits every batch with its own deadline
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .requestQueueSize(capacity)
                .timeoutOptions(TimeoutOptions.builder().timeoutCommands(false).build())
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        try {
            this.connection = client.connect(PAYLOAD_CODEC);
        } catch (RuntimeException e) {
            client.shutdown();
            resources
                    .shutdown(0, 2, TimeUnit.SECONDS)
                    .awaitUninterruptibly(3_000); // its event loops stopped when close returns
            throw new IllegalStateException(
                    "cannot reach Redis at " + LogText.url(redisUrl) + " (" + Outbox.rootMessage(e)
                            + "): start it or set TICKSTOCK_REDIS_URL",
                    e);
        }
        connection.setTimeout(Duration.ofSeconds(5));
        connection.setAutoFlushCommands(false);
        this.async = connection.async();
        this.onLatency = onLatency;
        this.outbox = new Outbox<>("publisher", capacity, MAX_BATCH, RedisCommand::series, this::sendBatch, onOutage);
    }

    public RedisPublisher start() {
        outbox.start();
        return this;
    }

    /** Queues a command; false (counted as dropped) when the queue is full. Never blocks. */
    @Override
    public boolean send(RedisCommand command) {
        return outbox.offer(command);
    }

    /** Commands handled: sent and acknowledged, or skipped as unread. */
    public long published() {
        return outbox.delivered();
    }

    /** PUBLISHes skipped per channel because nobody subscribed (empty when skipping is off). Any thread. */
    public Map<String, Long> skippedUnread() {
        return unread == null ? Map.of() : unread.skipped();
    }

    public long dropped() {
        return outbox.dropped();
    }

    public long coalesced() {
        return outbox.coalesced();
    }

    public int pending() {
        return outbox.pending();
    }

    public boolean isDown() {
        return outbox.isDown();
    }

    private void sendBatch(List<RedisCommand> all) throws InterruptedException {
        if (all.isEmpty()) return;
        if (outbox.isDown()) awaitSubscribers();
        List<RedisFuture<?>> futures = new ArrayList<>();
        List<RedisCommand> batch = unread == null ? all : readOnly(unread, all);
        for (int i = 0; i < batch.size(); ) {
            RedisCommand c = batch.get(i);
            int run = i; // consecutive PUBLISHes go out as one script call
            while (run < batch.size() && batch.get(run).kind() == RedisCommand.Kind.PUBLISH) run++;
            if (run - i > 1) {
                futures.add(publishAll(batch.subList(i, run)));
                i = run;
                continue;
            }
            futures.add(
                    switch (c.kind()) {
                        case PUBLISH -> async.publish(c.target(), bytes(c.payload()));
                        case SET ->
                            c.ttlMillis() > 0
                                    ? async.set(c.target(), bytes(c.payload()), SetArgs.Builder.px(c.ttlMillis()))
                                    : async.set(c.target(), bytes(c.payload()));
                        case DEL -> async.del(c.target());
                    });
            i++;
        }
        connection.flushCommands();
        if (!LettuceFutures.awaitAll(5, TimeUnit.SECONDS, futures.toArray(new RedisFuture[0]))) {
            throw new IllegalStateException("Redis did not acknowledge " + batch.size() + " commands within 5 s");
        }
        long now = System.nanoTime();
        for (RedisCommand c : batch) {
            if (c.kind() == RedisCommand.Kind.PUBLISH) onLatency.accept((now - c.queuedNanos()) / 1_000_000);
        }
    }

    /**
     * {@code all} without the PUBLISHes to channels nobody subscribes to. First asks {@code PUBSUB NUMSUB} (and {@code
     * NUMPAT}) about the batch's channels that are due a check, and waits for the answer (one round trip, at most once a
     * second per channel); a channel whose answer does not come stays as it was.
     */
    private List<RedisCommand> readOnly(UnreadChannels unread, List<RedisCommand> all) throws InterruptedException {
        Set<String> channels = new LinkedHashSet<>();
        for (RedisCommand c : all) if (c.kind() == RedisCommand.Kind.PUBLISH) channels.add(c.target());
        List<String> due = unread.due(channels);
        if (!due.isEmpty()) {
            RedisFuture<Map<String, Long>> numsub = async.pubsubNumsub(due.toArray(new String[0]));
            RedisFuture<Long> numpat = async.pubsubNumpat();
            connection.flushCommands();
            try {
                if (LettuceFutures.awaitAll(2, TimeUnit.SECONDS, numsub, numpat)) {
                    unread.answer(numsub.get());
                    unread.answerPatterns(numpat.get());
                }
            } catch (RuntimeException | ExecutionException e) {
                // unanswered (Redis unavailable: the publishes below fail and the batch is retried): last answers stay
            }
        }
        List<RedisCommand> out = new ArrayList<>(all.size());
        for (RedisCommand c : all) if (c.kind() != RedisCommand.Kind.PUBLISH || !unread.skip(c.target())) out.add(c);
        return out;
    }

    /**
     * PUBLISHes {@code publishes} in order with one {@value #PUBLISH_ALL} script call: subscribers receive exactly
     * the messages {@code PUBLISH} would send them, in the same order, while the client handles one command instead of
     * one per message (Lettuce spent ~3 µs of its event loop per command in the 10,000-symbol burst). The script
     * runs atomically in Redis (up to {@value #MAX_BATCH} messages, about a millisecond).
     */
    private RedisFuture<Long> publishAll(List<RedisCommand> publishes) {
        byte[][] args = new byte[publishes.size() * 2][];
        for (int k = 0; k < publishes.size(); k++) {
            RedisCommand c = publishes.get(k);
            args[2 * k] = channels.computeIfAbsent(c.target(), RedisPublisher::bytes);
            args[2 * k + 1] = bytes(c.payload());
        }
        return async.eval(PUBLISH_ALL, ScriptOutputType.INTEGER, NO_KEYS, args);
    }

    private static byte[] bytes(String payload) {
        return payload.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * After an outage, gives subscribers up to {@value #RESUBSCRIBE_WAIT_MILLIS} ms to resubscribe before the
     * backlog goes out (Redis pub/sub keeps nothing for absent subscribers): returns once the pattern channel
     * has a subscriber again. Throws (the batch is retried) while Redis is still unreachable.
     */
    private void awaitSubscribers() throws InterruptedException {
        long deadline = System.currentTimeMillis() + RESUBSCRIBE_WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            RedisFuture<Map<String, Long>> numsub = async.pubsubNumsub(Channels.PATTERNS_STREAMING);
            connection.flushCommands();
            try {
                Long n = numsub.get(2, TimeUnit.SECONDS).get(Channels.PATTERNS_STREAMING);
                if (n != null && n > 0) return;
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Redis still unavailable: " + Outbox.rootMessage(e), e);
            }
            Thread.sleep(100);
        }
    }

    /** Sends what is queued (waiting up to {@code timeoutMillis}), then closes the connection. */
    public void close(long timeoutMillis) throws InterruptedException {
        outbox.close(timeoutMillis);
        connection.close();
        client.shutdown();
        resources
                .shutdown(0, 2, TimeUnit.SECONDS)
                .awaitUninterruptibly(3_000); // its event loops stopped when close returns
    }

    @Override
    public void close() throws InterruptedException {
        close(10_000);
    }
}
