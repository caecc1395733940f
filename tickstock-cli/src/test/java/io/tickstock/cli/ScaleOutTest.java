package io.tickstock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.tickstock.contract.RedisUrl;
import io.tickstock.engine.Engine;
import io.tickstock.engine.EngineConfig;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.bars.BarAggregator;
import io.tickstock.engine.kafka.TradeRecords;
import io.tickstock.testkit.FakeMassiveServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale-out end to end, every process real: {@code tickstock ingest} writes 2013-10-08 (4 symbols, 09:25-13:00)
 * into an embedded Kafka broker, and {@code tickstock engine --source kafka} processes read it into one Redis and one
 * PostgreSQL. Three engines give exactly the rows of one engine replaying the day directly; and with a fourth engine
 * added mid-run (a rebalance), one stopped gracefully and one killed with SIGKILL, the rows are still exactly those,
 * with nothing missing and nothing twice. A live session whose only engine is down 30 s loses no trade; 500
 * synthetic symbols through three engines store one engine's rows and publish its bars, patterns and alerts; a
 * hand-over before a session's first commit publishes nothing twice; and partitions taken over while PostgreSQL is
 * down wait for it and lose nothing.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutTest {
    @TempDir
    static Path tmp;

    static EmbeddedKafka kafka;
    static EmbeddedRedis redis;
    static EmbeddedPostgresServer postgres;
    static Map<String, List<String>> reference;
    static final List<Process> engines = new ArrayList<>();
    static final java.util.concurrent.ConcurrentLinkedQueue<String[]> received =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    static RedisClient subscriber;

    @BeforeAll
    static void servers() throws Exception {
        kafka = new EmbeddedKafka(tmp.resolve("kafka"));
        redis = new EmbeddedRedis(FreePort.find());
        postgres = new EmbeddedPostgresServer(tmp.resolve("pg"), false, FreePort.find());
        List<Path> files;
        try (Stream<Path> dirs =
                Files.list(Path.of(System.getProperty("tickstock.data.dir"), "lean/equity/usa/tick"))) {
            files = dirs.sorted().map(d -> d.resolve("20131008_trade.zip")).toList();
        }
        EngineConfig config = EngineConfig.builder(redis.url(), postgres.databaseUrl())
                .replay(files, Double.POSITIVE_INFINITY, LocalTime.of(9, 25), LocalTime.of(13, 0))
                .universe("replay:lean:20131008")
                .spool(tmp.resolve("spool-reference"), 64L << 20)
                .build();
        String session;
        try (Engine engine = new Engine(config, System::currentTimeMillis).start()) {
            session = engine.replay().sessionId();
        }
        reference = rows(session);
        subscriber = RedisClient.create(RedisUrl.uri(redis.url()));
        var sub = subscriber.connectPubSub();
        sub.addListener(new io.lettuce.core.pubsub.RedisPubSubAdapter<String, String>() {
            @Override
            public void message(String channel, String message) {
                received.add(new String[] {channel, message});
            }
        });
        sub.sync()
                .subscribe(
                        io.tickstock.contract.Channels.BARS_STREAMING,
                        io.tickstock.contract.Channels.PATTERNS_STREAMING,
                        io.tickstock.contract.Channels.ALERTS_INDICATORS);
        assertThat(reference.get("bars")).hasSizeGreaterThan(800);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process p : engines) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        if (subscriber != null) subscriber.shutdown();
        if (postgres != null) postgres.close();
        if (redis != null) redis.close();
        if (kafka != null) kafka.close();
    }

    @Test
    @Order(1)
    void threeEnginesStoreWhatOneEngineStores() throws Exception {
        for (int i = 1; i <= 3; i++) engines.add(engine("a" + i));
        Process ingest = ingest("max", tmp.resolve("ingest-1.log"));
        assertThat(ingest.waitFor(4, TimeUnit.MINUTES))
                .as("ingest ends its session")
                .isTrue();
        assertThat(ingest.exitValue()).isZero();
        String log = Files.readString(tmp.resolve("ingest-1.log"));
        String session = sessionOf(log);
        assertThat(log).contains("completed");
        assertRowsEqualReference(session);
        assertThat(assigned("a1") + assigned("a2") + assigned("a3"))
                .as("each engine had partitions")
                .doesNotContain("[]");
    }

    @Test
    @Order(2)
    void aRebalanceAGracefulStopAndAKillLoseNothing() throws Exception {
        Process ingest = ingest("200", tmp.resolve("ingest-2.log"));
        awaitBars(150);
        engines.add(engine("a4")); // a fourth engine joins: partitions move to it
        awaitBars(350);
        engines.get(0).destroy(); // SIGTERM: commits what is durable and leaves the group
        assertThat(engines.get(0).waitFor(30, TimeUnit.SECONDS)).isTrue();
        awaitBars(550);
        // kill the engine that owns SPY's partition (BAC, IBM and SPY share it)
        int spy = TradeRecords.partitionOf("SPY", TradeRecords.DEFAULT_PARTITIONS);
        int victim = -1;
        for (int i = 1; i < engines.size(); i++) if (owns("a" + (i + 1), spy)) victim = i;
        assertThat(victim).as("an engine owns partition " + spy).isPositive();
        String spyBars = "SELECT max(ts) FROM ohlcv_1min b JOIN streaming_sessions s USING (session_id) "
                + "WHERE s.stopped_at IS NULL AND b.symbol = 'SPY'";
        engines.get(victim).destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no commit, no goodbye
        long killedAt = System.nanoTime();
        String last = text(spyBars);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !text(spyBars).equals(last));
        double resumed = (System.nanoTime() - killedAt) / 1e9;
        System.out.printf("SPY bars stored again %.1f s after its engine's SIGKILL%n", resumed);
        assertThat(resumed).as("failover time, s").isLessThan(10);
        assertThat(ingest.waitFor(4, TimeUnit.MINUTES))
                .as("ingest ends its session")
                .isTrue();
        String log = Files.readString(tmp.resolve("ingest-2.log"));
        assertThat(log).contains("completed");
        assertRowsEqualReference(sessionOf(log));
    }

    @Test
    @Order(3)
    void aLiveSessionLosesNothingWhileItsOnlyEngineIsDownThirtySeconds() throws Exception {
        for (Process p : engines) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        Path spy = Path.of(System.getProperty("tickstock.data.dir"), "lean/equity/usa/tick/spy/20131008_trade.zip");
        long from = LocalDate.of(2013, 10, 8)
                .atTime(9, 30)
                .atZone(ZoneId.of("America/New_York"))
                .toInstant()
                .toEpochMilli();
        try (FakeMassiveServer massive = new FakeMassiveServer(0, "k", () -> TradeFiles.open(List.of(spy), from), 60)) {
            Process engine = engine("live-1");
            Path log = tmp.resolve("ingest-live.log");
            Process ingest = cli(
                    log,
                    List.of("TICKSTOCK_MASSIVE_API_KEY=k"),
                    "ingest",
                    "--kafka",
                    kafka.bootstrap(),
                    "--feed",
                    "massive",
                    "--session",
                    "now",
                    "--massive-url",
                    massive.url(),
                    "--symbols",
                    "SPY");
            String spyBars = "SELECT count(*) FROM ohlcv_1min b JOIN streaming_sessions s USING (session_id) "
                    + "WHERE s.stopped_at IS NULL AND b.symbol = 'SPY'";
            await().atMost(Duration.ofSeconds(60)).until(() -> count(spyBars) >= 10);
            engine.destroy(); // the only engine stops; the feed goes on into the log
            assertThat(engine.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long down = count(spyBars);
            Thread.sleep(30_000); // the outage itself: 30 minutes of the feed at 60x
            engines.add(engine("live-2"));
            await().atMost(Duration.ofSeconds(60)).until(() -> count(spyBars) >= down + 40);
            ingest.destroy(); // Ctrl-C: ingest ends the feed and, once the engine has read it, the session
            assertThat(ingest.waitFor(60, TimeUnit.SECONDS))
                    .as("ingest ends its session")
                    .isTrue();
            String text = Files.readString(log);
            Matcher m = Pattern.compile("session ([0-9a-f-]{36}) (stopped|completed)")
                    .matcher(text);
            assertThat(m.find()).as(text).isTrue();
            String session = m.group(1);
            // the bars every trade ingest wrote in the session makes (the engine's own bar rules, run here on the
            // log's records), against the bars the engines stored: the gap's minutes included
            Map<String, String> expected = barsOfTheLog(session);
            Map<String, String> stored = new java.util.TreeMap<>();
            for (String row : query(
                    "SELECT symbol || ' ' || extract(epoch from ts)::bigint * 1000, open, high, low, close, volume, "
                            + "trade_count FROM ohlcv_1min WHERE session_id = ?::uuid",
                    session)) {
                String[] f = row.split("\\|", -1);
                stored.put(f[0], bar(f[1], f[2], f[3], f[4], f[5], f[6]));
            }
            assertThat(expected.size()).as("minutes in the session").isGreaterThan((int) down + 40);
            assertThat(stored).isEqualTo(expected);
        }
    }

    @Test
    @Order(4)
    void fiveHundredSymbolsThroughThreeEnginesGiveOneEnginesRowsAndMessages() throws Exception {
        for (Process p : engines) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        engines.clear();
        String[] feed = {"--feed", "synthetic", "--symbols", "500", "--speed", "max", "--to", "09:50"};
        received.clear();
        String oneSession = singleEngine("synthetic-one.log", feed);
        List<String> oneMessages = normalized();
        Map<String, List<String>> expected = rows(oneSession); // before the next run's bars take the same keys

        received.clear();
        for (int i = 1; i <= 3; i++) engines.add(engine("s" + i));
        Process ingest = cli(
                tmp.resolve("synthetic-ingest.log"),
                concat(new String[] {"ingest", "--kafka", kafka.bootstrap()}, feed));
        assertThat(ingest.waitFor(4, TimeUnit.MINUTES))
                .as("ingest ends its session")
                .isTrue();
        String three = sessionOf(Files.readString(tmp.resolve("synthetic-ingest.log")));
        List<String> threeMessages = normalized();

        assertRowsEqual(three, expected);
        assertThat(expected.get("bars")).hasSizeGreaterThan(9_000);
        List<String> missing = new ArrayList<>(oneMessages), extra = new ArrayList<>(threeMessages);
        threeMessages.forEach(missing::remove);
        oneMessages.forEach(extra::remove);
        assertThat(missing)
                .as("bars, patterns and alerts one engine published and three did not")
                .isEmpty();
        assertThat(extra)
                .as("bars, patterns and alerts three engines published and one did not")
                .isEmpty();
        assertThat(threeMessages).hasSizeGreaterThan(10_000);
        System.out.printf(
                "500 symbols: %d bars, %d indicator values, %d patterns stored; %d bars, patterns and alerts on Redis%n",
                expected.get("bars").size(),
                expected.get("indicators").size(),
                expected.get("patterns").size(),
                threeMessages.size());
    }

    /**
     * The state a SIGKILL or a rebalance leaves in a session's first second: the previous owner stored the session's
     * bars, but its committed offsets are still before the session record (its first commit was due a second later).
     * The next owner reads the session record first; it must re-warm from the stored bars and publish nothing again.
     */
    @Test
    @Order(5)
    void aPartitionTakenOverBeforeItsFirstCommitInASessionPublishesNothingTwice() throws Exception {
        for (Process p : engines) p.destroy();
        for (Process p : engines) assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        engines.clear();
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> before;
        try (Admin admin = admin()) {
            before = admin.listConsumerGroupOffsets(TradeRecords.GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
        }
        Process first = engine("h1");
        Process ingest = cli(
                tmp.resolve("handover-ingest.log"),
                "ingest",
                "--kafka",
                kafka.bootstrap(),
                "--feed",
                "synthetic",
                "--symbols",
                "60",
                "--speed",
                "max",
                "--to",
                "09:45");
        assertThat(ingest.waitFor(4, TimeUnit.MINUTES))
                .as("ingest ends its session")
                .isTrue();
        String session = sessionOf(Files.readString(tmp.resolve("handover-ingest.log")));
        first.destroy();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Map<String, List<String>> stored = rows(session);
        assertThat(stored.get("bars")).hasSizeGreaterThan(500);

        try (Admin admin = admin()) { // the group back before the session record
            if (before.isEmpty()) // this test alone: no commit before it, so the log's start
            admin.deleteConsumerGroups(List.of(TradeRecords.GROUP)).all().get(30, TimeUnit.SECONDS);
            else
                admin.alterConsumerGroupOffsets(TradeRecords.GROUP, before)
                        .all()
                        .get(30, TimeUnit.SECONDS);
        }
        try (Connection c = db()) { // and the session still under way, as it is while its first second runs
            c.createStatement()
                    .executeUpdate(
                            "UPDATE streaming_sessions SET stopped_at = NULL WHERE session_id = '" + session + "'");
        }
        received.clear();
        engines.add(engine("h2"));
        try (io.tickstock.engine.kafka.GroupProgress progress = new io.tickstock.engine.kafka.GroupProgress(
                kafka.connection(), TradeRecords.TOPIC, TradeRecords.GROUP)) {
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> progress.behind()[0] == 0);
        }
        assertThat(normalized()).as("bars, patterns and alerts published again").isEmpty();
        assertThat(rows(session)).isEqualTo(stored);
        assertThat(engineLog("h2")).contains("stored before the hand-over re-warmed");
        try (Connection c = db()) { // the session stopped again, as ingest had left it
            c.createStatement()
                    .executeUpdate(
                            "UPDATE streaming_sessions SET stopped_at = now() WHERE session_id = '" + session + "'");
        }
    }

    /**
     * PostgreSQL goes down and an engine is killed: its partitions move to an engine that cannot read their session
     * or stored bars. That engine pauses them, goes on with its own, reads them from their committed offsets once
     * PostgreSQL is back, and the session's rows are exactly the reference's.
     */
    @Test
    @Order(6)
    void partitionsTakenOverWhilePostgresIsDownWaitForItAndLoseNothing() throws Exception {
        for (Process p : engines) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        engines.clear();
        engines.add(engine("p1"));
        int metricsPort = FreePort.find();
        engines.add(engine("p2", metricsPort));
        Process ingest = ingest("200", tmp.resolve("ingest-pg.log"));
        awaitBars(150);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        assigned("p1").matches(".*[0-9].*") && assigned("p2").matches(".*[0-9].*"));
        int port = postgres.port();
        postgres.close(); // the writers spool, commits wait for durability
        engines.get(0).destroyForcibly().waitFor(10, TimeUnit.SECONDS); // p1's partitions move to p2 in ~6 s
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> engineLog("p2").contains(" paused: "));
        assertThat(pausedPartitions(metricsPort))
                .as("tickstock_trade_log_paused_partitions")
                .isPositive();
        postgres = new EmbeddedPostgresServer(tmp.resolve("pg"), false, port);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> engineLog("p2").contains(" read again") && pausedPartitions(metricsPort) == 0);
        assertThat(ingest.waitFor(4, TimeUnit.MINUTES))
                .as("ingest ends its session")
                .isTrue();
        String log = Files.readString(tmp.resolve("ingest-pg.log"));
        assertThat(log).contains("completed");
        assertRowsEqualReference(sessionOf(log));
    }

    /**
     * An engine whose spool (1 MB) fills during a PostgreSQL outage stops reading the log instead of dropping rows:
     * the log keeps the trades, and once PostgreSQL is back the rows equal the reference.
     */
    @Test
    @Order(7)
    void aFullSpoolPausesReadingTheLogInsteadOfDroppingRows() throws Exception {
        for (Process p : engines) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        engines.clear();
        engines.add(engine("small-spool", -1, "--spool-max-mb", "1"));
        Process ingest = ingest("600", tmp.resolve("ingest-small-spool.log"));
        awaitBars(150);
        int port = postgres.port();
        long down = System.nanoTime();
        postgres.close();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Files.readString(tmp.resolve("small-spool.log")).contains("history writer backlogged"));
        System.out.printf(
                "1-MB spool full %.1f s into the outage: reading the log paused%n", (System.nanoTime() - down) / 1e9);
        postgres = new EmbeddedPostgresServer(tmp.resolve("pg"), false, port);
        assertThat(ingest.waitFor(4, TimeUnit.MINUTES))
                .as(() -> "ingest ends its session; the engine's log ends with\n"
                        + tail(tmp.resolve("small-spool.log")) + "\ningest's with\n"
                        + tail(tmp.resolve("ingest-small-spool.log")))
                .isTrue();
        String log = Files.readString(tmp.resolve("ingest-small-spool.log"));
        assertThat(log).contains("completed");
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Files.readString(tmp.resolve("small-spool.log")).contains("reading the trade log again"));
        String session = sessionOf(log);
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Map<String, List<String>> rows = rows(session);
                    return List.of("bars", "indicators", "patterns").stream()
                            .allMatch(
                                    t -> rows.get(t).size() >= reference.get(t).size());
                });
        assertRowsEqualReference(session);
        assertThat(Files.readString(tmp.resolve("small-spool.log"))).doesNotContain("rows dropped");
    }

    /**
     * The full-size outage, a measurement run by {@code scripts/spool-outage} (skipped in the suites): a
     * {@code outage.symbols}-symbol synthetic session (2,000) to {@code outage.to} (10:00) at {@code outage.speed} (5×)
     * through one engine with a 1-MB spool while PostgreSQL is down {@code outage.seconds} (300): the rows equal a
     * single engine's of the same feed.
     */
    @Test
    @Order(8)
    void aLongOutageAtFullSizeLosesNoRow() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("outage.full"), "a measurement: scripts/spool-outage");
        String symbols = System.getProperty("outage.symbols", "2000"), to = System.getProperty("outage.to", "10:00");
        long outage = Long.getLong("outage.seconds", 300);
        for (Process p : engines) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        engines.clear();
        String[] feed = {"--feed", "synthetic", "--symbols", symbols, "--to", to};
        String oneSession = singleEngine("outage-one.log", concat(new String[] {"--speed", "max"}, feed));
        Map<String, List<String>> expected = rows(oneSession);

        engines.add(engine("outage", -1, "--spool-max-mb", "1"));
        Process ingest = cli(
                tmp.resolve("outage-ingest.log"),
                concat(
                        new String[] {
                            "ingest", "--kafka", kafka.bootstrap(), "--speed", System.getProperty("outage.speed", "5")
                        },
                        feed));
        Pattern started = Pattern.compile("session ([0-9a-f-]{36}) started");
        String live = await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            Matcher m = started.matcher(Files.readString(tmp.resolve("outage-ingest.log")));
                            return m.find() ? m.group(1) : null;
                        },
                        id -> id != null);
        await().atMost(Duration.ofMinutes(3)) // the session's first minute stored: the outage starts mid-session
                .pollInterval(Duration.ofMillis(500))
                .until(() -> count("SELECT count(*) FROM ohlcv_1min WHERE session_id = '" + live + "'")
                        >= Long.parseLong(symbols));
        int port = postgres.port();
        long down = System.nanoTime();
        postgres.close();
        Thread.sleep(outage * 1_000); // the outage itself: PostgreSQL stays down this long
        postgres = new EmbeddedPostgresServer(tmp.resolve("pg"), false, port);
        long up = System.nanoTime();
        assertThat(ingest.waitFor(30, TimeUnit.MINUTES))
                .as("ingest ends its session")
                .isTrue();
        String session = sessionOf(Files.readString(tmp.resolve("outage-ingest.log")));
        assertRowsEqual(session, expected);
        String engineLog = Files.readString(tmp.resolve("outage.log"));
        assertThat(engineLog).doesNotContain("rows dropped");
        System.out.printf(
                "outage at full size: %s symbols, PostgreSQL down %.0f s with a 1-MB spool; the session ended %.0f s "
                        + "after it returned; %d bars, %d indicator values, %d patterns equal the single engine's; "
                        + "reading paused: %b%n",
                symbols,
                (up - down) / 1e9,
                (System.nanoTime() - up) / 1e9,
                expected.get("bars").size(),
                expected.get("indicators").size(),
                expected.get("patterns").size(),
                engineLog.contains("history writer backlogged"));
    }

    /** The single-engine reference: {@code engine --exit-after-replay} of {@code feed}; @return its session id */
    private static String singleEngine(String logName, String[] feed) throws Exception {
        Process single = cli(
                tmp.resolve(logName),
                concat(
                        new String[] {
                            "engine",
                            "--exit-after-replay",
                            "--metrics-port",
                            "-1",
                            "--spool-dir",
                            tmp.resolve("spool").toString()
                        },
                        feed));
        assertThat(single.waitFor(10, TimeUnit.MINUTES)).isTrue();
        Matcher one = Pattern.compile("replay finished: session ([0-9a-f-]{36})")
                .matcher(Files.readString(tmp.resolve(logName)));
        assertThat(one.find()).isTrue();
        return one.group(1);
    }

    /** The last 40 lines of a log, for a failure's message. */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** The engine's {@code tickstock_trade_log_paused_partitions} gauge, scraped from its {@code /metrics}. */
    private static double pausedPartitions(int metricsPort) throws Exception {
        String body = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = Pattern.compile("(?m)^tickstock_trade_log_paused_partitions(?:\\{[^}]*\\})? (\\S+)$")
                .matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static Admin admin() {
        return Admin.create(kafka.connection().clientConfig(Map.of()));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /**
     * The bars, patterns and alerts received on Redis, one item per entry (batches unpacked), without what differs
     * between runs (publication times, ids), sorted.
     */
    private static List<String> normalized() {
        int[] last = {-1};
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    int n = received.size();
                    boolean quiet = n == last[0];
                    last[0] = n;
                    return quiet;
                });
        List<String> items = new ArrayList<>();
        for (String[] m : received) {
            com.fasterxml.jackson.databind.JsonNode msg = io.tickstock.contract.Json.read(m[1]);
            com.fasterxml.jackson.databind.JsonNode batch = msg.get("bars");
            if (batch != null && batch.isArray()) batch.forEach(item -> items.add(m[0] + '|' + strip(item)));
            else {
                ((com.fasterxml.jackson.databind.node.ObjectNode) msg).remove("timestamp");
                items.add(m[0] + '|' + strip(msg));
            }
        }
        java.util.Collections.sort(items);
        return items;
    }

    /** The node without run-specific fields, its objects' keys in order. */
    private static String strip(com.fasterxml.jackson.databind.JsonNode node) {
        return sorted(node).toString();
    }

    private static com.fasterxml.jackson.databind.JsonNode sorted(com.fasterxml.jackson.databind.JsonNode node) {
        var factory = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        if (node.isObject()) {
            var out = factory.objectNode();
            java.util.TreeMap<String, com.fasterxml.jackson.databind.JsonNode> fields = new java.util.TreeMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
            fields.keySet().removeAll(Set.of("session_id", "pattern_id", "flow_id", "published_at"));
            fields.forEach((k, v) -> out.set(k, sorted(v)));
            return out;
        }
        if (node.isArray()) {
            var out = factory.arrayNode();
            node.forEach(v -> out.add(sorted(v)));
            return out;
        }
        return node;
    }

    private static String bar(Object open, Object high, Object low, Object close, Object volume, Object count) {
        return String.format(
                "%.4f %.4f %.4f %.4f %s %s",
                Double.parseDouble(open.toString()),
                Double.parseDouble(high.toString()),
                Double.parseDouble(low.toString()),
                Double.parseDouble(close.toString()),
                volume,
                count);
    }

    /** The session's bars as the engine's {@link BarAggregator} builds them from the trade log's records. */
    private static Map<String, String> barsOfTheLog(String session) {
        Map<String, String> bars = new java.util.TreeMap<>();
        BarAggregator.Sink sink = new BarAggregator.Sink() {
            @Override
            public void onBar(Bar b) {
                bars.put(
                        b.symbol() + " " + b.startMillis(),
                        bar(b.open(), b.high(), b.low(), b.close(), b.volume(), b.tradeCount()));
            }

            @Override
            public void onCorrection(Bar b, int revision) {
                onBar(b);
            }
        };
        BarAggregator aggregator = new BarAggregator(2_000, 15 * 60_000, false, sink);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                kafka.connection().clientConfig(Map.of()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(
                    TradeRecords.TOPIC, TradeRecords.partitionOf("SPY", TradeRecords.DEFAULT_PARTITIONS));
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            boolean inSession = false;
            while (consumer.position(tp) < end) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    TradeRecords.Decoded d = TradeRecords.decode(r.key(), r.value());
                    if (d.sessionId() != null) inSession = d.sessionId().equals(session);
                    else if (inSession && d.trade() == null) aggregator.onWatermark(d.watermarkMillis());
                    else if (inSession) {
                        aggregator.onWatermark(d.trade().timeMillis());
                        aggregator.onTrade(d.trade());
                    }
                }
            }
        }
        return bars;
    }

    private static void assertRowsEqualReference(String session) throws Exception {
        assertRowsEqual(session, reference);
    }

    /** The session's bars, indicator values and patterns equal {@code expected}'s ({@link #rows}). */
    private static void assertRowsEqual(String session, Map<String, List<String>> expected) throws Exception {
        Map<String, List<String>> rows = rows(session);
        for (String table : List.of("bars", "indicators", "patterns")) {
            assertThat(rows.get(table))
                    .as(table + " of session " + session)
                    .hasSameSizeAs(expected.get(table))
                    .isEqualTo(expected.get(table));
        }
    }

    private static void awaitBars(long n) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT count(*) FROM ohlcv_1min b JOIN streaming_sessions s USING (session_id) "
                                + "WHERE s.stopped_at IS NULL")
                        >= n);
    }

    private static String sessionOf(String ingestLog) {
        Matcher m = Pattern.compile("session ([0-9a-f-]{36}) completed").matcher(ingestLog);
        assertThat(m.find()).as(ingestLog).isTrue();
        return m.group(1);
    }

    private static String assigned(String engine) throws Exception {
        Matcher m = Pattern.compile("assigned partitions (\\[[0-9, ]*\\])").matcher(engineLog(engine));
        StringBuilder all = new StringBuilder();
        while (m.find()) all.append(m.group(1));
        return all.toString();
    }

    /** Whether engine {@code id} owns {@code partition} now, by its log's assignments and give-ups in order. */
    private static boolean owns(String id, int partition) throws Exception {
        Matcher m = Pattern.compile("(assigned|gave up) partitions \\[([0-9, ]*)\\]")
                .matcher(engineLog(id));
        boolean owned = false;
        while (m.find())
            for (String p : m.group(2).split(", ", -1))
                if (!p.isBlank() && Integer.parseInt(p.trim()) == partition)
                    owned = m.group(1).equals("assigned");
        return owned;
    }

    static String text(String sql) throws Exception {
        try (Connection c = db();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return String.valueOf(rs.getString(1));
        }
    }

    private static String engineLog(String id) throws Exception {
        return Files.readString(tmp.resolve(id + ".log"));
    }

    /** The rows of a session as text without ids, ordered: bars, indicator values and patterns. */
    static Map<String, List<String>> rows(String session) throws Exception {
        return Map.of(
                "bars",
                        query(
                                "SELECT symbol, ts, open, high, low, close, volume, vwap, trade_count FROM ohlcv_1min "
                                        + "WHERE session_id = ?::uuid ORDER BY 1, 2",
                                session),
                "indicators",
                        query(
                                "SELECT symbol, series, calculated_at, value, metadata->'values' FROM intraday_indicators "
                                        + "WHERE session_id = ?::uuid ORDER BY 1, 2, 3",
                                session),
                "patterns",
                        query(
                                "SELECT symbol, pattern_type, detected_at, confidence, bar_close FROM intraday_patterns "
                                        + "WHERE session_id = ?::uuid ORDER BY 1, 2, 3",
                                session));
    }

    private static List<String> query(String sql, String session) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, session);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= n; i++) row.append(rs.getString(i)).append('|');
                    out.add(row.toString());
                }
            }
        }
        return out;
    }

    static long count(String sql) throws Exception {
        try (Connection c = db();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Connection db() throws Exception {
        return DriverManager.getConnection(
                postgres.databaseUrl().jdbcUrl(),
                "postgres",
                postgres.databaseUrl().password());
    }

    static Process engine(String id) throws Exception {
        return engine(id, -1);
    }

    /**
     * @param metricsPort the engine's {@code /metrics} port, -1 for none
     * @param more        further options
     */
    static Process engine(String id, int metricsPort, String... more) throws Exception {
        return cli(
                tmp.resolve(id + ".log"),
                concat(
                        new String[] {
                            "engine",
                            "--source",
                            "kafka",
                            "--kafka",
                            kafka.bootstrap(),
                            "--engine-id",
                            id,
                            "--metrics-port",
                            String.valueOf(metricsPort),
                            "--heartbeat-interval",
                            "1",
                            "--health-interval",
                            "1",
                            "--spool-dir",
                            tmp.resolve("spool").toString()
                        },
                        more));
    }

    static Process ingest(String speed, Path log) throws Exception {
        return cli(log, "ingest", "--kafka", kafka.bootstrap(), "--speed", speed, "--to", "13:00");
    }

    static Process cli(Path log, String... args) throws Exception {
        return cli(log, List.of(), args);
    }

    static Process cli(Path log, List<String> env, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx384m",
                "-Duser.home=" + tmp,
                "-cp",
                System.getProperty("java.class.path"),
                "io.tickstock.cli.TickStockCli"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("TICKSTOCK_REDIS_URL", redis.url());
        pb.environment().put("TICKSTOCK_DATABASE_URL", postgres.urlWithPassword());
        pb.environment().put("TICKSTOCK_DATA_DIR", System.getProperty("tickstock.data.dir"));
        pb.environment().put("TICKSTOCK_KAFKA_CONFIG", kafka.clientConfig().toString());
        for (String e : env) pb.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }
}
