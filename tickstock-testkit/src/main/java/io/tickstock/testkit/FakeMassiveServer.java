package io.tickstock.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import io.tickstock.contract.Json;
import io.tickstock.engine.feed.TradeSource;
import io.tickstock.engine.trades.Trade;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for the Massive stocks WebSocket (protocol and trade-condition rules in docs/engine.md) for tests and demos: sends
 * {@code connected}, answers {@code auth} with {@code auth_success} or {@code auth_failed} (then closes),
 * acknowledges each subscribed topic, and when the first subscription arrives replays recorded trades as
 * arrays of {@code T} events with Massive's field names (ms timestamps, per-ticker sequence numbers) to every
 * connection subscribed to their ticker, at a chosen speed, and {@code AM} minute aggregates of them (all
 * eligible trades; sent when the ticker's next minute starts) to {@code AM.} subscribers. Like Massive, one connection per key: a newer
 * authenticated connection gets the older one a {@code max_connections} status and closes it; trades sent
 * while a client is away are not replayed to it. {@link #dropAll()} and {@link #broadcast} are fault and
 * protocol hooks for tests. Threads: Jetty's, plus one replay thread.
 */
public final class FakeMassiveServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FakeMassiveServer.class);
    private static final int EVENTS_PER_FRAME = 50;

    private final String apiKey;
    private final Supplier<TradeSource> trades;
    private final double speed;
    private final Javalin http;
    private final Map<String, Set<String>> subscriptions = new ConcurrentHashMap<>(); // session id → topics
    private final List<WsContext> authenticated = new CopyOnWriteArrayList<>();
    private final List<String> subscribeRequests = new CopyOnWriteArrayList<>();
    private volatile @Nullable Thread replay;
    private volatile long finishedAt = -1;

    /**
     * @param port   0 for a free one
     * @param trades the recorded trades to replay, opened when the first client subscribes
     * @param speed  multiple of real time, {@link Double#POSITIVE_INFINITY} for as fast as possible
     */
    public FakeMassiveServer(int port, String apiKey, Supplier<TradeSource> trades, double speed) {
        this.apiKey = apiKey;
        this.trades = trades;
        this.speed = speed;
        this.http = Javalin.create(c -> {
                    c.startup.showJavalinBanner = false;
                    c.routes.get("/v3/reference/conditions", ctx -> {
                        if (!("Bearer " + apiKey).equals(ctx.header("Authorization"))) {
                            ctx.status(401).json(Map.of("status", "ERROR", "error", "Unknown API Key"));
                            return;
                        }
                        ctx.contentType("application/json").result(FakeConditions.JSON);
                    });
                    c.routes.ws("/stocks", ws -> {
                        ws.onConnect(ctx -> ctx.send(status("connected", "Connected Successfully")));
                        ws.onMessage(ctx -> onMessage(ctx, ctx.message()));
                        ws.onClose(ctx -> forget(ctx));
                        ws.onError(ctx -> forget(ctx));
                    });
                })
                .start("127.0.0.1", port);
    }

    public int port() {
        return http.port();
    }

    /** {@code ws://127.0.0.1:<port>/stocks}. */
    public String url() {
        return "ws://127.0.0.1:" + port() + "/stocks";
    }

    private void onMessage(WsContext ctx, String text) {
        JsonNode msg;
        try {
            msg = Json.read(text);
        } catch (RuntimeException e) {
            ctx.send(status("error", "could not parse message"));
            return;
        }
        String action = msg.path("action").asText(), params = msg.path("params").asText();
        switch (action) {
            case "auth" -> {
                if (!apiKey.equals(params)) {
                    ctx.send(status("auth_failed", "authentication failed"));
                    ctx.closeSession(1008, "authentication failed");
                    return;
                }
                for (WsContext older : authenticated) {
                    older.send(
                            status(
                                    "max_connections",
                                    "Maximum number of websocket connections exceeded. You have reached the connection limit for your account."));
                    older.closeSession(1008, "max_connections");
                    forget(older);
                }
                authenticated.add(ctx);
                ctx.send(status("auth_success", "authenticated"));
            }
            case "subscribe" -> {
                if (!authenticated.contains(ctx)) {
                    ctx.send(status("error", "not authorized"));
                    return;
                }
                subscribeRequests.add(params);
                Set<String> topics = subscriptions.computeIfAbsent(ctx.sessionId(), k -> ConcurrentHashMap.newKeySet());
                StringBuilder acks = new StringBuilder("[");
                for (String topic : params.split(",", -1)) {
                    topics.add(topic.trim());
                    if (acks.length() > 1) acks.append(',');
                    acks.append(event("success", "subscribed to: " + topic.trim()));
                }
                ctx.send(acks.append(']').toString());
                startReplay();
            }
            default -> ctx.send(status("error", "unknown action '" + action + "'"));
        }
    }

    private void forget(WsContext ctx) {
        authenticated.remove(ctx);
        subscriptions.remove(ctx.sessionId());
    }

    private synchronized void startReplay() {
        if (replay != null) return;
        replay = Thread.ofPlatform().name("fake-massive-replay").daemon().start(this::replay);
    }

    private void replay() {
        Map<String, Long> sequence = new HashMap<>();
        Map<String, double[]> minutes = new HashMap<>(); // symbol → {start, o, h, l, c, v, notional}
        List<Trade> frame = new ArrayList<>();
        long firstTrade = Long.MIN_VALUE, started = System.nanoTime();
        try (TradeSource source = trades.get()) {
            for (Trade t; (t = source.next()) != null && !Thread.currentThread().isInterrupted(); ) {
                if (firstTrade == Long.MIN_VALUE) firstTrade = t.timeMillis();
                if (!frame.isEmpty()
                        && (frame.size() == EVENTS_PER_FRAME || frame.get(0).timeMillis() != t.timeMillis())) {
                    send(frame, sequence);
                    frame.clear();
                }
                if (speed != Double.POSITIVE_INFINITY) {
                    long dueNanos = started + (long) ((t.timeMillis() - firstTrade) * 1e6 / speed);
                    long wait = dueNanos - System.nanoTime();
                    if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                frame.add(t);
                if (t.eligible()) aggregate(minutes, t);
            }
            if (!frame.isEmpty()) send(frame, sequence);
            for (Map.Entry<String, double[]> m : minutes.entrySet()) sendAggregate(m.getKey(), m.getValue());
            finishedAt = System.currentTimeMillis();
            LOG.info("fake Massive replay finished");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("fake Massive replay failed: {}", e.getMessage());
        }
    }

    private void send(List<Trade> frame, Map<String, Long> sequence) {
        for (WsContext ctx : authenticated) {
            Set<String> topics = subscriptions.get(ctx.sessionId());
            if (topics == null) continue;
            StringBuilder out = new StringBuilder("[");
            for (Trade t : frame) {
                if (!topics.contains("T.*") && !topics.contains("T." + t.symbol())) continue;
                if (out.length() > 1) out.append(',');
                long q = sequence.merge(t.symbol(), 1L, Long::sum);
                out.append("{\"ev\":\"T\",\"sym\":\"")
                        .append(t.symbol())
                        .append("\",\"x\":4,\"i\":\"")
                        .append(q)
                        .append("\",\"z\":3,\"p\":")
                        .append(t.price())
                        .append(",\"s\":")
                        .append(t.size())
                        .append(t.eligible() ? "" : ",\"c\":[15]")
                        .append(",\"t\":")
                        .append(t.timeMillis())
                        .append(",\"q\":")
                        .append(q)
                        .append('}');
            }
            if (out.length() > 1) ctx.send(out.append(']').toString());
        }
    }

    /** Builds Massive-style minute aggregates of the replayed trades; sends one when its symbol's minute ends. */
    private void aggregate(Map<String, double[]> minutes, Trade t) {
        long start = Math.floorDiv(t.timeMillis(), 60_000L) * 60_000L;
        double[] m = minutes.get(t.symbol());
        if (m != null && (long) m[0] != start) {
            sendAggregate(t.symbol(), m);
            m = null;
        }
        if (m == null) {
            minutes.put(
                    t.symbol(),
                    new double[] {start, t.price(), t.price(), t.price(), t.price(), t.size(), t.price() * t.size()});
            return;
        }
        m[2] = Math.max(m[2], t.price());
        m[3] = Math.min(m[3], t.price());
        m[4] = t.price();
        m[5] += t.size();
        m[6] += t.price() * t.size();
    }

    private void sendAggregate(String symbol, double[] m) {
        String event = "[{\"ev\":\"AM\",\"sym\":\"" + symbol + "\",\"v\":" + (long) m[5] + ",\"vw\":" + (m[6] / m[5])
                + ",\"o\":" + m[1] + ",\"c\":" + m[4] + ",\"h\":" + m[2] + ",\"l\":" + m[3]
                + ",\"s\":" + (long) m[0] + ",\"e\":" + ((long) m[0] + 60_000) + "}]";
        for (WsContext ctx : authenticated) {
            Set<String> topics = subscriptions.get(ctx.sessionId());
            if (topics != null && (topics.contains("AM.*") || topics.contains("AM." + symbol))) ctx.send(event);
        }
    }

    /** Sends a raw text frame to every authenticated connection (protocol tests). */
    public void broadcast(String frame) {
        for (WsContext ctx : authenticated) ctx.send(frame);
    }

    /** Closes every connection from the server side, as a Massive restart would. */
    public void dropAll() {
        for (WsContext ctx : authenticated) {
            ctx.closeSession(1001, "going away");
            forget(ctx);
        }
    }

    /** Every subscribe request's params received so far, in order. */
    public List<String> subscribeRequests() {
        return List.copyOf(subscribeRequests);
    }

    /** When the replay sent its last trade (epoch ms), or -1 while it runs or before it started. */
    public long finishedAt() {
        return finishedAt;
    }

    /** Connections currently authenticated. */
    public int connections() {
        return authenticated.size();
    }

    /** {@code http://127.0.0.1:<port>}: the fake REST base (conditions endpoint). */
    public String restUrl() {
        return "http://127.0.0.1:" + port();
    }

    private static String status(String status, String message) {
        return "[" + event(status, message) + "]";
    }

    private static String event(String status, String message) {
        return "{\"ev\":\"status\",\"status\":\"" + status + "\",\"message\":" + Json.write(message) + "}";
    }

    @Override
    public void close() {
        Thread r = replay;
        if (r != null) r.interrupt();
        http.stop();
    }
}
