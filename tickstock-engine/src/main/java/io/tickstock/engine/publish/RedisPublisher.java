package io.tickstock.engine.publish;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends queued Redis commands on its own thread, pipelined: it drains up to 1,000 commands, writes them
 * without flushing, flushes once and waits for all replies. The queue is bounded and {@link #send} never
 * blocks: a full queue counts the command as dropped. A batch that fails is kept and retried every second
 * (Lettuce reconnects by itself); outage and recovery go to {@code onOutage}. Each acknowledged PUBLISH
 * reports its queue-to-acknowledgment time in ms to {@code onLatency}. {@link #send} is thread-safe.
 */
public final class RedisPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisPublisher.class);
    private static final int MAX_BATCH = 1_000;

    /** Receives outage transitions: true when commands start failing, false on recovery. */
    public interface OutageListener {
        void outage(boolean down, String reason);
    }

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisAsyncCommands<String, String> async;
    private final BlockingQueue<RedisCommand> queue;
    private final OutageListener onOutage;
    private final LongConsumer onLatency;
    private final Thread thread;
    private final AtomicLong published = new AtomicLong(), dropped = new AtomicLong();
    private volatile boolean running = true, down;

    /**
     * Connects to Redis.
     *
     * @param redisUrl {@code redis://host:port}
     * @throws IllegalStateException naming TICKSTOCK_REDIS_URL when Redis cannot be reached
     */
    public RedisPublisher(String redisUrl, int capacity, OutageListener onOutage, LongConsumer onLatency) {
        this.client = RedisClient.create(redisUrl);
        client.setOptions(ClientOptions.builder().autoReconnect(true).requestQueueSize(capacity)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        try {
            this.connection = client.connect();
        } catch (RuntimeException e) {
            client.shutdown();
            throw new IllegalStateException("cannot reach Redis at " + redisUrl + " (" + e.getMessage()
                    + "): start it or set TICKSTOCK_REDIS_URL", e);
        }
        connection.setTimeout(Duration.ofSeconds(5));
        connection.setAutoFlushCommands(false);
        this.async = connection.async();
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.onOutage = onOutage;
        this.onLatency = onLatency;
        this.thread = Thread.ofPlatform().name("tickstock-publisher").daemon().unstarted(this::run);
    }

    public RedisPublisher start() {
        thread.start();
        return this;
    }

    /** Queues a command; false (counted as dropped) when the queue is full. Never blocks. */
    public boolean send(RedisCommand command) {
        if (queue.offer(command)) return true;
        dropped.incrementAndGet();
        return false;
    }

    public long published() { return published.get(); }
    public long dropped() { return dropped.get(); }
    public int pending() { return queue.size(); }
    public boolean isDown() { return down; }

    private void run() {
        List<RedisCommand> batch = new ArrayList<>();
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    RedisCommand first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) continue;
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
                sendBatch(batch);
                batch.clear();
                if (down) {
                    down = false;
                    LOG.info("Redis publishing resumed");
                    onOutage.outage(false, "Redis publishing resumed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!down) {
                    down = true;
                    LOG.error("Redis publish failed, retrying every second: {}", e.getMessage());
                    onOutage.outage(true, e.getMessage());
                }
                if (!running) return;
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void sendBatch(List<RedisCommand> batch) {
        List<RedisFuture<?>> futures = new ArrayList<>(batch.size());
        for (RedisCommand c : batch) {
            futures.add(switch (c.kind()) {
                case PUBLISH -> async.publish(c.target(), c.payload());
                case SET -> async.set(c.target(), c.payload());
                case DEL -> async.del(c.target());
            });
        }
        connection.flushCommands();
        if (!LettuceFutures.awaitAll(5, TimeUnit.SECONDS, futures.toArray(new RedisFuture[0]))) {
            throw new IllegalStateException("Redis did not acknowledge " + batch.size() + " commands within 5 s");
        }
        long now = System.nanoTime();
        for (RedisCommand c : batch) {
            if (c.kind() == RedisCommand.Kind.PUBLISH) onLatency.accept((now - c.queuedNanos()) / 1_000_000);
        }
        published.addAndGet(batch.size());
    }

    /** Sends what is queued (waiting up to {@code timeoutMillis}), then closes the connection. */
    public void close(long timeoutMillis) throws InterruptedException {
        running = false;
        thread.join(timeoutMillis);
        connection.close();
        client.shutdown();
    }

    @Override
    public void close() throws InterruptedException {
        close(10_000);
    }
}
