package io.tickstock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.tickstock.app.App;
import io.tickstock.contract.Events;
import io.tickstock.contract.Json;
import io.tickstock.contract.RedisUrl;
import io.tickstock.engine.Engine;
import io.tickstock.engine.EngineConfig;
import io.tickstock.testkit.AppHttp;
import io.tickstock.testkit.HostileMessages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * 100,000 hostile messages ({@link HostileMessages}: not JSON, not objects, nested thousands deep, over 1 MiB, fields
 * missing, mistyped or out of range, markup in text) published to every channel while a real replay (AIG, BAC, IBM,
 * SPY, 2013-10-08 09:30–10:30 at 240×) runs through a real app to a WebSocket client and Chromium: nothing crashes,
 * every malformed message is counted by the app or the engine, none is dropped, every pattern and alert of the
 * replay reaches the client and PostgreSQL, the markup is shown as text and never runs, and the page still renders.
 */
@Tag("e2e")
class FuzzTest {
    static final String PASSWORD = "fuzz-password";
    static final int MESSAGES = 100_000;

    @TempDir
    Path tmp;

    @Test
    void hostileMessagesOnEveryChannelChangeNothingValid() throws Exception {
        try (AppStack stack = AppStack.start(tmp, PASSWORD)) {
            EmbeddedRedis redis = stack.redis();
            EmbeddedPostgresServer postgres = stack.postgres();
            App app = stack.app();
            String cookie = Dashboards.login(app.port(), PASSWORD);
            Set<String> patterns = ConcurrentHashMap.newKeySet(), alerts = ConcurrentHashMap.newKeySet();
            WebSocket ws = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .header("Cookie", cookie)
                    .buildAsync(
                            URI.create("ws://127.0.0.1:" + app.port() + "/streaming/ws"),
                            new Collector(patterns, alerts))
                    .join();
            ChromeDriver browser = Dashboards.open(app.port(), PASSWORD, tmp);
            try {
                JsonNode before = status(app, cookie);
                Path ticks = Path.of(System.getProperty("tickstock.data.dir"), "lean/equity/usa/tick");
                List<Path> files = List.of("aig", "bac", "ibm", "spy").stream()
                        .map(s -> ticks.resolve(s).resolve("20131008_trade.zip"))
                        .toList();
                EngineConfig config = EngineConfig.builder(redis.url(), postgres.databaseUrl())
                        .replay(files, 240, LocalTime.of(9, 30), LocalTime.of(10, 30))
                        .universe("replay:lean:20131008")
                        .healthIntervalMillis(1_000)
                        .queueCapacity(200_000)
                        .spool(tmp.resolve("spool"), 64L << 20)
                        .build();
                try (Engine engine = new Engine(config, System::currentTimeMillis).start()) {
                    CompletableFuture<Events.SessionEnd> replay = CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    return engine.replay();
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            },
                            r -> Thread.ofPlatform().name("replay").start(r));
                    long t0 = System.nanoTime();
                    FuzzCommand.Sent sent = FuzzCommand.publish(redis.url(), MESSAGES, 10_000, 42);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    Events.SessionEnd end = replay.get(3, TimeUnit.MINUTES);
                    long published = engine.stats().alerts.get();
                    String sid = end.sessionId();

                    long[] last = {-1};
                    await().atMost(Duration.ofSeconds(60))
                            .pollInterval(Duration.ofSeconds(1))
                            .until(
                                    () -> { // the app's queue drained
                                        JsonNode sub = status(app, cookie).path("subscriber");
                                        long n = FuzzCommand.total(sub.path("unreadable"))
                                                + FuzzCommand.total(sub.path("dropped"))
                                                + sub.path("backlog").asLong();
                                        boolean stable = n == last[0];
                                        last[0] = n;
                                        return stable;
                                    });
                    JsonNode after = status(app, cookie);
                    long refused = FuzzCommand.total(after.path("subscriber").path("unreadable"))
                            - FuzzCommand.total(before.path("subscriber").path("unreadable"));
                    long dropped = FuzzCommand.total(after.path("subscriber").path("dropped"));
                    await().atMost(Duration.ofSeconds(20))
                            .until(() -> patterns.stream()
                                                    .filter(k -> k.startsWith(sid))
                                                    .count()
                                            == end.totalPatterns()
                                    && alerts.stream()
                                                    .filter(k -> k.startsWith(sid))
                                                    .count()
                                            == published);
                    System.out.printf(
                            "fuzz: %,d hostile messages in %.1f s during a replay %s; the app refused %,d (expected %,d), the engine %,d "
                                    + "(expected %,d), dropped %d; %,d hostile but valid delivered; the replay's %,d patterns and %,d alerts all "
                                    + "reached the WebSocket client%n",
                            sent.messages(),
                            seconds,
                            sent.byKind(),
                            refused,
                            sent.refusedByApp(),
                            engine.malformedCommands(),
                            sent.refusedByEngine(),
                            dropped,
                            sent.valid(),
                            end.totalPatterns(),
                            published);
                    assertThat(refused)
                            .as("every malformed message counted, by channel and reason: "
                                    + after.path("subscriber").path("unreadable"))
                            .isEqualTo(sent.refusedByApp());
                    assertThat(engine.malformedCommands()).isEqualTo(sent.refusedByEngine());
                    assertThat(dropped).isZero();
                    assertThat(end.finalStatus()).isEqualTo("completed");
                    try (Connection c = DriverManager.getConnection(
                                    postgres.databaseUrl().jdbcUrl(),
                                    "postgres",
                                    postgres.databaseUrl().password());
                            Statement st = c.createStatement();
                            ResultSet rs = st.executeQuery(
                                    "SELECT count(*) FROM intraday_patterns WHERE session_id = '" + sid + "'")) {
                        rs.next();
                        assertThat(rs.getLong(1))
                                .as("every pattern row in PostgreSQL")
                                .isEqualTo(end.totalPatterns());
                    }
                }
                // the page: still live, markup shown as text and never run, every panel drawing, a new pattern shown
                JavascriptExecutor js = browser;
                assertThat(js.executeScript("return window.pwned === undefined"))
                        .isEqualTo(true);
                assertThat(((Number) js.executeScript("return window.tickstock.state.renderErrors || 0")).longValue())
                        .isZero();
                try (var c = RedisClient.create(RedisUrl.uri(redis.url())).connect()) {
                    c.sync()
                            .publish(
                                    io.tickstock.contract.Channels.PATTERNS_STREAMING,
                                    "{\"type\":\"streaming_pattern\",\"detection\":{\"symbol\":"
                                            + "\"ZZLAST\",\"pattern_type\":\"<img src=x onerror=window.pwned=1>\",\"confidence\":0.55}}");
                }
                await().atMost(Duration.ofSeconds(10))
                        .until(
                                () -> (Boolean)
                                        js.executeScript(
                                                "return [...document.querySelectorAll('#pattern-list li')]"
                                                        + ".some(li => li.textContent.startsWith('ZZLAST<img src=x onerror=window.pwned=1>'))"));
                assertThat(
                                js.executeScript(
                                        "return window.pwned === undefined && document.querySelectorAll('#pattern-list img').length === 0"))
                        .as("markup is text, never elements")
                        .isEqualTo(true);
                Files.write(
                        Path.of("target", "dashboard-fuzz.png"),
                        browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            } finally {
                browser.quit();
                ws.abort();
            }
        }
    }

    static JsonNode status(App app, String cookie) throws Exception {
        return Json.read(
                AppHttp.get(app.port(), "/streaming/api/status", cookie).body());
    }

    /** Keys (session | symbol | type | bar) of the patterns and alerts a WebSocket client received. */
    record Collector(Set<String> patterns, Set<String> alerts) implements WebSocket.Listener {
        private static final StringBuilder PART = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            PART.append(data);
            if (last) {
                JsonNode frame = Json.read(PART.toString());
                PART.setLength(0);
                JsonNode d = frame.path("data");
                switch (frame.path("event").asText()) {
                    case "streaming_pattern" -> add(patterns, d.path("detection"));
                    case "streaming_patterns_batch" -> d.path("patterns").forEach(p -> add(patterns, p));
                    case "indicator_alert" ->
                        alerts.add(d.path("session_id").asText() + "|"
                                + d.path("symbol").asText() + "|"
                                + d.path("alert_type").asText() + "|"
                                + d.path("timestamp").asText());
                    default -> {}
                }
            }
            ws.request(1);
            return null;
        }

        private static void add(Set<String> into, JsonNode p) {
            into.add(p.path("metadata").path("session_id").asText() + "|"
                    + p.path("symbol").asText() + "|" + p.path("pattern_type").asText() + "|"
                    + p.path("timestamp").asText());
        }
    }
}
