package io.tickstock.engine.feed;

import io.tickstock.contract.Json;
import io.tickstock.contract.LogText;
import io.tickstock.contract.Outbox;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.trades.ClockSkewGuard;
import io.tickstock.engine.trades.Trade;
import io.tickstock.engine.trades.TradeConditions;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client of the Massive (Polygon) stocks WebSocket (protocol and trade-condition rules in docs/engine.md) on Jetty's WebSocket client
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

    private final MassiveSubscription config;
    private final Listener listener;
    private final BlockingQueue<String> frames;
    private final MassiveTradeQueue trades;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "massive-client");
        t.setDaemon(true);
        return t;
    });
    private final WebSocketClient jetty = new WebSocketClient();
    private final AtomicLong droppedFrames = new AtomicLong(), reconnects = new AtomicLong();
    private volatile @Nullable Session socket;
    private volatile @Nullable MassiveConnection current;
    private final MassiveFrames statusDecoder = new MassiveFrames(TradeConditions.bundled()); // Jetty's thread
    private volatile boolean closing, authenticated, failed;
    private volatile long lostAt = -1, lastPong, pingSentAt;
    private long backoffMillis = 1_000;

    public MassiveClient(MassiveSubscription config, TradeConditions conditions, Listener listener) {
        this.config = config;
        this.listener = listener;
        this.frames = new ArrayBlockingQueue<>(config.queueCapacity());
        this.trades = new MassiveTradeQueue(
                frames, conditions, new ClockSkewGuard(config.maxClockSkewMillis(), System::currentTimeMillis));
    }

    /** Receives Massive's minute aggregates ({@code AM.*} topics), on the {@link #poll} thread. Call before start. */
    public MassiveClient onAggregates(Consumer<Bar> consumer) {
        trades.onAggregates(consumer);
        return this;
    }

    /** Connects (asynchronously) and starts pinging. */
    @SuppressWarnings("FutureReturnValueIgnored") // ping() catches its own failures; close() ends the scheduler
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
        scheduler.scheduleAtFixedRate(this::ping, 25, 25, TimeUnit.SECONDS);
        return this;
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the outcome is handled in whenComplete
    private void connect() {
        if (closing || failed) return;
        MassiveConnection handler = new MassiveConnection(this);
        current = handler;
        LOG.info("connecting to Massive at {}", config.url());
        try {
            jetty.connect(handler, config.url()).whenComplete((session, error) -> {
                if (error != null) lost(handler, "connect failed: " + Outbox.rootMessage(error));
            });
        } catch (Exception e) {
            lost(handler, "connect failed: " + Outbox.rootMessage(e));
        }
    }

    /** One report and one reconnect per connection, however many callbacks say it ended. */
    @SuppressWarnings("FutureReturnValueIgnored") // connect() handles its own failures
    synchronized void lost(@Nullable MassiveConnection handler, String reason) {
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

    /**
     * Every 25 s on the scheduler thread: a ping, or a reconnect when the last ping got no pong within 30 s. Never
     * throws: an exception would end the schedule, and a dead connection would go unnoticed.
     */
    private void ping() {
        Session ws = socket;
        if (ws == null || !authenticated) return;
        try {
            if (pingSentAt > lastPong && System.currentTimeMillis() - pingSentAt > 30_000) {
                ws.disconnect();
                lost(current, "no pong within 30 s");
                return;
            }
            pingSentAt = System.currentTimeMillis();
            ws.sendPing(ByteBuffer.wrap(new byte[] {1}), Callback.NOOP);
        } catch (RuntimeException e) {
            LOG.warn("Massive ping failed: {}", LogText.quote(e.getMessage()));
        }
    }

    private void onStatus(Session ws, String status, String message) {
        switch (status) {
            case "connected" ->
                ws.sendText("{\"action\":\"auth\",\"params\":" + Json.write(config.apiKey()) + "}", Callback.NOOP);
            case "auth_success" -> {
                LOG.info("Massive authenticated at {}; subscribing {}", config.url(), config.topics());
                ws.sendText(
                        "{\"action\":\"subscribe\",\"params\":" + Json.write(String.join(",", config.topics())) + "}",
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
                LOG.error("Massive {}: {}", LogText.quote(status), LogText.quote(message));
                listener.onFatal(status, message);
                ws.close(1000, status, Callback.NOOP);
            }
            default -> LOG.debug("Massive status {}: {}", LogText.quote(status), LogText.quote(message));
        }
    }

    /**
     * The next trade, decoding queued frames as needed; null after {@code timeout} without one. One consumer thread.
     *
     * @throws InterruptedException when the consumer thread is interrupted
     */
    public @Nullable Trade poll(long timeout, TimeUnit unit) throws InterruptedException {
        return trades.poll(timeout, unit);
    }

    /** Trades decoded so far. */
    public long trades() {
        return trades.trades();
    }
    /** Frames lost because the queue was full. */
    public long droppedFrames() {
        return droppedFrames.get();
    }
    /** Trades refused as stamped more than {@link MassiveSubscription#maxClockSkewMillis} ahead of this machine's clock. */
    public long futureTrades() {
        return trades.futureTrades();
    }

    /** Malformed frames or events by reason. */
    public Map<String, Long> malformed() {
        return trades.malformed();
    }
    /** Sequence numbers that jumped by more than one (informational: Massive's are not contiguous). */
    public long sequenceGaps() {
        return trades.sequenceGaps();
    }
    /** Sequence numbers that did not increase (duplicates or out of order). */
    public long sequenceRegressions() {
        return trades.sequenceRegressions();
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

    /** A connection's socket opened (Jetty's thread). */
    void opened(Session s) {
        socket = s;
    }

    /** A text frame: status frames are handled at once (the handshake), every frame is queued for {@link #poll}. */
    void received(@Nullable Session ws, String frame) {
        if (ws != null && frame.contains("\"status\"")) { // Jetty opens before any frame: ws is set
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

    void pong() {
        lastPong = System.currentTimeMillis();
    }
}
