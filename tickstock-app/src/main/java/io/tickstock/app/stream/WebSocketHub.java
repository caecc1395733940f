package io.tickstock.app.stream;

import io.javalin.websocket.WsContext;
import io.tickstock.contract.LogText;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
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
import java.util.function.LongSupplier;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser connections. Each client has a {@link Subscription}, a bounded outbox of {@code outboxCapacity}
 * frames and at most one write in flight (up to {@value #FRAMES_PER_WRITE} frames, written by the hub's two sender
 * threads; the next write goes when Jetty's callback completes), so a slow client never slows the others and a
 * fan-out to every client only queues. A client whose outbox is half full is <em>coalesced</em>: its indicator values
 * and bars wait in a latest-per-series table and go out as one frame when its outbox has drained; when its
 * outbox is full it is disconnected with close code 1008 and the reason "client too slow". Frames are
 * serialized and UTF-8 encoded once per distinct subscription; every client's outbox holds a read-only view of the
 * same bytes, sent as a text frame through Jetty's core session (its {@code sendText(String)} would encode the
 * text again for every client). {@link #broadcast} and {@link #publish} never block and may be called from any
 * thread.
 */
public final class WebSocketHub implements Fanout, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketHub.class);
    /** Streams whose values supersede each other (coalesced for a slow client). */
    private static final List<String> COALESCED = List.of("indicator", "bar");
    /** Frames written together; with pings and the close frame within Jetty's outgoing-frame limit (App: 8). */
    private static final int FRAMES_PER_WRITE = 4;
    /** Most WebSocket connections of one user. */
    public static final int MAX_SOCKETS_PER_USER = 20;

    private final int outboxCapacity;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    /** Connections made so far: each client's order of arrival. */
    private final AtomicLong connections = new AtomicLong();

    private final ExecutorService sender = Executors.newFixedThreadPool(
            2, r -> Thread.ofPlatform().name("tickstock-ws-send").daemon().unstarted(r));
    private final AtomicLong framesSent = new AtomicLong(), evicted = new AtomicLong(), coalesced = new AtomicLong();

    private final LongSupplier clock;

    /** @param clock wall clock, epoch ms (the time of a coalesced batch) */
    public WebSocketHub(int outboxCapacity, LongSupplier clock) {
        this.outboxCapacity = outboxCapacity;
        this.clock = clock;
    }

    /**
     * Registers a connected client (all streams) and queues its snapshot frames first. A user holds at most
     * {@value #MAX_SOCKETS_PER_USER} connections: beyond, the user's oldest is closed with code 4409 ("too many
     * connections"). Jetty threads.
     */
    public void connect(WsContext ctx, String user, List<String> snapshot) {
        Client c = new Client(ctx.sessionId(), ctx.session, user, connections.incrementAndGet());
        Client oldest = null;
        synchronized (clients) {
            clients.put(c.id, c);
            int mine = 0;
            for (Client other : clients.values()) {
                if (!other.user.equals(user)) continue;
                mine++;
                if (oldest == null || other.order < oldest.order) oldest = other;
            }
            if (mine <= MAX_SOCKETS_PER_USER || oldest == null) oldest = null;
            else clients.remove(oldest.id);
        }
        if (oldest != null) {
            LOG.info("closing the oldest of {}'s WebSockets: at most {}", LogText.quote(user), MAX_SOCKETS_PER_USER);
            oldest.session.close(4409, "too many connections", Callback.NOOP);
        }
        snapshot.forEach(frame -> c.enqueue(utf8(frame)));
    }

    /** Queues a frame for {@code user}'s clients only (a backtest job's progress and result). */
    @Override
    public void sendTo(String user, String frame) {
        ByteBuffer bytes = null;
        for (Client c : clients.values()) {
            if (!c.user.equals(user)) continue;
            if (bytes == null) bytes = utf8(frame);
            c.enqueue(bytes);
        }
    }

    /** Changes a client's subscription (Jetty thread); unknown ids are ignored. */
    public void subscribe(WsContext ctx, Subscription subscription) {
        Client c = clients.get(ctx.sessionId());
        if (c != null) c.subscription = subscription;
    }

    /** Queues a frame for one client (a reply or its snapshot). */
    public void send(WsContext ctx, String frame) {
        Client c = clients.get(ctx.sessionId());
        if (c != null) c.enqueue(utf8(frame));
    }

    public void disconnect(WsContext ctx) {
        clients.remove(ctx.sessionId());
    }

    /** Closes every connection (code 1001, "going away"); browsers reconnect. */
    public void disconnectAll(String reason) {
        for (Iterator<Client> it = clients.values().iterator(); it.hasNext(); ) {
            Client c = it.next();
            it.remove();
            c.session.close(1001, reason, Callback.NOOP);
        }
    }

    /** Queues a frame every client receives whatever its subscription (session, health, critical alerts). */
    @Override
    public void broadcast(String frame) {
        ByteBuffer bytes = utf8(frame);
        for (Client c : clients.values()) c.enqueue(bytes);
    }

    /**
     * Queues the items of {@code stream} each client subscribed to, rendered by {@code render} into one frame
     * (once per distinct subscription).
     */
    @Override
    public <T extends StreamItem> void publish(String stream, List<T> items, Function<List<T>, String> render) {
        Map<Subscription, ByteBuffer> frames = new HashMap<>();
        for (Client c : clients.values()) {
            Subscription sub = c.subscription;
            List<T> mine = sub.filter(stream, items);
            if (mine.isEmpty()) continue;
            if (COALESCED.contains(stream) && c.backlogged()) {
                c.coalesce(stream, mine);
                continue;
            }
            c.enqueue(frames.computeIfAbsent(
                    sub,
                    s -> utf8(
                            s.compact() && CompactFrames.handles(stream)
                                    ? CompactFrames.render(stream, mine, clock.getAsLong())
                                    : render.apply(mine))));
        }
    }

    @Override
    public <T extends StreamItem> void publishEach(
            String stream, List<T> items, Function<T, String> one, Function<List<T>, String> all) {
        Map<Subscription, ByteBuffer> batches = new HashMap<>();
        Map<T, ByteBuffer> singles = new IdentityHashMap<>();
        for (Client c : clients.values()) {
            Subscription sub = c.subscription;
            List<T> mine = sub.filter(stream, items);
            if (mine.isEmpty()) continue;
            if (sub.format().batches(stream)) c.enqueue(batches.computeIfAbsent(sub, s -> utf8(all.apply(mine))));
            else for (T item : mine) c.enqueue(singles.computeIfAbsent(item, i -> utf8(one.apply(i))));
        }
    }

    public int clients() {
        return clients.size();
    }

    public long framesSent() {
        return framesSent.get();
    }

    public long evicted() {
        return evicted.get();
    }
    /** Indicator values and bars held back for slow clients and superseded before they could be sent. */
    public long coalesced() {
        return coalesced.get();
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }

    /** A frame's text as read-only UTF-8 bytes that any number of clients may send. */
    private static ByteBuffer utf8(String frame) {
        return ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
    }

    private final class Client {
        final String id, user;
        /** When it connected, in arrival order. */
        final long order;

        final Session session;
        final CoreSession core;
        final BlockingQueue<ByteBuffer> outbox = new ArrayBlockingQueue<>(outboxCapacity);
        final AtomicBoolean sending = new AtomicBoolean();
        final HeldValues held = new HeldValues();
        volatile Subscription subscription = Subscription.ALL;

        Client(String id, Session session, String user, long order) {
            this.id = id;
            this.order = order;
            this.session = session;
            this.core = ((WebSocketSession) session).getCoreSession();
            this.user = user;
        }

        boolean backlogged() {
            return outbox.size() >= outboxCapacity / 2;
        }

        void coalesce(String stream, List<? extends StreamItem> items) {
            coalesced.addAndGet(held.hold(stream, items));
        }

        /** Queues a frame; a sender thread writes it (the caller never does: a fan-out to every client only queues). */
        void enqueue(ByteBuffer frame) {
            if (!outbox.offer(frame)) {
                evict();
                return;
            }
            if (sending.compareAndSet(false, true)) sender.execute(this::send);
        }

        /**
         * Writes up to {@value #FRAMES_PER_WRITE} queued frames in one write (all but the last batched by Jetty), or
         * the held values once the outbox is empty. Sender thread, only while {@code sending} is set; the next call
         * comes when Jetty has written the last frame.
         */
        void send() {
            List<ByteBuffer> frames = new ArrayList<>(FRAMES_PER_WRITE);
            while (outbox.drainTo(frames, FRAMES_PER_WRITE) == 0) {
                List<String> released = held.release(subscription.compact(), clock.getAsLong());
                if (!released.isEmpty()) {
                    released.forEach(f -> outbox.offer(utf8(f))); // the outbox is empty: they fit
                    continue;
                }
                sending.set(false);
                if (outbox.isEmpty() || !sending.compareAndSet(false, true))
                    return; // else a frame raced in after the drain
            }
            org.eclipse.jetty.util.Callback failed =
                    org.eclipse.jetty.util.Callback.from(() -> {}, error -> clients.remove(id));
            org.eclipse.jetty.util.Callback written = org.eclipse.jetty.util.Callback.from(
                    () -> {
                        framesSent.addAndGet(frames.size());
                        sender.execute(this::send);
                    },
                    error -> {
                        sending.set(false);
                        clients.remove(id);
                    });
            for (int i = 0; i < frames.size(); i++) {
                boolean last = i == frames.size() - 1;
                core.sendFrame(new Frame(OpCode.TEXT, frames.get(i).slice()), last ? written : failed, !last);
            }
        }

        void evict() {
            if (clients.remove(id) == null) return;
            evicted.incrementAndGet();
            LOG.warn(
                    "disconnecting WebSocket client {} ({}): outbox of {} frames full",
                    id,
                    LogText.quote(user),
                    outboxCapacity);
            outbox.clear();
            session.close(1008, "client too slow", Callback.NOOP);
        }
    }
}
