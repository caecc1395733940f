package io.tickstock.engine.feed;

import io.tickstock.engine.trades.Trade;
import io.tickstock.engine.trades.TradeConditions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client of the Massive (Polygon) stocks WebSocket (../shared/docs/massive.md) on Jetty's WebSocket client
 * (its own threads; the JDK's WebSocket opens connections on the common ForkJoin pool, which a busy JVM can
 * starve):
 * on {@code connected} it authenticates, on {@code auth_success} it subscribes every topic ({@code T.AAPL},
 * {@code T.*}). Frames are read at once into a bounded queue (Massive disconnects slow readers; a frame that
 * finds the queue full is counted in {@link #droppedFrames()} and logged) and decoded by the consumer in
 * {@link #poll}. Pings every 25 s and reconnects when no pong came within 30 s; on a lost connection it
 * tells the {@link Listener} once, reconnects with exponential backoff (1 s doubling to 30 s), re-authenticates
 * and re-subscribes. {@code auth_failed} and {@code max_connections} stop it (reconnecting would not help).
 * The API key is never logged. Threads: one scheduler thread plus Jetty's; {@link #poll} from one consumer
 * thread.
 */
public final class MassiveClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MassiveClient.class);

    /** What happens to the connection; called on the client's threads, must not block. */
    public interface Listener {
        /** The connection dropped (once per outage). */
        void onConnectionLost(String reason);

        /** Authenticated and subscribed again after an outage of {@code downMillis}. */
        void onConnectionRestored(long downMillis);

        /** Authenticated (and subscribing), on the first connection and after every reconnect. */
        default void onConnected() {}

        /** {@code auth_failed} or {@code max_connections}: the client stopped. */
        void onFatal(String status, String message);
    }

    /**
     * Where and what to stream.
     *
     * @param url           e.g. {@code wss://socket.massive.com/stocks}
     * @param apiKey        from TICKSTOCK_MASSIVE_API_KEY
     * @param topics        e.g. {@code T.AAPL}, {@code T.*}
     * @param queueCapacity frames buffered between the socket and the consumer
     */
    public record Config(URI url, String apiKey, List<String> topics, int queueCapacity) {
        @Override
        public String toString() {
            return "Config[url=" + url + ", topics=" + topics + ", queueCapacity=" + queueCapacity + "]"; // no key
        }
    }

    private final Config config;
    private final Listener listener;
    private final BlockingQueue<String> frames;
    private final MassiveFrames decoder;
    private volatile java.util.function.Consumer<io.tickstock.engine.bars.Bar> aggregates = bar -> {};
    private final ArrayDeque<Trade> decoded = new ArrayDeque<>();
    private final Map<String, Long> lastSequence = new HashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "massive-client");
        t.setDaemon(true);
        return t;
    });
    private final WebSocketClient jetty = new WebSocketClient();
    private final AtomicLong droppedFrames = new AtomicLong(), reconnects = new AtomicLong();
    private final Map<String, Long> malformed = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong trades = new AtomicLong(),
            sequenceGaps = new AtomicLong(),
            sequenceRegressions = new AtomicLong();
    private volatile @Nullable Session socket;
    private volatile @Nullable Handler current;
    private volatile boolean closing, authenticated, failed;
    private volatile long lostAt = -1, lastPong, pingSentAt;
    private long backoffMillis = 1_000;

    public MassiveClient(Config config, TradeConditions conditions, Listener listener) {
        this.config = config;
        this.listener = listener;
        this.frames = new ArrayBlockingQueue<>(config.queueCapacity());
        this.decoder = new MassiveFrames(conditions);
    }

    /** Receives Massive's minute aggregates ({@code AM.*} topics), on the {@link #poll} thread. Call before start. */
    public MassiveClient onAggregates(java.util.function.Consumer<io.tickstock.engine.bars.Bar> consumer) {
        this.aggregates = consumer;
        return this;
    }

    /** Connects (asynchronously) and starts pinging. */
    @SuppressWarnings("FutureReturnValueIgnored") // the ping task catches its own failures; close() ends the scheduler
    public MassiveClient start() {
        try {
            jetty.setMaxTextMessageSize(64L << 20);
            jetty.setIdleTimeout(Duration.ofSeconds(90));
            jetty.setConnectTimeout(10_000);
            jetty.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the WebSocket client: " + e.getMessage(), e);
        }
        connect();
        scheduler.scheduleAtFixedRate(
                () -> {
                    try {
                        ping();
                    } catch (
                            RuntimeException
                                    e) { // an exception would end the schedule: a dead connection would go unnoticed
                        LOG.warn("Massive ping failed: {}", io.tickstock.contract.LogText.quote(e.getMessage()));
                    }
                },
                25,
                25,
                TimeUnit.SECONDS);
        return this;
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the outcome is handled in whenComplete
    private void connect() {
        if (closing || failed) return;
        Handler handler = new Handler();
        current = handler;
        LOG.info("connecting to Massive at {}", config.url());
        try {
            jetty.connect(handler, config.url()).whenComplete((session, error) -> {
                if (error != null) lost(handler, "connect failed: " + rootMessage(error));
            });
        } catch (Exception e) {
            lost(handler, "connect failed: " + rootMessage(e));
        }
    }

    /** One report and one reconnect per connection, however many callbacks say it ended. */
    @SuppressWarnings("FutureReturnValueIgnored") // connect() handles its own failures
    private synchronized void lost(@Nullable Handler handler, String reason) {
        if (handler == null || handler != current || handler.ended) return; // null: never connected
        handler.ended = true;
        authenticated = false;
        if (closing || failed) return;
        if (lostAt < 0) {
            lostAt = System.currentTimeMillis();
            LOG.warn("Massive connection lost: {}; reconnecting", reason);
            listener.onConnectionLost(reason);
        }
        long delay = backoffMillis;
        backoffMillis = Math.min(30_000, backoffMillis * 2);
        reconnects.incrementAndGet();
        scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void ping() {
        Session ws = socket;
        if (ws == null || !authenticated) return;
        if (pingSentAt > lastPong && System.currentTimeMillis() - pingSentAt > 30_000) {
            ws.disconnect();
            lost(current, "no pong within 30 s");
            return;
        }
        pingSentAt = System.currentTimeMillis();
        ws.sendPing(ByteBuffer.wrap(new byte[] {1}), Callback.NOOP);
    }

    private void onStatus(Session ws, String status, String message) {
        switch (status) {
            case "connected" ->
                ws.sendText("{\"action\":\"auth\",\"params\":" + quote(config.apiKey()) + "}", Callback.NOOP);
            case "auth_success" -> {
                LOG.info("Massive authenticated at {}; subscribing {}", config.url(), config.topics());
                ws.sendText(
                        "{\"action\":\"subscribe\",\"params\":" + quote(String.join(",", config.topics())) + "}",
                        Callback.NOOP);
                authenticated = true;
                backoffMillis = 1_000;
                listener.onConnected();
                if (lostAt >= 0) {
                    long down = System.currentTimeMillis() - lostAt;
                    lostAt = -1;
                    LOG.info("Massive connection restored after {} ms", down);
                    listener.onConnectionRestored(down);
                }
            }
            case "auth_failed", "max_connections" -> {
                failed = true;
                LOG.error(
                        "Massive {}: {}",
                        io.tickstock.contract.LogText.quote(status),
                        io.tickstock.contract.LogText.quote(message));
                listener.onFatal(status, message);
                ws.close(1000, status, Callback.NOOP);
            }
            default ->
                LOG.debug(
                        "Massive status {}: {}",
                        io.tickstock.contract.LogText.quote(status),
                        io.tickstock.contract.LogText.quote(message));
        }
    }

    /**
     * The next trade, decoding queued frames as needed; null after {@code timeout} without one.
     *
     * @throws InterruptedException when the consumer thread is interrupted
     */
    public @Nullable Trade poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (decoded.isEmpty()) {
            String frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame == null) return null;
            decoder.decode(frame, consumerSink);
        }
        return decoded.pollFirst();
    }

    private final MassiveFrames.Sink consumerSink = new MassiveFrames.Sink() {
        @Override
        public void onTrade(Trade trade, long sequence) {
            trades.incrementAndGet();
            if (sequence >= 0) {
                Long last = lastSequence.put(trade.symbol(), sequence);
                if (last != null && sequence <= last) sequenceRegressions.incrementAndGet();
                else if (last != null && sequence > last + 1) sequenceGaps.incrementAndGet();
            }
            decoded.addLast(trade);
        }

        @Override
        public void onStatus(String status, String message) {}

        @Override
        public void onAggregate(io.tickstock.engine.bars.Bar bar) {
            aggregates.accept(bar);
        }

        @Override
        public void onMalformed(String reason) {
            long n = malformed.merge(reason, 1L, Long::sum);
            if (n == 1)
                LOG.warn(
                        "Massive frame skipped ({}); further frames with this reason are counted only",
                        io.tickstock.contract.LogText.quote(reason));
        }
    };

    /** Trades decoded so far. */
    public long trades() {
        return trades.get();
    }
    /** Frames lost because the queue was full. */
    public long droppedFrames() {
        return droppedFrames.get();
    }
    /** Malformed frames or events by reason. */
    public Map<String, Long> malformed() {
        return Map.copyOf(malformed);
    }
    /** Sequence numbers that jumped by more than one (informational: Massive's are not contiguous). */
    public long sequenceGaps() {
        return sequenceGaps.get();
    }
    /** Sequence numbers that did not increase (duplicates or out of order). */
    public long sequenceRegressions() {
        return sequenceRegressions.get();
    }

    public long reconnects() {
        return reconnects.get();
    }

    public boolean authenticated() {
        return authenticated;
    }

    public boolean failed() {
        return failed;
    }

    /** Aborts the socket as a network failure would (fault drills); the client reconnects. */
    public void dropConnection() {
        Session ws = socket;
        if (ws != null) ws.disconnect();
        lost(current, "connection dropped");
    }

    @Override
    public void close() {
        closing = true;
        Session ws = socket;
        if (ws != null && ws.isOpen()) ws.close(1000, "bye", Callback.NOOP);
        scheduler.shutdownNow();
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.debug("stopping the WebSocket client", e);
        }
    }

    /** Reads frames off the socket into the queue; handles status frames at once for the handshake. */
    /** Public because Jetty binds the listener methods through method handles; not an API. */
    public final class Handler implements Session.Listener.AutoDemanding {
        private final MassiveFrames statusDecoder = new MassiveFrames(TradeConditions.bundled());
        private volatile @Nullable Session session;
        private boolean ended;

        @Override
        public void onWebSocketOpen(Session s) {
            session = s;
            socket = s;
        }

        @Override
        public void onWebSocketText(String frame) {
            Session ws = session;
            if (ws == null) return; // frames arrive only after onWebSocketOpen
            if (frame.contains("\"status\"")) {
                statusDecoder.decode(frame, new MassiveFrames.Sink() {
                    @Override
                    public void onTrade(Trade trade, long sequence) {}

                    @Override
                    public void onStatus(String status, String message) {
                        MassiveClient.this.onStatus(ws, status, message);
                    }

                    @Override
                    public void onMalformed(String reason) {}
                });
            }
            if (!frames.offer(frame) && droppedFrames.incrementAndGet() == 1) {
                LOG.error(
                        "Massive frame queue full ({} frames): dropping frames; the consumer is too slow",
                        config.queueCapacity());
            }
        }

        @Override
        public void onWebSocketPong(ByteBuffer payload) {
            lastPong = System.currentTimeMillis();
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            lost(
                    this,
                    "closed by server (" + statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")");
        }

        @Override
        public void onWebSocketError(Throwable error) {
            lost(this, rootMessage(error));
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
