package io.tickstock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tickstock.app.App;
import io.tickstock.app.AppConfig;
import io.tickstock.app.store.AppDatabase;
import io.tickstock.app.store.Role;
import io.tickstock.app.store.Users;
import io.tickstock.contract.Channels;
import io.tickstock.contract.Json;
import io.tickstock.contract.RedisUrl;
import io.tickstock.engine.Engine;
import io.tickstock.engine.EngineConfig;
import io.tickstock.engine.jobs.BacktestWorker;
import io.tickstock.engine.jobs.HistoricalBars;
import io.tickstock.engine.jobs.JobLimits;
import io.tickstock.engine.jobs.JobStore;
import io.tickstock.engine.jobs.ScorecardStore;
import io.tickstock.engine.store.Database;
import io.tickstock.testkit.AppHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Backtest jobs end to end on real Redis and PostgreSQL: submitted through the app's REST API, run by a worker on the
 * recorded data, progress and result on the seeds' channels and in {@code backtest_jobs}; a job queued while no worker
 * ran starts when one does; a bad job answers 400 or fails with its reason; cancel; and a job submitted in Chromium
 * shows its equity curve.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BacktestJobsTest {
    static final String PASSWORD = "backtest-password";

    @TempDir
    static Path tmp;

    static EmbeddedRedis redis;
    static EmbeddedPostgresServer postgres;
    static App app;
    static com.zaxxer.hikari.HikariDataSource workerDb;
    static BacktestWorker worker;
    static RedisClient client;
    static StatefulRedisPubSubConnection<String, String> events;
    static final ConcurrentLinkedQueue<String[]> received = new ConcurrentLinkedQueue<>();
    static String cookie;

    @BeforeAll
    static void servers() throws Exception {
        redis = new EmbeddedRedis(0);
        postgres = new EmbeddedPostgresServer(tmp.resolve("pg"), true, 0);
        app = new App(
                        new AppConfig(redis.url(), postgres.databaseUrl(), "127.0.0.1", 0, 5, PASSWORD),
                        System::currentTimeMillis)
                .start();
        workerDb = Database.open(postgres.databaseUrl(), "test-backtest", 3);
        Database.migrate(workerDb);
        client = RedisClient.create(RedisUrl.uri(redis.url()));
        events = client.connectPubSub();
        events.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                received.add(new String[] {channel, message});
            }
        });
        events.sync().subscribe(Channels.BACKTEST_PROGRESS, Channels.BACKTEST_RESULTS);
        cookie = Dashboards.login(app.port(), PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (worker != null) worker.close();
        if (events != null) events.close();
        if (client != null) client.shutdown();
        if (workerDb != null) workerDb.close();
        if (app != null) app.close();
        if (postgres != null) postgres.close();
        if (redis != null) redis.close();
    }

    /** The test worker's limits: 50,000 bars a job, results over 20,000 characters published as a summary and a URL. */
    static final JobLimits LIMITS = new JobLimits(50_000, 100, 5, 20_000);

    static BacktestWorker startWorker() throws Exception {
        return new BacktestWorker(
                        redis.url(),
                        "test-worker",
                        2,
                        new JobStore(workerDb),
                        new ScorecardStore(workerDb),
                        new HistoricalBars(Path.of(System.getProperty("tickstock.data.dir")), workerDb),
                        LIMITS,
                        System::currentTimeMillis)
                .start();
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                                .header("Cookie", cookie)
                                .header("Origin", "http://127.0.0.1:" + app.port())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode job(String id) throws Exception {
        return Json.read(AppHttp.get(app.port(), "/streaming/api/backtests/" + id, cookie)
                .body());
    }

    static final String SPY_DAILY = "{\"symbols\":[\"SPY\"],\"start_date\":\"1998-01-01\",\"end_date\":\"2021-12-31\","
            + "\"patterns\":[\"all\"],\"timeframe\":\"daily\"}";

    @Test
    @Order(1)
    void aJobQueuedWhileNoWorkerRanStartsWhenOneDoesAndEndsWithItsResults() throws Exception {
        HttpResponse<String> r = post("/streaming/api/backtests", SPY_DAILY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String id = Json.read(r.body()).path("job_id").asText();
        assertThat(Json.read(r.body()).path("workers").asInt()).isZero();
        assertThat(job(id).path("status").asText()).isEqualTo("queued");
        worker = startWorker(); // picks the queued row from backtest_jobs
        await().atMost(Duration.ofSeconds(60))
                .until(() -> job(id).path("status").asText().equals("completed"));
        JsonNode results = job(id).path("results");
        double pnl = 0;
        for (JsonNode t : results.path("trades")) pnl += t.path("pnl").asDouble();
        assertThat(results.path("summary").path("final_equity").asDouble()).isEqualTo(100_000 + pnl);
        assertThat(results.path("adjustment").path("SPY").asText()).isEqualTo("adjusted"); // the job's default
        JsonNode summary = results.path("summary");
        assertThat(summary.path("alpha").asDouble())
                .isCloseTo(
                        summary.path("total_return").asDouble()
                                - summary.path("benchmark_return").asDouble(),
                        within(1e-12));
        assertThat(summary.path("by_side").size()).isPositive();
        assertThat(results.path("benchmark_curve").size())
                .isEqualTo(results.path("equity_curve").size());
        assertThat(results.path("forward_returns").get(0).has("base_hit_rate")).isTrue();
        assertThat(received)
                .anyMatch(m -> m[0].equals(Channels.BACKTEST_RESULTS)
                        && m[1].contains(id)
                        && Json.read(m[1]).path("data").path("status").asText().equals("completed"));
        JsonNode published = received.stream()
                .filter(m -> m[0].equals(Channels.BACKTEST_RESULTS) && m[1].contains(id))
                .map(m -> Json.read(m[1]).path("data"))
                .findFirst()
                .orElseThrow();
        assertThat(published.path("user_id").asText())
                .as("the owner, for the app")
                .isEqualTo("admin");
        assertThat(published.path("results").path("results_url").asText())
                .as("over the worker's 20,000 characters: a summary and where the whole result is")
                .isEqualTo("/streaming/api/backtests/" + id);
        assertThat(published
                        .path("results")
                        .path("summary")
                        .path("final_equity")
                        .asDouble())
                .isEqualTo(summary.path("final_equity").asDouble());
        assertThat(published.path("results").has("trades")).isFalse();
        HttpResponse<String> csv = AppHttp.get(app.port(), "/streaming/api/backtests/" + id + "?format=csv", cookie);
        assertThat(csv.body()).startsWith("symbol,pattern,function,side");
        assertThat(AppHttp.get(app.port(), "/api/streaming/backtests", cookie).body())
                .contains(id);
    }

    @Test
    @Order(2)
    void progressComesEverySecondWhileAMinuteJobRuns() throws Exception {
        received.clear();
        String body =
                "{\"symbols\":[\"SPY\",\"IBM\",\"AAPL\",\"BAC\"],\"start_date\":\"2013-10-01\",\"end_date\":\"2014-12-31\","
                        + "\"patterns\":[\"all\"],\"timeframe\":\"1min\",\"parameters\":{\"hold_bars\":30,\"allow_short\":false}}";
        String id = Json.read(post("/streaming/api/backtests", body).body())
                .path("job_id")
                .asText();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> job(id).path("status").asText().equals("completed"));
        assertThat(job(id).path("results").path("trades"))
                .allMatch(t -> t.path("side").asText().equals("long"));
        List<String> kinds = received.stream().map(m -> m[0]).toList();
        assertThat(kinds).contains(Channels.BACKTEST_RESULTS);
        for (String[] m : received)
            assertThat(io.tickstock.contract.ContractSchemas.violations(m[0], m[1]))
                    .as("the contract's schema of " + m[0])
                    .isEmpty();
    }

    @Test
    @Order(3)
    void aBadJobAnswers400NamingTheFieldOrFailsWithItsReason() throws Exception {
        HttpResponse<String> bad = post("/streaming/api/backtests", SPY_DAILY.replace("\"all\"", "\"Hammerr\""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Json.read(bad.body()).path("parameter").asText()).isEqualTo("patterns");
        bad = post(
                "/streaming/api/backtests",
                SPY_DAILY.replace(
                        "\"timeframe\":\"daily\"", "\"timeframe\":\"daily\",\"parameters\":{\"hold_bars\":0}"));
        assertThat(Json.read(bad.body()).path("parameter").asText()).isEqualTo("parameters.hold_bars");
        bad = post(
                "/streaming/api/backtests",
                SPY_DAILY.replace(
                        "\"timeframe\":\"daily\"",
                        "\"timeframe\":\"daily\",\"parameters\":{\"adjustment\":\"dividends\"}"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Json.read(bad.body()).path("parameter").asText()).isEqualTo("parameters.adjustment");
        String id = Json.read(post("/streaming/api/backtests", SPY_DAILY.replace("SPY", "ZZZZ"))
                        .body())
                .path("job_id")
                .asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> job(id).path("status").asText().equals("failed"));
        assertThat(job(id).path("error").asText()).contains("no daily bars of ZZZZ");
    }

    @Test
    @Order(4)
    void aCancelledJobStopsWithinASecond() throws Exception {
        String body = "{\"symbols\":[\"SPY\",\"IBM\",\"AAPL\",\"BAC\",\"QQQ\",\"IWM\"],\"start_date\":\"1998-01-01\","
                + "\"end_date\":\"2021-12-31\",\"patterns\":[\"all\"],\"timeframe\":\"daily\"}";
        String id = Json.read(post("/streaming/api/backtests", body).body())
                .path("job_id")
                .asText();
        HttpResponse<String> cancel = post("/streaming/api/backtests/" + id + "/cancel", "");
        assertThat(cancel.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> List.of("cancelled", "completed")
                        .contains(job(id).path("status").asText()));
        // a job this small may finish before the cancel arrives; when it did not, it says so
        if (job(id).path("status").asText().equals("cancelled"))
            assertThat(job(id).path("error").asText()).contains("cancelled");
    }

    @Test
    @Order(6)
    void theScorecardIsStoredAndServedBesideThePatterns() throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cmd = TickStockCli.commandLine();
        cmd.setOut(new java.io.PrintWriter(out, true));
        int code = cmd.execute(
                "backtest",
                "--scorecard",
                "--symbols",
                "SPY,IBM",
                "--timeframe",
                "daily",
                "--data",
                System.getProperty("tickstock.data.dir"),
                "--database",
                postgres.urlWithPassword());
        assertThat(code).as(out.toString()).isZero();
        JsonNode rows = Json.read(AppHttp.get(app.port(), "/streaming/api/scorecard?symbol=SPY&horizon=5", cookie)
                .body());
        assertThat(rows).isNotEmpty().allMatch(r -> r.path("horizon_bars").asInt() == 5);
        JsonNode hammer = StreamSupport.stream(rows.spliterator(), false)
                .filter(r -> r.path("count").asInt() > 10)
                .findFirst()
                .orElseThrow();
        assertThat(hammer.path("hit_rate").asDouble()).isBetween(0.0, 1.0);
        assertThat(hammer.path("hit_rate_low").asDouble())
                .isLessThanOrEqualTo(hammer.path("hit_rate").asDouble());
        assertThat(hammer.path("hit_rate_high").asDouble())
                .isGreaterThanOrEqualTo(hammer.path("hit_rate").asDouble());
        assertThat(hammer.path("base_hit_rate").asDouble()).isBetween(0.0, 1.0);
        assertThat(hammer.path("edge").asDouble())
                .isCloseTo(
                        hammer.path("hit_rate").asDouble()
                                - hammer.path("base_hit_rate").asDouble(),
                        within(1e-12));
        assertThat(hammer.path("adjustment").asText()).isEqualTo("adjusted");
        assertThat(AppHttp.get(app.port(), "/streaming/api/scorecard?horizon=3", cookie)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    @Order(7)
    void theCommandLocallyAndAsASubmittedJobGivesTheSameResults() throws Exception {
        Path local = tmp.resolve("local.json"), submitted = tmp.resolve("submitted.json");
        String[] common = {
            "backtest",
            "--symbols",
            "SPY",
            "--timeframe",
            "daily",
            "--from",
            "1998-01-01",
            "--to",
            "2021-12-31",
            "--data",
            System.getProperty("tickstock.data.dir")
        };
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cmd = TickStockCli.commandLine();
        cmd.setOut(new java.io.PrintWriter(out, true));
        assertThat(cmd.execute(concat(common, "--json", local.toString()))).isZero();
        cmd = TickStockCli.commandLine();
        cmd.setOut(new java.io.PrintWriter(out, true));
        assertThat(cmd.execute(concat(
                        common,
                        "--submit",
                        "--redis",
                        redis.url(),
                        "--database",
                        postgres.urlWithPassword(),
                        "--json",
                        submitted.toString())))
                .as(out.toString())
                .isZero();
        JsonNode a = Json.read(Files.readString(local)).path("results").path("summary"),
                b = Json.read(Files.readString(submitted)).path("results").path("summary");
        assertThat(b.path("final_equity").asDouble())
                .isEqualTo(a.path("final_equity").asDouble());
        assertThat(b.path("trades").asInt()).isEqualTo(a.path("trades").asInt()).isPositive();
    }

    @Test
    @Order(8)
    void theDashboardsRefreshRecomputesASymbolsRecordOnAWorker() throws Exception {
        HttpResponse<String> r =
                post("/streaming/api/scorecard/refresh", "{\"symbols\":[\"BAC\"],\"timeframe\":\"daily\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(Json.read(r.body()).path("workers").asInt()).isPositive();
        String id = Json.read(r.body()).path("job_id").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        received.stream().anyMatch(m -> m[0].equals(Channels.BACKTEST_RESULTS) && m[1].contains(id)));
        JsonNode rows = Json.read(AppHttp.get(app.port(), "/streaming/api/scorecard?symbol=BAC", cookie)
                .body());
        assertThat(rows).isNotEmpty();
        assertThat(post("/streaming/api/scorecard/refresh", "{\"symbols\":[\"bad symbol\"]}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    @Order(9)
    void aDetectionOnTheDashboardShowsItsRecordAgainstTheBaseRate() throws Exception {
        JsonNode rows = Json.read(AppHttp.get(app.port(), "/streaming/api/scorecard?symbol=SPY&horizon=5", cookie)
                .body());
        JsonNode record = StreamSupport.stream(rows.spliterator(), false)
                .filter(r -> r.path("timeframe").asText().equals("daily")
                        && r.path("count").asInt() > 10
                        && !r.path("direction").asText().equals("bearish"))
                .findFirst()
                .orElseThrow();
        ChromeDriver browser = Dashboards.open(app.port(), PASSWORD, tmp);
        try {
            String frame = Json.write(Map.of(
                    "event",
                    "streaming_pattern",
                    "data",
                    Map.of(
                            "detection",
                            Map.of(
                                    "symbol",
                                    "SPY",
                                    "pattern_type",
                                    record.path("pattern").asText(),
                                    "direction",
                                    record.path("direction").asText(),
                                    "confidence",
                                    0.9,
                                    "timestamp",
                                    "2021-03-31T14:30:00Z"))));
            String expected = "↑ " + Math.round(record.path("hit_rate").asDouble() * 100) + "% vs "
                    + Math.round(record.path("base_hit_rate").asDouble() * 100) + "% · 5 days · n="
                    + record.path("count").asInt();
            // read in one script: the list re-renders as records load, so elements found earlier go stale
            String texts = "return [...document.querySelectorAll('#pattern-list li .record')]"
                    + ".map(e => e.textContent + (e.classList.contains('beats-base') ? ' [beats]' : '')).join('\\n')";
            String[] shown = {""};
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                browser.executeScript("window.tickstock.receive(arguments[0])", frame);
                shown[0] = String.valueOf(browser.executeScript(texts));
                return shown[0].lines().anyMatch(l -> l.startsWith(expected));
            });
            boolean beats = record.path("hit_rate_low").asDouble()
                    > record.path("base_hit_rate").asDouble();
            String line = shown[0].lines()
                    .filter(l -> l.startsWith(expected))
                    .findFirst()
                    .orElseThrow();
            assertThat(line.endsWith("[beats]"))
                    .as("marked only when the interval lies above the base rate: %s", line)
                    .isEqualTo(beats);
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(10)
    void aUserSeesAndCancelsOnlyTheirOwnJobsAndCannotRecomputeTheRecords() throws Exception {
        var users = new Users(AppDatabase.open(postgres.databaseUrl()));
        users.add("carol", "carol-password-1".toCharArray(), Role.USER);
        String carol = Dashboards.loginAs(app.port(), "carol", "carol-password-1");
        JsonNode adminJobs = Json.read(
                AppHttp.get(app.port(), "/streaming/api/backtests", cookie).body());
        String adminJob = adminJobs.get(0).path("job_id").asText();
        assertThat(Json.read(AppHttp.get(app.port(), "/streaming/api/backtests", carol)
                        .body()))
                .as("none of the admin's jobs")
                .isEmpty();
        assertThat(AppHttp.get(app.port(), "/streaming/api/backtests/" + adminJob, carol)
                        .statusCode())
                .isEqualTo(404);
        assertThat(AppHttp.get(app.port(), "/streaming/api/backtests/" + adminJob + "?format=csv", carol)
                        .statusCode())
                .isEqualTo(404);
        assertThat(AppHttp.post(app.port(), "/streaming/api/backtests/" + adminJob + "/cancel", carol)
                        .statusCode())
                .isEqualTo(404);
        assertThat(AppHttp.post(app.port(), "/streaming/api/scorecard/refresh", carol)
                        .statusCode())
                .isEqualTo(403);
        assertThat(AppHttp.get(app.port(), "/streaming/api/backtests/" + adminJob, cookie)
                        .statusCode())
                .as("the admin reads every job")
                .isEqualTo(200);
    }

    /** The first {@code backtest_result} on Redis whose {@code data.job_id} is {@code id}, waited for up to 5 s. */
    static JsonNode resultOf(String id) {
        return await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> received.stream()
                                .filter(m -> m[0].equals(Channels.BACKTEST_RESULTS))
                                .map(m -> Json.read(m[1]).path("data"))
                                .filter(d -> d.path("job_id").asText().equals(id))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    static void publishJob(String job) {
        try (var c = client.connect()) {
            c.sync().publish(Channels.JOBS_BACKTEST, job);
        }
    }

    /**
     * Oversized jobs fail at once with the reason while a live replay runs in the same JVM: its bars keep arriving on
     * Redis during the jobs and after them.
     */
    @Test
    @Order(11)
    void aJobBeyondTheDataOrTheBarBudgetFailsAtOnceWithTheReasonWhileALiveReplaysBarsKeepArriving() throws Exception {
        ConcurrentLinkedQueue<Long> bars = new ConcurrentLinkedQueue<>(); // arrival, System.nanoTime()
        StatefulRedisPubSubConnection<String, String> barFeed = client.connectPubSub();
        barFeed.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                bars.add(System.nanoTime());
            }
        });
        barFeed.sync().subscribe(Channels.BARS_STREAMING);
        try (Engine engine = new Engine(liveReplay(), System::currentTimeMillis).start()) {
            Thread replay = Thread.ofPlatform().name("live-replay").start(() -> {
                try {
                    engine.replay();
                } catch (Exception e) {
                    if (!Thread.currentThread().isInterrupted()) throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> !bars.isEmpty());
            List<String> fifty = new ArrayList<>(List.of("SPY", "IBM", "AAPL", "BAC", "QQQ", "IWM"));
            for (int i = 0; fifty.size() < 50; i++) fifty.add("S" + i);
            String id = UUID.randomUUID().toString();
            long start = System.nanoTime();
            publishJob(Json.write(Map.of(
                    "type", "backtest_job",
                    "job_id", id,
                    "user_id", "mallory",
                    "symbols", fifty,
                    "start_date", "1900-01-01",
                    "end_date", "2199-12-31",
                    "timeframe", "1min")));
            JsonNode r = resultOf(id);
            assertThat(r.path("status").asText()).isEqualTo("failed");
            assertThat(r.path("error").asText()).startsWith("start_date must be on or after 1970-01-01");
            String big = UUID.randomUUID().toString();
            publishJob(Json.write(Map.of(
                    "type", "backtest_job",
                    "job_id", big,
                    "user_id", "mallory",
                    "symbols", fifty.subList(0, 6),
                    "start_date", "1970-01-01",
                    "end_date", "2099-12-31",
                    "timeframe", "daily")));
            r = resultOf(big);
            long failed = System.nanoTime();
            assertThat(r.path("status").asText()).isEqualTo("failed");
            assertThat(r.path("error").asText()).startsWith("too big: ").contains("at most 50,000");
            double seconds = (failed - start) / 1e9;
            long during = bars.stream().filter(t -> t >= start && t <= failed).count();
            await().atMost(Duration.ofSeconds(10)).until(() -> bars.stream().anyMatch(t -> t > failed));
            System.out.printf(
                    "a job beyond the data's dates and one over the bar budget both failed in %.2f s, "
                            + "while %d live bars arrived; bars went on after%n",
                    seconds, during);
            assertThat(seconds).as("seconds for both").isLessThan(5);
            replay.interrupt();
        } finally {
            barFeed.close();
        }
    }

    /** The 2013-10-08 replay from 09:30 at 60× (a bar every second), to 16:00: live work beside the jobs. */
    static EngineConfig liveReplay() throws Exception {
        Path ticks = Path.of(System.getProperty("tickstock.data.dir"), "lean/equity/usa/tick");
        List<Path> files;
        try (Stream<Path> dirs = Files.list(ticks)) {
            files = dirs.sorted().map(d -> d.resolve("20131008_trade.zip")).toList();
        }
        return EngineConfig.builder(redis.url(), postgres.databaseUrl())
                .replay(files, 60, LocalTime.of(9, 30), LocalTime.of(16, 0))
                .universe("replay:lean:20131008")
                .spool(tmp.resolve("spool"), 64L << 20)
                .build();
    }

    @Test
    @Order(12)
    void aJobWithoutAUuidGetsAFailedResultEchoingItsId() {
        publishJob("{\"type\":\"backtest_job\",\"job_id\":\"job-42\",\"symbols\":[\"SPY\"]}");
        JsonNode r = resultOf("job-42");
        assertThat(r.path("status").asText()).isEqualTo("failed");
        assertThat(r.path("error").asText()).contains("job_id must be a UUID");
    }

    @Test
    @Order(13)
    void aUserHoldsAtMostFivePendingJobs() throws Exception {
        JobStore store = new JobStore(workerDb);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = UUID.randomUUID().toString();
            store.queue(id, "dave", SPY_DAILY);
            store.claim(id, "a-worker-elsewhere"); // running there: this test's worker leaves them alone
            ids.add(id);
        }
        assertThat(store.roomFor(ids.get(4), "dave", 100, 5))
                .as("four before it")
                .isNull();
        assertThat(store.roomFor(ids.get(5), "dave", 100, 5)).startsWith("queue full: dave has 5 jobs");
        assertThat(store.roomFor(ids.get(5), "dave", 5, 100)).startsWith("queue full: 5 jobs are queued or running");
        for (String id : ids) store.finish(id, "cancelled", "test over", null, null);
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    @Order(5)
    void aJobSubmittedInTheBrowserShowsItsEquityCurve() throws Exception {
        ChromeDriver browser = Dashboards.open(app.port(), PASSWORD, tmp);
        try {
            browser.get("http://127.0.0.1:" + app.port() + "/streaming/backtests");
            browser.findElement(By.cssSelector("#job-form button[type=submit]")).click();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> browser.executeScript("return window.tickstockBacktests.state.submitted") != null);
            String id = (String) browser.executeScript("return window.tickstockBacktests.state.submitted");
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !browser.findElements(
                                    By.cssSelector("#job-table tr[data-job='" + id + "'] td.status-completed"))
                            .isEmpty());
            browser.executeScript("window.tickstockBacktests.openResult(arguments[0])", id); // rows re-render live
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            ((Number) browser.executeScript("return window.tickstockBacktests.state.equityPoints || 0"))
                                            .longValue()
                                    > 100);
            assertThat(((Number) browser.executeScript("return window.tickstockBacktests.state.benchmarkPoints || 0"))
                            .longValue())
                    .as("the buy-and-hold line beside the equity curve")
                    .isGreaterThan(100);
            assertThat(browser.findElement(By.id("result-summary")).getText()).contains("buy & hold", "alpha");
            assertThat(((Number) browser.executeScript("return window.tickstockBacktests.state.tradeMarkers || 0"))
                            .longValue())
                    .as("entries and exits on the candles")
                    .isPositive();
            browser.executeScript("document.getElementById('result').scrollIntoView()");
            Files.write(
                    Path.of("target", "backtest-summary.png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            browser.executeScript("document.getElementById('candle-chart').scrollIntoView()");
            Files.write(
                    Path.of("target", "backtest-result.png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
    }
}
