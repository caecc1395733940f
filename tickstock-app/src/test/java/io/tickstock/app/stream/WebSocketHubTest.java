package io.tickstock.app.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.Javalin;
import io.tickstock.contract.Events;
import io.tickstock.contract.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hub on a real Jetty WebSocket server (Javalin on port 0, no Redis or PostgreSQL) with JDK WebSocket clients:
 * snapshot first, per-subscription filtering with one rendering per distinct subscription, broadcasts to everyone,
 * disconnects, {@code disconnectAll} closing with 1001, frames for one user, and at most 20 sockets per user.
 */
class WebSocketHubTest {
    private WebSocketHub hub;
    private Javalin server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        hub = new WebSocketHub(1_000, () -> 1_700_000_000_000L);
        server = Javalin.create(c -> {
                    c.startup.showJavalinBanner = false;
                    c.routes.ws("/ws", ws -> {
                        ws.onConnect(ctx -> hub.connect(ctx, "trader", List.of("{\"event\":\"snapshot\"}")));
                        ws.onMessage(ctx -> {
                            hub.subscribe(ctx, Subscription.parse(Json.read(ctx.message())));
                            hub.send(ctx, "{\"event\":\"subscribed\"}"); // as StreamSocket replies
                        });
                        ws.onClose(hub::disconnect);
                    });
                })
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        hub.close();
        server.stop();
    }

    /** A client recording every text frame and its close code. */
    static final class Browser implements WebSocket.Listener {
        final List<String> frames = new CopyOnWriteArrayList<>();
        final AtomicInteger closeCode = new AtomicInteger(-1);
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closeCode.set(statusCode);
            return null;
        }

        List<String> events() {
            return frames.stream().map(f -> Json.read(f).path("event").asText()).toList();
        }
    }

    private WebSocket connect(Browser browser) throws Exception {
        WebSocket ws = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws"), browser)
                .get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> !browser.frames.isEmpty());
        return ws;
    }

    /** Sends a subscribe message and waits for the hub's reply, so the subscription is in place. */
    private static void subscribe(WebSocket ws, Browser browser, String message) throws Exception {
        int before = browser.frames.size();
        ws.sendText(message, true).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> browser.frames.size() > before);
    }

    private static StreamItem.Bar bar(String symbol) {
        return StreamingBufferTest.bar(symbol);
    }

    @Test
    void eachClientGetsItsSnapshotThenWhatItSubscribedTo() throws Exception {
        Browser all = new Browser(), spy = new Browser(), spyToo = new Browser();
        connect(all);
        WebSocket spyWs = connect(spy), spyTooWs = connect(spyToo);
        String onlySpy = "{\"action\":\"subscribe\",\"streams\":{\"bar\":[\"SPY\"]}}";
        subscribe(spyWs, spy, onlySpy);
        subscribe(spyTooWs, spyToo, onlySpy);
        AtomicInteger renders = new AtomicInteger();

        hub.publish("bar", List.of(bar("SPY"), bar("IBM")), items -> {
            renders.incrementAndGet();
            return Json.write(Map.of(
                    "event",
                    "bars",
                    "symbols",
                    items.stream().map(StreamItem::symbol).toList()));
        });
        hub.broadcast("{\"event\":\"health\"}");

        await().atMost(Duration.ofSeconds(5))
                .until(() -> all.frames.size() == 3 && spy.frames.size() == 4 && spyToo.frames.size() == 4);
        assertThat(all.events()).containsExactly("snapshot", "bars", "health");
        assertThat(spy.events()).containsExactly("snapshot", "subscribed", "bars", "health");
        assertThat(Json.read(all.frames.get(1)).path("symbols")).hasSize(2);
        assertThat(Json.read(spy.frames.get(2)).path("symbols").toString()).isEqualTo("[\"SPY\"]");
        assertThat(spyToo.frames.get(2)).isEqualTo(spy.frames.get(2));
        assertThat(renders).as("one rendering per distinct subscription").hasValue(2);
        assertThat(hub.clients()).isEqualTo(3);
    }

    @Test
    void alertsComeOneFrameEachExceptToCompact2ClientsWhoGetThemInOne() throws Exception {
        Browser json = new Browser(), compact1 = new Browser(), compact2 = new Browser();
        WebSocket jsonWs = connect(json), c1Ws = connect(compact1), c2Ws = connect(compact2);
        subscribe(jsonWs, json, "{\"action\":\"subscribe\",\"streams\":{\"alert\":\"*\"}}");
        subscribe(c1Ws, compact1, "{\"action\":\"subscribe\",\"format\":\"compact-1\",\"streams\":{\"alert\":\"*\"}}");
        subscribe(c2Ws, compact2, "{\"action\":\"subscribe\",\"format\":\"compact-2\",\"streams\":{\"alert\":\"*\"}}");
        List<StreamItem.Alert> alerts = List.of(alert("SPY"), alert("IBM"), alert("AAPL"));
        AtomicInteger singles = new AtomicInteger();

        hub.publishEach(
                "alert",
                alerts,
                a -> {
                    singles.incrementAndGet();
                    return Frames.frame("indicator_alert", a);
                },
                all -> Frames.batch("indicator_alerts_batch", "alerts", all, 1_700_000_000_000L));

        await().atMost(Duration.ofSeconds(5))
                .until(() -> json.frames.size() == 5 && compact1.frames.size() == 5 && compact2.frames.size() == 3);
        assertThat(json.events().subList(2, 5)).containsOnly("indicator_alert");
        assertThat(compact1.frames.subList(2, 5)).isEqualTo(json.frames.subList(2, 5));
        assertThat(singles).as("each alert rendered once for every client").hasValue(3);
        var batch = Json.read(compact2.frames.get(2));
        assertThat(batch.path("event").asText()).isEqualTo("indicator_alerts_batch");
        assertThat(batch.path("data").path("count").asInt()).isEqualTo(3);
        for (int i = 0; i < 3; i++)
            assertThat(batch.path("data").path("alerts").get(i))
                    .isEqualTo(Json.read(json.frames.get(2 + i)).path("data"));
    }

    private static StreamItem.Alert alert(String symbol) {
        return new StreamItem.Alert(
                new Events.IndicatorAlert(
                        symbol, "RSI_OVERBOUGHT", "2025-10-05T14:15:00.000Z", Map.of("value", 71.5), "info", null),
                1_700_000_000_000L);
    }

    @Test
    void aStreamNobodySubscribedToSendsNothing() throws Exception {
        Browser b = new Browser();
        WebSocket ws = connect(b);
        subscribe(ws, b, "{\"action\":\"subscribe\",\"streams\":{\"pattern\":\"*\"}}");
        AtomicInteger renders = new AtomicInteger();
        hub.publish("indicator", List.of(bar("SPY")), items -> {
            renders.incrementAndGet();
            return "{}";
        });
        hub.broadcast("{\"event\":\"health\"}");
        await().atMost(Duration.ofSeconds(5)).until(() -> b.frames.size() == 3);
        assertThat(b.events()).containsExactly("snapshot", "subscribed", "health");
        assertThat(renders).hasValue(0);
    }

    @Test
    void disconnectAllClosesEveryConnectionAsGoingAway() throws Exception {
        Browser a = new Browser(), b = new Browser();
        connect(a);
        connect(b);
        hub.disconnectAll("restarting");
        await().atMost(Duration.ofSeconds(5)).until(() -> a.closeCode.get() == 1001 && b.closeCode.get() == 1001);
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.clients() == 0);
    }

    @Test
    void aUserHoldsAtMostTwentySocketsAndTheOldestGoesFirst() throws Exception {
        List<Browser> browsers = new ArrayList<>();
        for (int i = 0; i <= WebSocketHub.MAX_SOCKETS_PER_USER; i++) {
            Browser b = new Browser();
            connect(b);
            browsers.add(b);
        }
        await().atMost(Duration.ofSeconds(5))
                .until(() -> browsers.getFirst().closeCode.get() == 4409);
        assertThat(hub.clients()).isEqualTo(WebSocketHub.MAX_SOCKETS_PER_USER);
        assertThat(browsers.subList(1, browsers.size())).allMatch(b -> b.closeCode.get() == -1);
        hub.sendTo("trader", "{\"event\":\"backtest_progress\"}");
        hub.sendTo("someone-else", "{\"event\":\"backtest_result\"}");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> browsers.subList(1, browsers.size()).stream()
                        .allMatch(b -> b.events().contains("backtest_progress")));
        assertThat(browsers).noneMatch(b -> b.events().contains("backtest_result"));
    }
}
