package io.tickstock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tickstock.app.App;
import io.tickstock.app.AppConfig;
import io.tickstock.contract.Channels;
import io.tickstock.contract.ContractSchemas;
import io.tickstock.contract.Events;
import io.tickstock.contract.Json;
import io.tickstock.contract.RedisUrl;
import io.tickstock.engine.Engine;
import io.tickstock.engine.EngineConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The walking skeleton end to end, on real servers: embedded Redis and PostgreSQL, the real app, a real
 * engine replay of one recorded day (AIG, BAC, IBM, SPY on 2013-10-08, as fast as possible), a raw Redis
 * subscriber, a WebSocket client and Debian's Chromium through Selenium, all connected before the replay.
 */
@Tag("e2e")
class EndToEndTest {
    static final String PASSWORD = "e2e-password";

    record Message(String channel, String text) {}

    @TempDir
    static Path tmp;

    static EmbeddedRedis redis;
    static EmbeddedPostgresServer postgres;
    static App app;
    static RedisClient redisClient;
    static final ConcurrentLinkedQueue<Message> published = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<String> wsFrames = new ConcurrentLinkedQueue<>();
    static WebSocket ws;
    static ChromeDriver browser;
    static Events.SessionEnd session;
    static String cookie;

    @BeforeAll
    static void replayOneDay() throws Exception {
        redis = new EmbeddedRedis(0);
        postgres = new EmbeddedPostgresServer(tmp.resolve("pg"), true, 0);
        app = new App(
                        new AppConfig(redis.url(), postgres.databaseUrl(), "127.0.0.1", 0, 50, PASSWORD),
                        System::currentTimeMillis)
                .start();

        redisClient = RedisClient.create(RedisUrl.uri(redis.url()));
        StatefulRedisPubSubConnection<String, String> sub = redisClient.connectPubSub();
        sub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                published.add(new Message(channel, message));
            }
        });
        sub.sync().subscribe(Channels.ALL.toArray(new String[0]));

        cookie = login();
        ws = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header("Cookie", cookie)
                .buildAsync(URI.create("ws://127.0.0.1:" + app.port() + "/streaming/ws"), new Collector())
                .join();
        browser = Dashboards.open(app.port(), PASSWORD, tmp);

        Path ticks = Path.of(System.getProperty("tickstock.data.dir"), "lean/equity/usa/tick");
        List<Path> files;
        try (Stream<Path> dirs = Files.list(ticks)) {
            files = dirs.sorted().map(d -> d.resolve("20131008_trade.zip")).toList();
        }
        EngineConfig config = EngineConfig.builder(redis.url(), postgres.databaseUrl())
                .replay(files, Double.POSITIVE_INFINITY, LocalTime.of(9, 25), null)
                .universe("replay:lean:20131008")
                .healthIntervalMillis(1_000)
                .queueCapacity(200_000)
                .build();
        try (Engine engine = new Engine(config, System::currentTimeMillis).start()) {
            session = engine.replay();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> published.stream().anyMatch(m -> m.channel.equals(Channels.HEALTH)));
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> published.stream().anyMatch(m -> m.channel.equals(Channels.SESSION_STOPPED)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (ws != null) ws.abort();
        if (redisClient != null) redisClient.shutdown();
        if (app != null) app.close();
        if (postgres != null) postgres.close();
        if (redis != null) redis.close();
    }

    @Test
    void everyChannelCarriesContractValidJson() {
        List<String> problems = new ArrayList<>();
        for (Message m : published) {
            List<String> v = ContractSchemas.violations(m.channel, m.text);
            if (!v.isEmpty() && problems.size() < 20) problems.add(m.channel + ": " + v + " in " + m.text);
        }
        assertThat(problems).isEmpty();
        assertThat(published.stream().map(Message::channel).distinct())
                .containsExactlyInAnyOrderElementsOf(Channels.ALL);
        assertThat(session.totalPatterns()).isPositive();
        assertThat(session.finalStatus()).isEqualTo("completed");
    }

    @Test
    void theStoppedSessionsTotalsAreItsStoredRows() throws Exception {
        // a day with late trades: corrections revise indicator values and patterns, retract some; each row counts once
        try (Connection c = DriverManager.getConnection(
                postgres.databaseUrl().jdbcUrl(),
                "postgres",
                postgres.databaseUrl().password())) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> sessionRows(c, "intraday_indicators") == session.totalIndicators()
                            && sessionRows(c, "intraday_patterns") == session.totalPatterns());
        }
        assertThat(session.totalIndicators()).isPositive();
    }

    static long sessionRows(Connection c, String table) throws Exception {
        try (var ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE session_id = ?::uuid")) {
            ps.setString(1, session.sessionId());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void theFiveEngineTablesHoldRows() throws Exception {
        try (Connection c = DriverManager.getConnection(
                postgres.databaseUrl().jdbcUrl(),
                "postgres",
                postgres.databaseUrl().password())) {
            for (String table : List.of(
                    "streaming_sessions",
                    "ohlcv_1min",
                    "intraday_patterns",
                    "intraday_indicators",
                    "streaming_health_metrics")) {
                await().atMost(Duration.ofSeconds(10)).until(() -> count(c, table) > 0);
            }
            // 09:25-20:00 New York: every minute with trades of each symbol, the same bars as the published ones (a
            // correction,
            // such as the closing auction's of 15:59, replaces its bar's row)
            long barsPublished = published.stream()
                    .filter(m -> m.channel.equals(Channels.BARS_STREAMING))
                    .flatMap(m -> bars(Json.read(m.text)))
                    .map(b -> b.path("symbol").asText() + b.path("timestamp").asText())
                    .distinct()
                    .count();
            await().atMost(Duration.ofSeconds(10)).until(() -> count(c, "ohlcv_1min") == barsPublished);
            // the patterns a consumer holds: every published one, less those a bar correction retracted
            java.util.Map<String, Boolean> held = new java.util.LinkedHashMap<>();
            published.stream()
                    .filter(m -> m.channel.equals(Channels.PATTERNS_STREAMING))
                    .map(m -> Json.read(m.text).path("detection"))
                    .forEach(d -> held.put(
                            d.path("symbol").asText()
                                    + d.path("pattern_type").asText()
                                    + d.path("timestamp").asText(),
                            !d.path("metadata").path("retracted").asBoolean(false)));
            long patternsHeld =
                    held.values().stream().filter(Boolean::booleanValue).count();
            await().atMost(Duration.ofSeconds(10)).until(() -> count(c, "intraday_patterns") == patternsHeld);
        }
    }

    @Test
    void everyPatternFlowIsTracedFromPublicationToTheBrowsers() throws Exception {
        try (Connection c = DriverManager.getConnection(
                postgres.databaseUrl().jdbcUrl(),
                "postgres",
                postgres.databaseUrl().password())) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> longValue(
                                    c, "SELECT count(*) FROM pattern_flow_analysis WHERE total_latency_ms IS NOT NULL")
                            == session.totalPatterns());
            assertThat(longValue(
                            c,
                            "SELECT count(*) FROM pattern_flow_analysis WHERE published_at IS NULL OR received_at IS NULL "
                                    + "OR parsed_at IS NULL OR delivered_at IS NULL OR delivered_to < 1"))
                    .isZero();
            assertThat(longValue(c, "SELECT count(*) FROM integration_events WHERE checkpoint = 'PRODUCER_ALIVE'"))
                    .isPositive();
            // seeds/004's verification query, exactly as the seed prints it
            try (ResultSet rs = c.createStatement()
                    .executeQuery("SELECT timestamp, checkpoint, symbol, pattern_name FROM integration_events "
                            + "WHERE source_system='TickStockPL' ORDER BY timestamp DESC LIMIT 10;")) {
                int rows = 0;
                while (rs.next()) {
                    assertThat(rs.getTimestamp("timestamp")).isNotNull();
                    rows++;
                }
                assertThat(rows).isEqualTo(10);
            }
            try (ResultSet rs = c.createStatement()
                    .executeQuery("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY total_latency_ms), "
                            + "percentile_cont(0.95) WITHIN GROUP (ORDER BY total_latency_ms), percentile_cont(0.5) WITHIN GROUP (ORDER BY redis_latency_ms) "
                            + "FROM pattern_flow_analysis")) {
                rs.next();
                System.out.printf(
                        "pattern_flow_analysis over %d flows (replay at max speed): total p50 %.1f ms, p95 %.1f ms; Redis p50 %.1f ms%n",
                        session.totalPatterns(), rs.getDouble(1), rs.getDouble(2), rs.getDouble(3));
            }
        }
    }

    static long longValue(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theAppDeliversPublishedPatternsOverTheWebSocket() {
        long patternsPublished = published.stream()
                .filter(m -> m.channel.equals(Channels.PATTERNS_STREAMING))
                .count();
        await().atMost(Duration.ofSeconds(10)).until(() -> patternsOverWebSocket() >= patternsPublished);
        assertThat(patternsOverWebSocket())
                .as("patterns delivered over the WebSocket")
                .isEqualTo(patternsPublished);
        assertThat(wsFrames).anyMatch(f -> f.contains("\"event\":\"streaming_session\""));
    }

    @Test
    void historyApiAnswersAndValidatesParameters() throws Exception {
        HttpResponse<String> ok = get("/streaming/api/patterns/SPY?hours=24", cookie);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(Json.read(ok.body()).size()).isPositive();
        assertThat(get("/streaming/api/bars/SPY?hours=24", cookie).body()).contains("\"open\"");
        assertThat(get("/streaming/api/alerts?hours=24&limit=500", cookie).body())
                .contains("alert_type");
        assertThat(get("/streaming/api/summary", cookie).body()).contains("pattern_distribution");
        assertThat(get("/streaming/api/status", cookie).body()).contains("\"subscriber\"");

        HttpResponse<String> bad = get("/streaming/api/patterns/SPY?hours=25", cookie);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Json.read(bad.body()).path("parameter").asText()).isEqualTo("hours");
        assertThat(get("/streaming/api/indicators/spy", cookie).statusCode()).isEqualTo(400);
        assertThat(get("/streaming/api/patterns/SPY", null).statusCode()).isEqualTo(401);
        assertThat(get("/streaming/api/patterns/SPY?format=xml", cookie).body()).contains("\"parameter\":\"format\"");
    }

    @Test
    void aClientSubscribesToSymbolsAndGetsTheirRecentBars() throws Exception {
        ConcurrentLinkedQueue<JsonNode> frames = new ConcurrentLinkedQueue<>();
        WebSocket client = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header("Cookie", cookie)
                .buildAsync(URI.create("ws://127.0.0.1:" + app.port() + "/streaming/ws"), new WebSocket.Listener() {
                    final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frames.add(Json.read(partial.toString()));
                            partial.setLength(0);
                        }
                        socket.request(1);
                        return null;
                    }
                })
                .join();
        try {
            client.sendText("{\"action\":\"subscribe\",\"streams\":{\"pattern\":\"*\",\"bar\":[\"SPY\"]}}", true)
                    .join();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> frames.stream()
                            .anyMatch(f -> f.path("event").asText().equals("streaming_bars_snapshot")));
            JsonNode snapshot = frames.stream()
                    .filter(f -> f.path("event").asText().equals("streaming_bars_snapshot"))
                    .findFirst()
                    .orElseThrow();
            assertThat(snapshot.path("data").path("symbol").asText()).isEqualTo("SPY");
            assertThat(snapshot.path("data").path("bars").size()).isPositive();
            assertThat(frames)
                    .anyMatch(f -> f.path("event").asText().equals("subscribed")
                            && f.path("data")
                                    .path("streams")
                                    .path("bar")
                                    .get(0)
                                    .asText()
                                    .equals("SPY"));

            client.sendText("{\"action\":\"subscribe\",\"streams\":{\"bar\":[\"spy\"]}}", true)
                    .join();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> frames.stream()
                            .anyMatch(f -> f.path("event").asText().equals("error")));
            assertThat(frames.stream()
                            .filter(f -> f.path("event").asText().equals("error"))
                            .findFirst()
                            .orElseThrow()
                            .path("data")
                            .path("parameter")
                            .asText())
                    .isEqualTo("streams.bar");
        } finally {
            client.abort();
        }
    }

    @Test
    void csvExportOpenApiMetricsAndReadiness() throws Exception {
        for (String path : List.of(
                "/streaming/api/patterns/SPY?hours=24&format=csv",
                "/streaming/api/indicators/SPY?hours=24&indicator=MACD&format=csv",
                "/streaming/api/alerts?hours=24&format=csv")) {
            HttpResponse<String> csv = get(path, cookie);
            assertThat(csv.statusCode()).as(path).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            String[] lines = csv.body().split("\n", -1);
            assertThat(lines[0]).as(path).startsWith("symbol,");
            assertThat(lines.length).as(path).isGreaterThan(1);
        }
        assertThat(get("/streaming/api/patterns/SPY?hours=24&format=csv", cookie)
                        .body()
                        .split("\n", -1)[0])
                .isEqualTo(
                        "symbol,pattern_type,confidence,timestamp,timeframe,open,high,low,close,volume,metadata,session_id,"
                                + "record_timeframe,record_count,record_hit_rate,record_hit_rate_low,record_hit_rate_high,"
                                + "record_base_hit_rate,record_edge,record_mean_return");

        JsonNode openapi = Json.read(get("/streaming/api/openapi.json", cookie).body());
        assertThat(openapi.path("openapi").asText()).startsWith("3.");
        List<String> paths = new ArrayList<>();
        openapi.path("paths").fieldNames().forEachRemaining(paths::add);
        for (String path : paths) {
            if (!openapi.path("paths").path(path).has("get") || path.contains("{job_id}"))
                continue; // a job's own paths: BacktestJobsTest
            int status = get(path.replace("{symbol}", "SPY").replace("{session_id}", session.sessionId()), cookie)
                    .statusCode();
            assertThat(status).as("GET " + path + " as documented").isEqualTo(200);
        }
        assertThat(paths)
                .contains("/streaming/api/patterns/{symbol}", "/streaming/api/alerts", "/health/ready", "/metrics");

        HttpResponse<String> metrics = get("/metrics", cookie);
        assertThat(metrics.body())
                .contains("tickstock_app_messages_received_total{channel=\"tickstock:patterns:streaming\"}")
                .contains("tickstock_app_websocket_clients")
                .contains("jvm_memory_used_bytes");
        assertThat(get("/metrics", null).statusCode()).isEqualTo(401);
        HttpResponse<String> ready = get("/health/ready", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(Json.read(ready.body()).path("postgresql").asText()).isEqualTo("up");
    }

    @Test
    void aLoggedInBrowserSeesTheSessionAndPatternsOnTheDashboard() throws Exception {
        Path shot = Path.of("target", "dashboard.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !browser.findElements(By.cssSelector("#pattern-list li"))
                        .isEmpty());
        assertThat(browser.findElement(By.id("session-id")).getText()).isEqualTo(session.sessionId());
        assertThat(browser.findElement(By.id("connection-state")).getText()).isEqualTo("live");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        !browser.findElements(By.cssSelector("#chart canvas")).isEmpty());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    static long patternsOverWebSocket() {
        long n = 0;
        for (String f : wsFrames) {
            JsonNode frame = Json.read(f);
            switch (frame.path("event").asText()) {
                case "streaming_pattern" -> n++;
                case "streaming_patterns_batch" ->
                    n += frame.path("data").path("patterns").size();
                default -> {}
            }
        }
        return n; // the client connected before the session, so its snapshot held no pattern
    }

    static long count(Connection c, String table) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String login() throws Exception {
        return Dashboards.login(app.port(), PASSWORD);
    }

    static HttpResponse<String> get(String path, String cookie) throws Exception {
        return Dashboards.get(app.port(), path, cookie);
    }

    static final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                wsFrames.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }

    /** The bars of a {@code tickstock:bars:streaming} message: a batch's items, or a correction's one bar. */
    static java.util.stream.Stream<com.fasterxml.jackson.databind.JsonNode> bars(
            com.fasterxml.jackson.databind.JsonNode message) {
        if (!message.has("bars")) return java.util.stream.Stream.of(message.path("bar"));
        return java.util.stream.StreamSupport.stream(message.path("bars").spliterator(), false);
    }
}
