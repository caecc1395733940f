package io.tickstock.app.stream;

import io.javalin.websocket.WsContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser connections. Each client has a bounded outbox and at most one send in flight (the next frame
 * goes when Jetty's send callback completes), so a slow client never slows the others: when its outbox is
 * full it is disconnected with close code 1008 and the reason "client too slow". {@link #broadcast} never
 * blocks and may be called from any thread.
 */
public final class WebSocketHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketHub.class);
    private final int outboxCapacity;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newFixedThreadPool(2, r -> Thread.ofPlatform().name("tickstock-ws-send").daemon().unstarted(r));
    private final AtomicLong framesSent = new AtomicLong(), evicted = new AtomicLong();

    public WebSocketHub(int outboxCapacity) {
        this.outboxCapacity = outboxCapacity;
    }

    /** Registers a connected client and queues its snapshot frames first. */
    public void connect(WsContext ctx, String user, List<String> snapshot) {
        Client c = new Client(ctx.sessionId(), ctx.session, user);
        clients.put(c.id, c);
        snapshot.forEach(c::enqueue);
    }

    public void disconnect(WsContext ctx) {
        clients.remove(ctx.sessionId());
    }

    /** Queues a frame for every client. */
    public void broadcast(String frame) {
        for (Client c : clients.values()) c.enqueue(frame);
    }

    public int clients() { return clients.size(); }
    public long framesSent() { return framesSent.get(); }
    public long evicted() { return evicted.get(); }

    @Override
    public void close() {
        sender.shutdownNow();
    }

    private final class Client {
        final String id, user;
        final Session session;
        final BlockingQueue<String> outbox = new ArrayBlockingQueue<>(outboxCapacity);
        final AtomicBoolean sending = new AtomicBoolean();

        Client(String id, Session session, String user) {
            this.id = id;
            this.session = session;
            this.user = user;
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
