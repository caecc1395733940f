package io.tickstock.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import io.tickstock.app.store.History;
import io.tickstock.app.stream.Frames;
import io.tickstock.app.stream.LiveState;
import io.tickstock.app.stream.Subscription;
import io.tickstock.app.stream.WebSocketHub;
import io.tickstock.contract.Json;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser WebSocket {@code /streaming/ws} (login required at the upgrade). On connect the client gets the
 * snapshot (session, health, recent patterns and alerts) and then every stream; the server pings every
 * {@value #PING_SECONDS} s, so a connection that stops answering ends at the idle timeout. Client messages:
 * <ul>
 *   <li>{@code {"action":"subscribe","streams":{…}}} ({@link Subscription}) → {@code subscribed} with the streams
 *       taken, then {@code streaming_bars_snapshot} (the last {@value #SNAPSHOT_HOURS} h of 1-minute bars) for each of
 *       up to {@value #MAX_SNAPSHOT_SYMBOLS} symbols named for {@code bar};</li>
 *   <li>anything else → an {@code error} frame naming the {@code parameter}; the connection stays open.</li>
 * </ul>
 * Handlers run on Jetty threads; the bar snapshot's PostgreSQL query runs on a virtual thread, one at a time per
 * connection (a subscribe that arrives while one runs gets its live streams at once and an {@code error} naming
 * {@code streams.bar} for the history). Every {@value #RECHECK_SECONDS} s each connection's login is checked again
 * ({@link Auth#user}): after a logout, an expiry, a password change or a removed user the socket is closed with
 * code {@value #SESSION_ENDED} within a few seconds, and the dashboard goes to the login page.
 */
public final class StreamSocket implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamSocket.class);
    static final int PING_SECONDS = 15, SNAPSHOT_HOURS = 6, MAX_SNAPSHOT_SYMBOLS = 20, RECHECK_SECONDS = 1;
    /** The close code of a socket whose login ended (application range 4000-4999). */
    public static final int SESSION_ENDED = 4401;

    /** A connection and the login token it was opened with. */
    private record Connection(WsContext ctx, @Nullable String token) {}

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final Set<String> snapshotting = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService recheck = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("tickstock-login-recheck").daemon().unstarted(r));

    private final WebSocketHub hub;
    private final Auth auth;
    private final LiveState state;
    private final History history;
    private final LongSupplier clock;

    @SuppressWarnings("FutureReturnValueIgnored") // recheckLogins() catches its own failures; close() ends it
    public StreamSocket(WebSocketHub hub, Auth auth, LiveState state, History history, LongSupplier clock) {
        this.hub = hub;
        this.auth = auth;
        this.state = state;
        this.history = history;
        this.clock = clock;
        recheck.scheduleWithFixedDelay(this::recheckLogins, RECHECK_SECONDS, RECHECK_SECONDS, TimeUnit.SECONDS);
    }

    /** Closes the sockets whose login has ended. */
    private void recheckLogins() {
        for (Iterator<Connection> it = connections.values().iterator(); it.hasNext(); ) {
            Connection c = it.next();
            try {
                if (auth.user(c.token()).isEmpty()) {
                    it.remove();
                    c.ctx().closeSession(SESSION_ENDED, "session ended: sign in again");
                }
            } catch (RuntimeException e) {
                LOG.warn("re-checking a WebSocket's login failed: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        recheck.shutdownNow();
    }

    /** Installs the handlers on Javalin's {@code ws(...)} config. */
    public void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            ctx.enableAutomaticPings(PING_SECONDS, TimeUnit.SECONDS);
            String token = ctx.cookie(Auth.COOKIE);
            String user = auth.user(token).map(Auth.Login::user).orElse("?");
            connections.put(ctx.sessionId(), new Connection(ctx, token));
            hub.connect(ctx, user, state.snapshot(clock.getAsLong()));
        });
        ws.onMessage(this::message);
        ws.onClose(ctx -> {
            ctx.disableAutomaticPings();
            connections.remove(ctx.sessionId());
            hub.disconnect(ctx);
        });
        ws.onError(ctx -> {
            connections.remove(ctx.sessionId());
            hub.disconnect(ctx);
        });
    }

    private void message(WsMessageContext ctx) {
        JsonNode msg;
        try {
            msg = Json.read(ctx.message());
        } catch (IllegalArgumentException e) {
            error(ctx, "message", "not JSON: send {\"action\":\"subscribe\",\"streams\":{…}}");
            return;
        }
        if (!"subscribe".equals(msg.path("action").asText())) {
            error(ctx, "action", "unknown action " + msg.path("action") + ", expected \"subscribe\"");
            return;
        }
        Subscription sub;
        try {
            sub = Subscription.parse(msg);
        } catch (Subscription.Invalid e) {
            error(ctx, e.parameter(), String.valueOf(e.getMessage()));
            return;
        }
        hub.subscribe(ctx, sub);
        ObjectNode reply = Json.MAPPER.createObjectNode();
        reply.set("streams", Json.MAPPER.valueToTree(sub.streams()));
        reply.put("format", sub.format().wire());
        hub.send(ctx, Frames.frame("subscribed", reply));
        if (sub.symbols("bar").isEmpty()) return;
        if (!snapshotting.add(ctx.sessionId())) { // one history query in flight per connection
            error(
                    ctx,
                    "streams.bar",
                    "recent bars are still loading for this connection's previous subscribe: live bars follow");
            return;
        }
        Thread.ofVirtual()
                .name("tickstock-bars-snapshot")
                .start(
                        () -> { // PostgreSQL, off the Jetty thread
                            try {
                                barsSnapshot(ctx, sub);
                            } finally {
                                snapshotting.remove(ctx.sessionId());
                            }
                        });
    }

    private void barsSnapshot(WsMessageContext ctx, Subscription sub) {
        int n = 0;
        for (String symbol : sub.symbols("bar")) {
            if (n++ == MAX_SNAPSHOT_SYMBOLS) break;
            try {
                ObjectNode d = Json.MAPPER.createObjectNode();
                d.put("symbol", symbol);
                d.set(
                        "bars",
                        Json.MAPPER.valueToTree(
                                history.bars(symbol, SNAPSHOT_HOURS).rows()));
                hub.send(ctx, Frames.frame("streaming_bars_snapshot", d));
            } catch (SQLException e) {
                LOG.warn("bar snapshot of {} unavailable: {}", symbol, e.getMessage());
                error(ctx, "streams.bar", "recent bars of " + symbol + " unavailable (PostgreSQL): live bars follow");
            }
        }
    }

    private void error(WsMessageContext ctx, String parameter, String message) {
        hub.send(
                ctx,
                Frames.frame("error", Json.MAPPER.valueToTree(Map.of("parameter", parameter, "message", message))));
    }
}
