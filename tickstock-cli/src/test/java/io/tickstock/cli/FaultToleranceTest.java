package io.tickstock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.tickstock.app.App;
import io.tickstock.app.AppConfig;
import io.tickstock.contract.Channels;
import io.tickstock.contract.ContractSchemas;
import io.tickstock.contract.Events;
import io.tickstock.contract.Json;
import io.tickstock.contract.RedisKeys;
import io.tickstock.contract.RedisUrl;
import io.tickstock.engine.Engine;
import io.tickstock.engine.EngineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outages of the real servers during real replays (AIG, BAC, IBM, SPY, 2013-10-08 09:30–13:00): the embedded
 * Redis and PostgreSQL processes are stopped and started again on the same port (PostgreSQL on the same data
 * directory), and the engine is killed ({@code kill -9}) and restarted as a separate process. Each run is
 * compared with an uninterrupted reference run of the same window. Prints the measured figures.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceTest {
    static final String UNIVERSE = "replay:lean:20131008";

    record Received(String channel, String text, long nanos) {}

    @TempDir
    static Path tmp;

    static int redisPort, pgPort;
    /** The embedded Redis's password, kept across its restart. */
    static final String redisPassword = "fault-tolerance-redis-password";

    static EmbeddedRedis redis;
    static EmbeddedPostgresServer postgres;
    static App app;
    static ClientResources subscriberResources;
    static RedisClient subscriber;
    static final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    static Events.SessionEnd reference;
    static Map<String, Long> referenceCounts;
    static long referenceAlerts;

    @BeforeAll
    static void servers() throws Exception {
        redisPort = FreePort.find();
        pgPort = FreePort.find();
        redis = new EmbeddedRedis(redisPort, redisPassword);
        postgres = new EmbeddedPostgresServer(
                tmp.resolve("pg"), false, pgPort); // kept on close: restarted on the same data
        app = new App(
                        new AppConfig(redis.url(), postgres.databaseUrl(), "127.0.0.1", 0, 50, "fault-password"),
                        System::currentTimeMillis)
                .start();
        subscriberResources = ClientResources.builder()
                .reconnectDelay(Delay.constant(Duration.ofMillis(500)))
                .build();
        subscriber = RedisClient.create(subscriberResources, RedisUrl.uri(redis.url()));
        subscriber.setOptions(ClientOptions.builder().autoReconnect(true).build());
        StatefulRedisPubSubConnection<String, String> sub = subscriber.connectPubSub();
        sub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                received.add(new Received(channel, message, System.nanoTime()));
            }
        });
        sub.sync().subscribe(Channels.ALL.toArray(new String[0]));
    }

    @AfterAll
    static void stop() throws Exception {
        if (subscriber != null) subscriber.shutdown();
        if (subscriberResources != null)
            subscriberResources
                    .shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS)
                    .awaitUninterruptibly(3_000);
        if (app != null) app.close();
        if (postgres != null) postgres.close();
        if (redis != null) redis.close();
    }

    static EngineConfig config(double speed) throws Exception {
        Path ticks = Path.of(System.getProperty("tickstock.data.dir"), "lean/equity/usa/tick");
        List<Path> files;
        try (Stream<Path> dirs = Files.list(ticks)) {
            files = dirs.sorted().map(d -> d.resolve("20131008_trade.zip")).toList();
        }
        return EngineConfig.builder(redis.url(), postgres.databaseUrl())
                .replay(files, speed, LocalTime.of(9, 30), LocalTime.of(13, 0))
                .universe(UNIVERSE)
                .healthIntervalMillis(1_000)
                .queueCapacity(200_000)
                .spool(tmp.resolve("spool"), 256L << 20)
                .build();
    }

    static Connection db() throws Exception {
        return DriverManager.getConnection(
                postgres.databaseUrl().jdbcUrl(),
                "postgres",
                postgres.databaseUrl().password());
    }

    static long count(String sql) throws Exception {
        try (Connection c = db();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Map<String, Long> counts(String sessionId) throws Exception {
        Map<String, Long> m = new HashMap<>();
        for (String table : List.of("ohlcv_1min", "intraday_patterns", "intraday_indicators")) {
            m.put(table, count("SELECT count(*) FROM " + table + " WHERE session_id = '" + sessionId + "'"));
        }
        m.put(
                "PATTERN_PUBLISHED",
                count("SELECT count(*) FROM integration_events e JOIN intraday_patterns p "
                        + "ON p.metadata->>'flow_id' = e.flow_id::text WHERE p.session_id = '" + sessionId
                        + "' AND e.checkpoint = 'PATTERN_PUBLISHED'"));
        return m;
    }

    static List<JsonNode> criticalAlerts(String component) {
        return received.stream()
                .filter(r -> r.channel.equals(Channels.ALERTS_CRITICAL))
                .map(r -> Json.read(r.text).path("alert"))
                .filter(a -> a.path("component").asText().equals(component))
                .toList();
    }

    @Test
    @Order(1)
    void referenceRunWithoutOutages() throws Exception {
        try (Engine engine = new Engine(config(Double.POSITIVE_INFINITY), System::currentTimeMillis).start()) {
            reference = engine.replay();
            referenceAlerts = engine.stats().alerts.get();
        }
        referenceCounts = counts(reference.sessionId());
        System.out.println("reference run: " + referenceCounts + ", " + referenceAlerts + " alerts");
        assertThat(referenceCounts.get("intraday_patterns"))
                .isEqualTo(reference.totalPatterns())
                .isPositive();
        assertThat(referenceCounts.get("intraday_indicators")).isEqualTo(reference.totalIndicators());
        assertThat(referenceCounts.get("PATTERN_PUBLISHED")).isEqualTo(reference.totalPatterns());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("SELECT count(*) FROM app_indicator_alerts WHERE session_id = '"
                                + reference.sessionId() + "'")
                        == referenceAlerts);
    }

    /**
     * {@code engine --exit-after-replay} of 2,000 synthetic symbols (30 minutes, about 300,000 rows) at full speed, in
     * its own JVM with the launcher's 384 MB heap: the replay waits while the history writer is more than half full
     * instead of handing it rows it would drop, and the process ends once every row is committed. Before, 13,591 of the
     * 60,000 bars were dropped or left in the spool.
     */
    @Test
    @Order(6)
    void aFastReplayWaitsForTheHistoryWriterInsteadOfDroppingRows() throws Exception {
        Path log = tmp.resolve("fast-replay.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(
                java,
                "-Xmx384m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.tickstock.cli.TickStockCli",
                "engine",
                "--exit-after-replay",
                "--feed",
                "synthetic",
                "--symbols",
                "2000",
                "--to",
                "10:00",
                "--speed",
                "max",
                "--metrics-port",
                "-1",
                "--spool-dir",
                tmp.resolve("fast-spool").toString());
        pb.environment().put("TICKSTOCK_REDIS_URL", redis.url());
        pb.environment().put("TICKSTOCK_DATABASE_URL", postgres.urlWithPassword());
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        assertThat(pb.start().waitFor(5, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(log);
        Matcher m = Pattern.compile(
                        "replay finished: session ([0-9a-f-]{36}), (\\d+) patterns, (\\d+) indicator values")
                .matcher(out);
        assertThat(m.find()).as(out).isTrue();
        assertThat(out).doesNotContain("stopped taking rows").doesNotContain("stay in the spool");
        Map<String, Long> counts = counts(m.group(1));
        assertThat(counts.get("ohlcv_1min")).isEqualTo(60_000);
        assertThat(counts.get("intraday_patterns")).isEqualTo(Long.parseLong(m.group(2)));
        assertThat(counts.get("intraday_indicators")).isEqualTo(Long.parseLong(m.group(3)));
    }

    @Test
    @Order(2)
    void redisDownThirtySecondsLosesNothing() throws Exception {
        received.clear();
        Engine engine = new Engine(config(240), System::currentTimeMillis).start();
        CompletableFuture<Events.SessionEnd> run = replayInBackground(engine);
        Thread.sleep(8_000);
        redis.close();
        Thread.sleep(30_000);
        redis = new EmbeddedRedis(redisPort, redisPassword); // the same password: the engine reconnects with its URL
        long upNanos = System.nanoTime();
        Events.SessionEnd end = run.get(3, TimeUnit.MINUTES);
        long alerts = engine.stats().alerts.get();
        engine.close();

        String sid = end.sessionId();
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        count("SELECT count(*) FROM app_indicator_alerts WHERE session_id = '" + sid + "'") == alerts);
        long patternsInDb = count("SELECT count(*) FROM intraday_patterns WHERE session_id = '" + sid + "'");
        long patternsSeen = received.stream()
                .filter(r -> r.channel.equals(Channels.PATTERNS_STREAMING))
                .filter(r -> !Json.read(r.text)
                        .path("pattern")
                        .path("metadata")
                        .path("retracted")
                        .asBoolean(false))
                .count();
        long firstAfter = received.stream()
                .filter(r -> r.nanos >= upNanos)
                .mapToLong(Received::nanos)
                .min()
                .orElseThrow();
        double resumeSeconds = (firstAfter - upNanos) / 1e9;
        System.out.printf(
                "Redis down 30 s: %d patterns (reference %d) in PostgreSQL, %d seen by a subscriber, %d/%d alerts stored by the app; "
                        + "first message %.2f s after Redis returned%n",
                patternsInDb,
                reference.totalPatterns(),
                patternsSeen,
                count("SELECT count(*) FROM app_indicator_alerts WHERE session_id = '" + sid + "'"),
                alerts,
                resumeSeconds);

        List<String> invalid = received.stream()
                .filter(r -> !ContractSchemas.violations(r.channel, r.text).isEmpty())
                .limit(5)
                .map(r -> r.channel + ": " + ContractSchemas.violations(r.channel, r.text))
                .toList();
        assertThat(invalid)
                .as("messages published around the outage follow the contract")
                .isEmpty();
        assertThat(patternsInDb).isEqualTo(reference.totalPatterns());
        assertThat(patternsSeen).isEqualTo(reference.totalPatterns());
        assertThat(alerts).isEqualTo(referenceAlerts);
        assertThat(resumeSeconds).isLessThanOrEqualTo(5.0);
        List<JsonNode> redisAlerts = criticalAlerts("redis");
        assertThat(redisAlerts).anyMatch(a -> a.path("severity").asText().equals("critical"));
        assertThat(redisAlerts)
                .anyMatch(a -> a.path("severity").asText().equals("info")
                        && !a.path("recovery").isNull());
    }

    @Test
    @Order(3)
    void postgresDownSixtySecondsEndsWithTheSameRows() throws Exception {
        received.clear();
        Engine engine = new Engine(config(160), System::currentTimeMillis).start();
        CompletableFuture<Events.SessionEnd> run = replayInBackground(engine);
        Thread.sleep(5_000);
        postgres.close();
        Thread.sleep(60_000);
        postgres = new EmbeddedPostgresServer(tmp.resolve("pg"), false, pgPort);
        long upNanos = System.nanoTime();
        Events.SessionEnd end = run.get(3, TimeUnit.MINUTES);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> engine.stats() != null
                        && !criticalAlerts("postgresql").isEmpty()
                        && criticalAlerts("postgresql").stream()
                                .anyMatch(a -> a.path("severity").asText().equals("info")));
        long caughtUp = received.stream()
                .filter(r -> r.channel.equals(Channels.ALERTS_CRITICAL)
                        && r.text.contains("\"postgresql\"")
                        && r.text.contains("\"severity\":\"info\""))
                .mapToLong(Received::nanos)
                .min()
                .orElseThrow();
        engine.close();

        Map<String, Long> counts = counts(end.sessionId());
        System.out.printf(
                "PostgreSQL down 60 s: rows %s vs reference %s; spool written and recovery alert received %.2f s after PostgreSQL returned%n",
                counts, referenceCounts, (caughtUp - upNanos) / 1e9);
        assertThat(counts).isEqualTo(referenceCounts);
        assertThat(count("SELECT count(*) FROM streaming_sessions WHERE session_id = '" + end.sessionId()
                        + "' AND final_status = 'completed'"))
                .isEqualTo(1);
        assertThat(criticalAlerts("postgresql"))
                .anyMatch(a -> a.path("severity").asText().equals("critical"));
    }

    @Test
    @Order(4)
    void engineKilledAndRestartedContinuesExactly() throws Exception {
        Path log = tmp.resolve("engine.log");
        Process first = engineProcess(log);
        String sid, engineId;
        String cookie = Dashboards.login(app.port(), "fault-password");
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> count(
                                    "SELECT count(*) FROM ohlcv_1min b JOIN streaming_sessions s USING (session_id) WHERE s.stopped_at IS NULL")
                            >= 300);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> engineStatus(cookie).equals("alive"));
            // the engine names itself in its health; the status API lists it (the earlier tests' in-process engines,
            // long stopped, are listed as not alive), and its own heartbeat key exists
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> aliveEngines(cookie).size() == 1);
            engineId = aliveEngines(cookie).getFirst();
            assertThat(engineId).isNotEqualTo(io.tickstock.engine.EngineConfig.defaultEngineId());
            try (StatefulRedisConnection<String, String> r =
                    RedisClient.create(RedisUrl.uri(redis.url())).connect()) {
                assertThat(r.sync().get(RedisKeys.producerHeartbeat(engineId))).isNotNull();
            }
        } finally {
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, queues lost
        }
        long killed = System.nanoTime();
        // the heartbeat (every second here) and the session key expire after three intervals; the app says so
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> engineStatus(cookie).equals("lost"));
        double lostAfter = (System.nanoTime() - killed) / 1e9;
        try (StatefulRedisConnection<String, String> r =
                RedisClient.create(RedisUrl.uri(redis.url())).connect()) {
            assertThat(r.sync().get(RedisKeys.CURRENT_SESSION))
                    .as("the session key expired with the engine")
                    .isNull();
            assertThat(r.sync().get(RedisKeys.PRODUCER_HEARTBEAT)).isNull();
            await().atMost(Duration.ofSeconds(2)) // set just after the shared key, with the same TTL
                    .until(() -> r.sync().get(RedisKeys.producerHeartbeat(engineId)) == null);
        }
        JsonNode status = Json.read(
                Dashboards.get(app.port(), "/streaming/api/status", cookie).body());
        System.out.printf(
                "engine killed: the app showed it lost after %.1f s (heartbeat 1 s, keys' TTL 3 s): %s%n",
                lostAfter, status.path("engine"));
        try (Connection c = db();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT session_id FROM streaming_sessions WHERE stopped_at IS NULL")) {
            assertThat(rs.next()).as("an open session after the kill").isTrue();
            sid = rs.getString(1);
        }
        long barsAtKill = count("SELECT count(*) FROM ohlcv_1min WHERE session_id = '" + sid + "'");

        Process second = engineProcess(tmp.resolve("engine2.log"), "--resume");
        await().atMost(Duration.ofSeconds(30)).until(() -> engineStatus(cookie).equals("alive"));
        assertThat(second.waitFor(120, TimeUnit.SECONDS))
                .as("restarted engine finished")
                .isTrue();
        assertThat(Files.readString(tmp.resolve("engine2.log"))).contains("session " + sid + " resumed");

        Map<String, Long> counts = counts(sid);
        String ref = reference.sessionId();
        long differing = symmetricDifference("intraday_indicators", "symbol, series, calculated_at, value", ref, sid);
        long patternDiff =
                symmetricDifference("intraday_patterns", "symbol, pattern_type, detected_at, confidence", ref, sid);
        System.out.printf(
                "engine killed after %d bars and restarted: rows %s vs reference %s; %d indicator values and %d patterns differ%n",
                barsAtKill, counts, referenceCounts, differing, patternDiff);
        assertThat(differing).isZero();
        assertThat(patternDiff).isZero();
        assertThat(counts.get("intraday_indicators")).isEqualTo(referenceCounts.get("intraday_indicators"));
        assertThat(counts.get("intraday_patterns")).isEqualTo(referenceCounts.get("intraday_patterns"));
        assertThat(count("SELECT count(*) FROM streaming_sessions WHERE session_id = '" + sid
                        + "' AND final_status = 'completed'"))
                .isEqualTo(1);
    }

    @Test
    @Order(5)
    void aReplayWithoutResumeStartsANewSessionAndClosesTheInterruptedOne() throws Exception {
        Process first = engineProcess(tmp.resolve("engine3.log"));
        String interrupted;
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> count(
                                    "SELECT count(*) FROM ohlcv_1min b JOIN streaming_sessions s USING (session_id) WHERE s.stopped_at IS NULL")
                            >= 50);
        } finally {
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Connection c = db();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT session_id FROM streaming_sessions WHERE stopped_at IS NULL")) {
            assertThat(rs.next()).isTrue();
            interrupted = rs.getString(1);
        }
        Path log = tmp.resolve("engine4.log");
        Process again = engineProcess(log); // the demo's case: run again after Ctrl-C, no --resume
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            count("SELECT count(*) FROM streaming_sessions WHERE stopped_at IS NULL AND session_id <> '"
                                            + interrupted + "'")
                                    == 1);
        } finally {
            again.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(Files.readString(log)).contains("session " + interrupted).contains("starts a new session");
        assertThat(count("SELECT count(*) FROM streaming_sessions WHERE session_id = '" + interrupted
                        + "' AND final_status = 'failed'"))
                .as("the interrupted session is closed, not continued")
                .isEqualTo(1);
    }

    /** The app's view of the engine: none, alive or lost. */
    static String engineStatus(String cookie) throws Exception {
        return Json.read(Dashboards.get(app.port(), "/streaming/api/status", cookie)
                        .body())
                .path("engine")
                .path("status")
                .asText();
    }

    static CompletableFuture<Events.SessionEnd> replayInBackground(Engine engine) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return engine.replay();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Rows (by {@code columns}) in one session but not the other, both ways. */
    static long symmetricDifference(String table, String columns, String a, String b) throws Exception {
        String one = "SELECT " + columns + " FROM " + table + " WHERE session_id = '%s'";
        return count("SELECT count(*) FROM (" + one.formatted(a) + " EXCEPT " + one.formatted(b) + ") d")
                + count("SELECT count(*) FROM (" + one.formatted(b) + " EXCEPT " + one.formatted(a) + ") d");
    }

    /** {@code tickstock engine} as its own JVM on the shared servers, replaying the reference window at 600×. */
    /** The engine ids the status API lists as alive. */
    private List<String> aliveEngines(String cookie) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (JsonNode e : Json.read(Dashboards.get(app.port(), "/streaming/api/status", cookie)
                        .body())
                .path("engines"))
            if (e.path("alive").asBoolean()) ids.add(e.path("engine_id").asText());
        return ids;
    }

    static Process engineProcess(Path log, String... extra) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "io.tickstock.cli.TickStockCli",
                "engine",
                "--date",
                "2013-10-08",
                "--from",
                "09:30",
                "--to",
                "13:00",
                "--speed",
                "600",
                "--health-interval",
                "1",
                "--exit-after-replay",
                "--metrics-port",
                "-1",
                "--heartbeat-interval",
                "1",
                "--spool-dir",
                tmp.resolve("spool").toString()));
        command.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("TICKSTOCK_REDIS_URL", redis.url());
        pb.environment().put("TICKSTOCK_DATABASE_URL", postgres.urlWithPassword());
        pb.environment().put("TICKSTOCK_DATA_DIR", System.getProperty("tickstock.data.dir"));
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }
}
