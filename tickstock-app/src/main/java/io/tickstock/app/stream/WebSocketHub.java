package io.tickstock.app.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.websocket.WsContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser connections. Each client has a {@link Subscription}, a bounded outbox of {@code outboxCapacity}
 * frames and at most one send in flight (the next frame goes when Jetty's send callback completes), so a slow
 * client never slows the others. A client whose outbox is half full is <em>coalesced</em>: its indicator values
 * and bars wait in a latest-per-series table and go out as one frame when its outbox has drained; when its
 * outbox is full it is disconnected with close code 1008 and the reason "client too slow". Frames are
 * serialized once per distinct subscription. {@link #broadcast} and {@link #publish} never block and may be
 * called from any thread.
 */
public final class WebSocketHub implements Fanout, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketHub.class);
    /** Streams whose values supersede each other (coalesced for a slow client). */
    private static final List<String> COALESCED = List.of("indicator", "bar");

    private final int outboxCapacity;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newFixedThreadPool(2, r -> Thread.ofPlatform().name("tickstock-ws-send").daemon().unstarted(r));
    private final AtomicLong framesSent = new AtomicLong(), evicted = new AtomicLong(), coalesced = new AtomicLong();

    private final java.util.function.LongSupplier clock;

    /** @param clock wall clock, epoch ms (the time of a coalesced batch) */
    public WebSocketHub(int outboxCapacity, java.util.function.LongSupplier clock) {
        this.outboxCapacity = outboxCapacity;
        this.clock = clock;
    }

    /** Registers a connected client (all streams) and queues its snapshot frames first. */
    public void connect(WsContext ctx, String user, List<String> snapshot) {
        Client c = new Client(ctx.sessionId(), ctx.session, user);
        clients.put(c.id, c);
        snapshot.forEach(c::enqueue);
    }

    /** Changes a client's subscription (Jetty thread); unknown ids are ignored. */
    public void subscribe(WsContext ctx, Subscription subscription) {
        Client c = clients.get(ctx.sessionId());
        if (c != null) c.subscription = subscription;
    }

    /** Queues a frame for one client (a reply or its snapshot). */
    public void send(WsContext ctx, String frame) {
        Client c = clients.get(ctx.sessionId());
        if (c != null) c.enqueue(frame);
    }

    public void disconnect(WsContext ctx) {
        clients.remove(ctx.sessionId());
    }

    /** Closes every connection (code 1001, "going away"); browsers reconnect. */
    public void disconnectAll(String reason) {
        for (Client c : clients.values()) {
            clients.remove(c.id);
            c.session.close(1001, reason, Callback.NOOP);
        }
    }

    /** Queues a frame every client receives whatever its subscription (session, health, critical alerts). */
    @Override
    public void broadcast(String frame) {
        for (Client c : clients.values()) c.enqueue(frame);
    }

    /**
     * Queues the items of {@code stream} each client subscribed to, rendered by {@code render} into one frame
     * (once per distinct subscription).
     */
    @Override
    public void publish(String stream, List<ObjectNode> items, Function<List<ObjectNode>, String> render) {
        Map<Subscription, String> frames = new HashMap<>();
        for (Client c : clients.values()) {
            Subscription sub = c.subscription;
            List<ObjectNode> mine = sub.filter(stream, items);
            if (mine.isEmpty()) continue;
            if (COALESCED.contains(stream) && c.backlogged()) {
                c.coalesce(stream, mine);
                continue;
            }
            c.enqueue(frames.computeIfAbsent(sub, s -> render.apply(mine)));
        }
    }

    public int clients() { return clients.size(); }
    public long framesSent() { return framesSent.get(); }
    public long evicted() { return evicted.get(); }
    /** Indicator values and bars held back for slow clients and superseded before they could be sent. */
    public long coalesced() { return coalesced.get(); }

    @Override
    public void close() {
        sender.shutdownNow();
    }

    private final class Client {
        final String id, user;
        final Session session;
        final BlockingQueue<String> outbox = new ArrayBlockingQueue<>(outboxCapacity);
        final AtomicBoolean sending = new AtomicBoolean();
        final Map<String, ObjectNode> heldIndicators = new LinkedHashMap<>(), heldBars = new LinkedHashMap<>();
        volatile Subscription subscription = Subscription.ALL;

        Client(String id, Session session, String user) {
            this.id = id;
            this.session = session;
            this.user = user;
        }

        boolean backlogged() {
            return outbox.size() >= outboxCapacity / 2;
        }

        synchronized void coalesce(String stream, List<ObjectNode> items) {
            boolean indicator = stream.equals("indicator");
            for (ObjectNode i : items) {
                String key = indicator ? i.path("symbol").asText() + '|' + i.path("indicator").asText() + '|' + i.path("metadata")
                        : i.path("symbol").asText() + '|' + i.path("timestamp").asText();
                if ((indicator ? heldIndicators : heldBars).put(key, i) != null) coalesced.incrementAndGet();
            }
        }

        /** The held values as frames, once the outbox has drained. */
        synchronized List<String> releaseHeld() {
            if (heldIndicators.isEmpty() && heldBars.isEmpty()) return List.of();
            List<String> frames = new ArrayList<>();
            if (!heldIndicators.isEmpty()) {
                frames.add(Frames.batch("streaming_indicators_batch", "indicators", new ArrayList<>(heldIndicators.values()), clock.getAsLong()));
            }
            if (heldBars.size() == 1) frames.add(Frames.frame("streaming_bar", heldBars.values().iterator().next()));
            else if (!heldBars.isEmpty()) frames.add(Frames.batch("streaming_bars_batch", "bars", new ArrayList<>(heldBars.values()), clock.getAsLong()));
            heldIndicators.clear();
            heldBars.clear();
            return frames;
        }

        void enqueue(String frame) {
            if (!outbox.offer(frame)) {
                evict();
                return;
            }
            pump();
        }

        void pump() {
            if (!sending.compareAndSet(false, true)) return;
            String frame = outbox.poll();
            if (frame == null) {
                List<String> held = releaseHeld();
                if (!held.isEmpty()) {
                    sending.set(false);
                    held.forEach(this::enqueue);
                    return;
                }
                sending.set(false);
                if (!outbox.isEmpty()) pump(); // a frame raced in after the poll
                return;
            }
            session.sendText(frame, Callback.from(() -> {
                framesSent.incrementAndGet();
                sending.set(false);
                sender.execute(this::pump);
            }, error -> {
                sending.set(false);
                clients.remove(id);
            }));
        }

        void evict() {
            if (clients.remove(id) == null) return;
            evicted.incrementAndGet();
            LOG.warn("disconnecting WebSocket client {} ({}): outbox of {} frames full", id, user, outboxCapacity);
            outbox.clear();
            session.close(1008, "client too slow", Callback.NOOP);
        }
    }
}
