package io.tickstock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tickstock.app.App;
import io.tickstock.app.AppConfig;
import io.tickstock.contract.Channels;
import io.tickstock.contract.Json;
import io.tickstock.contract.RedisUrl;
import io.tickstock.engine.store.Database;
import io.tickstock.testkit.AppHttp;
import io.tickstock.testkit.ContractMessages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's recovery and user administration on real servers. After its Redis subscription is killed
 * ({@code CLIENT KILL TYPE pubsub}) the app resubscribes and reloads from PostgreSQL the patterns it missed, each
 * delivered to the browser once (also when the engine re-publishes it). {@code tickstock user add|passwd|remove}
 * (a child JVM, as a user runs it) manage who can log in; a plain user cannot start sessions.
 */
@Tag("e2e")
class AppRecoveryTest {
    static final String PASSWORD = "recovery-password";

    @TempDir
    Path tmp;

    @Test
    void missedPatternsAreReloadedFromPostgresqlAfterTheSubscriptionDrops() throws Exception {
        try (EmbeddedRedis redis = new EmbeddedRedis(0);
                EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(tmp.resolve("pg"), true, 0);
                HikariDataSource db = Database.open(postgres.databaseUrl(), "test", 2);
                App app = new App(
                                new AppConfig(redis.url(), postgres.databaseUrl(), "127.0.0.1", 0, 50, PASSWORD),
                                System::currentTimeMillis)
                        .start()) {
            Database.migrate(db);
            String session = UUID.randomUUID().toString();
            long bar = System.currentTimeMillis() / 60_000 * 60_000 - 10 * 60_000;
            try (Connection c = db.getConnection();
                    PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO streaming_sessions "
                                    + "(session_id, universe, started_at, symbol_count, trigger_type) VALUES (?::uuid, 'test:recovery', ?, 3, 'manual')")) {
                ps.setString(1, session);
                ps.setTimestamp(2, new Timestamp(bar - 60_000));
                ps.executeUpdate();
            }
            String cookie = Dashboards.login(app.port(), PASSWORD);
            ConcurrentLinkedQueue<JsonNode> patterns = new ConcurrentLinkedQueue<>(),
                    alerts = new ConcurrentLinkedQueue<>();
            WebSocket ws = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .header("Cookie", cookie)
                    .buildAsync(
                            URI.create("ws://127.0.0.1:" + app.port() + "/streaming/ws"),
                            new PatternCollector(patterns, alerts))
                    .join();
            RedisClient client = RedisClient.create(RedisUrl.uri(redis.url()));
            try (StatefulRedisConnection<String, String> redisConnection = client.connect()) {
                // one pattern arrives normally (and, as the engine does, is stored)
                redisConnection.sync().publish(Channels.PATTERNS_STREAMING, message("SPY", "CDLDOJI", bar, session));
                store(db, session, "SPY", "CDLDOJI", bar);
                await().atMost(Duration.ofSeconds(5)).until(() -> patterns.size() == 1);

                // the app's subscription drops; meanwhile three patterns are stored that it never receives from Redis
                redisConnection.sync().clientKill(KillArgs.Builder.typePubsub());
                store(db, session, "SPY", "CDLHAMMER", bar + 60_000);
                store(db, session, "IBM", "CDLENGULFING", bar + 60_000);
                store(db, session, "BAC", "CDLHARAMI", bar + 120_000);
                storeAlert(
                        db,
                        session,
                        "SPY",
                        "RSI_OVERBOUGHT",
                        bar + 60_000); // the engine stores every alert it publishes
                await().atMost(Duration.ofSeconds(10)).until(() -> patterns.size() == 4 && alerts.size() == 1);
                assertThat(alerts.peek().path("alert_type").asText()).isEqualTo("RSI_OVERBOUGHT");
                assertThat(patterns.stream()
                                .map(p -> p.path("symbol").asText() + " "
                                        + p.path("pattern_type").asText()))
                        .containsExactly("SPY CDLDOJI", "SPY CDLHAMMER", "IBM CDLENGULFING", "BAC CDLHARAMI");
                JsonNode reloaded = patterns.stream().skip(1).findFirst().orElseThrow();
                assertThat(reloaded.path("bar_data").path("close").asDouble()).isEqualTo(101.5);
                assertThat(reloaded.path("direction").asText()).isEqualTo("bullish");
                assertThat(reloaded.path("metadata").path("source").asText()).isEqualTo("postgresql");

                // the engine re-publishes one after its own outage: delivered once all the same
                redisConnection
                        .sync()
                        .publish(Channels.PATTERNS_STREAMING, message("IBM", "CDLENGULFING", bar + 60_000, session));
                await().during(Duration.ofMillis(500))
                        .atMost(Duration.ofSeconds(2))
                        .until(() -> patterns.size() == 4);
                JsonNode status = Json.read(Dashboards.get(app.port(), "/streaming/api/status", cookie)
                        .body());
                assertThat(status.path("subscriber").path("resubscriptions").asLong())
                        .isEqualTo(1);
                assertThat(status.path("subscriber").path("reloaded_patterns").asLong())
                        .isEqualTo(4);
                assertThat(status.path("subscriber").path("reloaded_alerts").asLong())
                        .isEqualTo(1);
                assertThat(status.path("buffer").path("pattern.duplicate").asLong())
                        .isEqualTo(2);
                assertThat(status.path("session").path("session_id").asText()).isEqualTo(session);
            } finally {
                ws.abort();
                client.shutdown();
            }
        }
    }

    @Test
    void alertsPublishedWhileTheAppIsDownAreInItsHistory() throws Exception {
        try (EmbeddedRedis redis = new EmbeddedRedis(0);
                EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(tmp.resolve("pg"), true, 0)) {
            Path ticks = Path.of(System.getProperty("tickstock.data.dir"), "lean/equity/usa/tick");
            List<Path> files = List.of("aig", "bac", "ibm", "spy").stream()
                    .map(s -> ticks.resolve(s).resolve("20131008_trade.zip"))
                    .toList();
            io.tickstock.engine.EngineConfig config = io.tickstock.engine.EngineConfig.builder(
                            redis.url(), postgres.databaseUrl())
                    .replay(
                            files,
                            Double.POSITIVE_INFINITY,
                            java.time.LocalTime.of(9, 30),
                            java.time.LocalTime.of(12, 0))
                    .universe("replay:lean:20131008")
                    .healthIntervalMillis(1_000)
                    .spool(tmp.resolve("spool"), 1 << 20)
                    .build();
            long published;
            try (io.tickstock.engine.Engine engine =
                    new io.tickstock.engine.Engine(config, System::currentTimeMillis).start()) {
                engine.replay(); // no app is running: nobody receives these alerts from Redis
                published = engine.stats().alerts.get();
            }
            assertThat(published).isPositive();
            try (App app = new App(
                            new AppConfig(redis.url(), postgres.databaseUrl(), "127.0.0.1", 0, 50, PASSWORD),
                            System::currentTimeMillis)
                    .start()) {
                String cookie = Dashboards.login(app.port(), PASSWORD);
                JsonNode alerts =
                        Json.read(Dashboards.get(app.port(), "/streaming/api/alerts?hours=24&limit=500", cookie)
                                .body());
                System.out.println("app down during a replay: " + alerts.size() + " of " + published
                        + " alerts in its history afterwards");
                assertThat(alerts.size()).isEqualTo((int) published);
            }
        }
    }

    @Test
    void usersAreManagedFromTheCommandLine() throws Exception {
        try (EmbeddedRedis redis = new EmbeddedRedis(0);
                EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(tmp.resolve("pg"), true, 0);
                App app = new App(
                                new AppConfig(redis.url(), postgres.databaseUrl(), "127.0.0.1", 0, 50, PASSWORD),
                                System::currentTimeMillis)
                        .start()) {
            String url = postgres.urlWithPassword();
            assertThat(tickstock(url, "first-password", "user", "add", "bob")).isZero();
            assertThat(tickstock(url, "first-password", "user", "add", "bob"))
                    .as("exists already")
                    .isEqualTo(1);
            assertThat(tickstock(url, "short", "user", "add", "carol"))
                    .as("password too short")
                    .isEqualTo(2);
            String bob = Dashboards.loginAs(app.port(), "bob", "first-password");
            assertThat(bob).isNotNull();
            HttpResponse<String> start = AppHttp.post(app.port(), "/streaming/api/admin/session/start", bob);
            assertThat(start.statusCode())
                    .as("a plain user may not start sessions")
                    .isEqualTo(403);

            assertThat(tickstock(url, "second-password", "user", "passwd", "bob"))
                    .isZero();
            assertThat(Dashboards.loginAs(app.port(), "bob", "first-password")).isNull();
            assertThat(Dashboards.loginAs(app.port(), "bob", "second-password")).isNotNull();
            assertThat(tickstock(url, null, "user", "remove", "bob")).isZero();
            assertThat(Dashboards.loginAs(app.port(), "bob", "second-password")).isNull();
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    static String message(String symbol, String type, long barMillis, String session) {
        return ContractMessages.pattern(
                System.currentTimeMillis(), symbol, type, 0.6, "bullish", barMillis, Map.of("session_id", session));
    }

    static void store(HikariDataSource db, String session, String symbol, String type, long barMillis)
            throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO intraday_patterns (session_id, symbol, "
                        + "pattern_type, confidence, detected_at, bar_open, bar_high, bar_low, bar_close, bar_volume, metadata) "
                        + "VALUES (?::uuid, ?, ?, 0.6, ?, 100, 102, 99, 101.5, 1000, ?::jsonb)")) {
            ps.setString(1, session);
            ps.setString(2, symbol);
            ps.setString(3, type);
            ps.setTimestamp(4, new Timestamp(barMillis));
            ps.setString(5, Json.write(Map.of("session_id", session, "direction", "bullish", "parameters", Map.of())));
            ps.executeUpdate();
        }
    }

    static void storeAlert(HikariDataSource db, String session, String symbol, String type, long barMillis)
            throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO app_indicator_alerts (session_id, "
                                + "alert_type, symbol, alert_time, alert_data, severity) VALUES (?::uuid, ?, ?, ?, '{\"indicator\":\"RSI\",\"value\":75.2}', 'warning')")) {
            ps.setString(1, session);
            ps.setString(2, type);
            ps.setString(3, symbol);
            ps.setTimestamp(4, new Timestamp(barMillis));
            ps.executeUpdate();
        }
    }

    /** Runs {@code tickstock <args>} in a child JVM; @return its exit code */
    int tickstock(String databaseUrl, String password, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(
                List.of(java, "-cp", System.getProperty("java.class.path"), "io.tickstock.cli.TickStockCli"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("TICKSTOCK_DATABASE_URL", databaseUrl);
        if (password != null) pb.environment().put("TICKSTOCK_USER_PASSWORD", password);
        pb.redirectErrorStream(true)
                .redirectOutput(
                        tmp.resolve("user-" + System.nanoTime() + ".log").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    /** Collects the patterns of {@code streaming_pattern} and {@code streaming_patterns_batch} frames, and indicator alerts. */
    record PatternCollector(ConcurrentLinkedQueue<JsonNode> patterns, ConcurrentLinkedQueue<JsonNode> alerts)
            implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            JsonNode frame = Json.read(data.toString()); // small frames: one part each
            switch (frame.path("event").asText()) {
                case "streaming_pattern" -> patterns.add(frame.path("data").path("detection"));
                case "streaming_patterns_batch" ->
                    frame.path("data").path("patterns").forEach(patterns::add);
                case "indicator_alert" -> alerts.add(frame.path("data"));
                default -> {}
            }
            ws.request(1);
            return null;
        }
    }
}
