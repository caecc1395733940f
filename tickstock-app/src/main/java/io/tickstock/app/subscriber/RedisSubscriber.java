package io.tickstock.app.subscriber;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.tickstock.contract.Channels;
import io.tickstock.contract.LogText;
import io.tickstock.contract.RedisUrl;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to every channel of the contract. Lettuce's listener runs on a Netty thread, so it only
 * enqueues; the {@code tickstock-dispatch} thread reads each message ({@link MessageReader}) and hands the
 * events to {@code sink}. Lettuce reconnects (every 500 ms, so the engine's backlog after a Redis outage
 * finds the subscription back) and resubscribes by itself; once every channel is subscribed again the
 * dispatcher runs the {@link #onResubscribed} action (in order with the messages), so the app can reload from
 * PostgreSQL what was published while it was away.
 *
 * <p>The inbound queue is bounded ({@value #MAX_QUEUED} messages and {@value #MAX_QUEUED_CHARS} characters): a
 * message that does not fit is dropped and counted ({@link SubscriberStats#dropped}), never held until the heap
 * runs out, and once the dispatcher has caught up it runs the {@link #onResubscribed} action as after a reconnect,
 * so what PostgreSQL holds of the gap (patterns, alerts) is reloaded.
 */
public final class RedisSubscriber implements AutoCloseable {
    /** The contract's channels and the backtesting events. */
    static final List<String> CHANNELS =
            Stream.concat(Channels.ALL.stream(), Channels.BACKTESTING.stream()).toList();

    private static final Logger LOG = LoggerFactory.getLogger(RedisSubscriber.class);
    /** A message, the resubscription marker (channel null), or a task to run in order on the dispatcher. */
    private record Raw(
            @Nullable String channel,
            @Nullable String text,
            long receivedAtMillis,
            @Nullable Runnable task) {
        Raw(@Nullable String channel, @Nullable String text, long receivedAtMillis) {
            this(channel, text, receivedAtMillis, null);
        }
    }

    private static final int DRAIN_EVERY = 256;
    /** Bounds of the inbound queue. */
    public static final int MAX_QUEUED = 200_000, MAX_QUEUED_CHARS = 64 << 20;

    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisPubSubConnection<String, String> connection;
    private final BlockingQueue<Raw> queue = new LinkedBlockingQueue<>();
    private final MessageReader reader;
    private final LongSupplier clock;
    private final SubscriberStats stats;
    private final Consumer<Inbound> sink;
    private final Thread dispatcher;
    private volatile boolean running = true;
    private volatile Runnable onResubscribed = () -> {}, onDrained = () -> {};
    private final AtomicInteger subscriptions = new AtomicInteger();
    private final AtomicLong resubscriptions = new AtomicLong();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong queuedChars = new AtomicLong();
    private volatile boolean gap;

    /** @throws IllegalStateException naming TICKSTOCK_REDIS_URL when Redis cannot be reached */
    public RedisSubscriber(String redisUrl, LongSupplier clock, SubscriberStats stats, Consumer<Inbound> sink) {
        this.reader = new MessageReader(clock);
        this.clock = clock;
        this.stats = stats;
        this.sink = sink;
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.constant(Duration.ofMillis(500)))
                .build();
        this.client = RedisClient.create(resources, RedisUrl.uri(redisUrl));
        client.setOptions(ClientOptions.builder().autoReconnect(true).build());
        try {
            this.connection = client.connectPubSub();
        } catch (RuntimeException e) {
            client.shutdown();
            resources
                    .shutdown(0, 2, TimeUnit.SECONDS)
                    .awaitUninterruptibly(3_000); // its event loops stopped when close returns
            throw new IllegalStateException(
                    "cannot reach Redis at " + LogText.url(redisUrl) + ": start it or set TICKSTOCK_REDIS_URL", e);
        }
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                if (queued.get() >= MAX_QUEUED || queuedChars.get() + message.length() > MAX_QUEUED_CHARS) {
                    stats.dropped(channel);
                    gap = true;
                    return;
                }
                queued.incrementAndGet();
                queuedChars.addAndGet(message.length());
                queue.add(new Raw(channel, message, clock.getAsLong()));
            }

            @Override
            public void subscribed(String channel, long count) {
                // the initial subscription completes once; every later full set is a resubscription after a reconnect
                if (count == CHANNELS.size() && subscriptions.getAndIncrement() > 0)
                    queue.add(new Raw(null, null, clock.getAsLong()));
            }
        });
        this.dispatcher =
                Thread.ofPlatform().name("tickstock-dispatch").daemon().unstarted(this::dispatch);
    }

    /** Subscribes and starts dispatching. */
    public RedisSubscriber start() {
        connection.sync().subscribe(CHANNELS.toArray(new String[0]));
        dispatcher.start();
        LOG.info("subscribed to {} channels", CHANNELS.size());
        return this;
    }

    private void dispatch() {
        int sinceDrained = 0;
        while (running) {
            Raw raw;
            try {
                raw = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (raw == null) continue;
            if (raw.text() != null) {
                queued.decrementAndGet();
                queuedChars.addAndGet(-raw.text().length());
            }
            dispatch(raw);
            if (gap && queue.isEmpty()) {
                gap = false;
                LOG.warn("inbound messages were dropped (queue full): reloading what PostgreSQL holds of the gap");
                reloadAfter("a full inbound queue");
            }
            if (queue.isEmpty() || ++sinceDrained >= DRAIN_EVERY) {
                sinceDrained = 0;
                try {
                    onDrained.run();
                } catch (RuntimeException e) {
                    LOG.error("delivering after a drain failed", e);
                }
            }
        }
    }

    private void dispatch(Raw raw) {
        Runnable task = raw.task();
        if (task != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("a task on the dispatcher failed", e);
            }
            return;
        }
        String channel = raw.channel(), text = raw.text();
        if (channel == null || text == null) {
            resubscriptions.incrementAndGet();
            LOG.info("resubscribed to {} channels after a reconnect", CHANNELS.size());
            reloadAfter("a reconnect");
            return;
        }
        stats.received(channel);
        List<Inbound> events;
        try {
            events = reader.read(channel, text, reason -> stats.unreadable(channel, reason, text));
        } catch (UnreadableMessage e) {
            stats.unreadable(channel, e.getMessage(), text);
            return;
        }
        for (Inbound event : events) {
            try {
                sink.accept(event.receivedAt(raw.receivedAtMillis()));
            } catch (RuntimeException e) {
                stats.unreadable(channel, "handler failed: " + e.getClass().getSimpleName(), text);
                LOG.error("handling {} failed", event.event().getClass().getSimpleName(), e);
            }
        }
    }

    private void reloadAfter(String what) {
        try {
            onResubscribed.run();
        } catch (RuntimeException e) {
            LOG.error("reloading after {} failed", what, e);
        }
    }

    /** Runs {@code task} on the dispatcher thread, in order with the messages received before it. Any thread. */
    public void runOnDispatcher(Runnable task) {
        queue.add(new Raw(null, null, clock.getAsLong(), task));
    }

    /** Runs {@code action} on the dispatcher thread whenever its queue is empty after a message, and at least every {@value #DRAIN_EVERY} messages. */
    public RedisSubscriber onDrained(Runnable action) {
        this.onDrained = action;
        return this;
    }

    /**
     * Runs {@code action} on the dispatcher thread after each resubscription that follows a reconnect, and after
     * messages were dropped because the inbound queue was full, once the queue is empty again.
     */
    public RedisSubscriber onResubscribed(Runnable action) {
        this.onResubscribed = action;
        return this;
    }

    /** Reconnects after which every channel was subscribed again. */
    public long resubscriptions() {
        return resubscriptions.get();
    }

    /** Whether the subscription connection is open now. */
    public boolean connected() {
        return connection.isOpen();
    }

    /** Messages received but not yet dispatched. */
    public int backlog() {
        return queue.size();
    }

    @Override
    public void close() {
        running = false;
        connection.close();
        client.shutdown();
        resources
                .shutdown(0, 2, TimeUnit.SECONDS)
                .awaitUninterruptibly(3_000); // its event loops stopped when close returns
    }
}
