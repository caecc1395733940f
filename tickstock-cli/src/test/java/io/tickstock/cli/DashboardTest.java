package io.tickstock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tickstock.app.App;
import io.tickstock.app.AppConfig;
import io.tickstock.contract.Channels;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import io.tickstock.contract.RedisKeys;
import io.tickstock.contract.RedisUrl;
import io.tickstock.engine.Engine;
import io.tickstock.engine.EngineConfig;
import io.tickstock.testkit.ContractMessages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard in Debian's Chromium against a real app fed by a real engine replay (AIG, BAC, IBM, SPY on
 * 2013-10-08 09:30–10:45 at 60× speed), the browser opening mid-session: login, the session banner, a pattern
 * published to Redis shown within 1 s, the pattern filters, the chart's candles and markers (screenshot
 * {@code target/dashboard-chart.png}), and a reconnect after the app drops the WebSocket.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardTest {
    static final String PASSWORD = "dashboard-password";

    @TempDir
    static Path tmp;

    static EmbeddedRedis redis;
    static EmbeddedPostgresServer postgres;
    static App app;
    static Engine engine;
    static CompletableFuture<?> replay;
    static RedisClient redisClient;
    static StatefulRedisConnection<String, String> redisConnection;
    static ChromeDriver browser;
    static String sessionId;

    @BeforeAll
    static void openTheBrowserMidSession() throws Exception {
        redis = new EmbeddedRedis(0);
        postgres = new EmbeddedPostgresServer(tmp.resolve("pg"), true, 0);
        app = new App(
                        new AppConfig(redis.url(), postgres.databaseUrl(), "127.0.0.1", 0, 50, PASSWORD),
                        System::currentTimeMillis)
                .start();
        redisClient = RedisClient.create(RedisUrl.uri(redis.url()));
        redisConnection = redisClient.connect();

        Path ticks = Path.of(System.getProperty("tickstock.data.dir"), "lean/equity/usa/tick");
        List<Path> files = List.of("aig", "bac", "ibm", "spy").stream()
                .map(s -> ticks.resolve(s).resolve("20131008_trade.zip"))
                .toList();
        EngineConfig config = EngineConfig.builder(redis.url(), postgres.databaseUrl())
                .replay(files, 60, LocalTime.of(9, 30), LocalTime.of(10, 45))
                .universe("replay:lean:20131008")
                .healthIntervalMillis(1_000)
                .queueCapacity(200_000)
                .spool(tmp.resolve("spool"), 1 << 20)
                .metrics(0, "127.0.0.1", null)
                .build();
        engine = new Engine(config, System::currentTimeMillis).start();
        replay = CompletableFuture.runAsync(
                () -> { // its own thread: Selenium needs the 2-core machine's one common-pool thread
                    try {
                        engine.replay();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                r -> Thread.ofPlatform().name("replay").start(r));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> redisConnection.sync().get(RedisKeys.CURRENT_SESSION) != null);
        sessionId = Json.read(redisConnection.sync().get(RedisKeys.CURRENT_SESSION))
                .path("session_id")
                .asText();
        // mid-session: three replayed minutes of the four symbols' bars have reached the app before the browser opens
        String cookie = Dashboards.login(app.port(), PASSWORD);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Json.read(Dashboards.get(app.port(), "/streaming/api/status", cookie)
                                        .body())
                                .path("buffer")
                                .path("bar.received")
                                .asLong()
                        >= 12);
        long t = System.currentTimeMillis();
        browser = Dashboards.open(app.port(), PASSWORD, tmp);
        System.out.println("browser open and logged in after " + (System.currentTimeMillis() - t) + " ms");
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (replay != null && !replay.isDone())
            io.tickstock.app.web.SessionAdmin.request(redis.url(), "stop", "test", System.currentTimeMillis());
        if (replay != null) replay.handle((r, e) -> null).get(30, java.util.concurrent.TimeUnit.SECONDS);
        if (engine != null) engine.close();
        if (redisClient != null) redisClient.shutdown();
        if (app != null) app.close();
        if (postgres != null) postgres.close();
        if (redis != null) redis.close();
    }

    @Test
    @Order(1)
    void theBannerShowsTheRunningSessionToABrowserOpenedMidSession() {
        assertThat(browser.findElement(By.id("session-id")).getText()).isEqualTo(sessionId);
        assertThat(browser.findElement(By.id("session-state")).getText()).isEqualTo("active");
        assertThat(browser.findElement(By.id("session-universe")).getText()).isEqualTo("replay:lean:20131008");
    }

    @Test
    @Order(2)
    void aPatternPublishedToRedisAppearsWithinOneSecond() {
        long seenAfter = publishAndAwait("ZZTEST", "CDLTESTONE", 0.5);
        System.out.println("dashboard: pattern published to Redis → row in the list after " + seenAfter + " ms");
        assertThat(seenAfter).as("ms from PUBLISH to the pattern in the list").isLessThan(1_000);
    }

    @Test
    @Order(3)
    void theFiltersNarrowThePatternList() {
        await().atMost(Duration.ofSeconds(30)).until(() -> rows().stream().anyMatch(r -> r.startsWith("SPY")));
        type("filter-symbol", "SPY");
        await().atMost(Duration.ofSeconds(2))
                .until(() -> !rows().isEmpty() && rows().stream().allMatch(r -> r.startsWith("SPY ")));
        type("filter-symbol", "");
        type("filter-confidence", "0.5");
        await().atMost(Duration.ofSeconds(2))
                .until(() -> !rows().isEmpty() && rows().stream().allMatch(r -> percent(r) >= 50));
        type("filter-confidence", "0");
        type("filter-type", "testone");
        await().atMost(Duration.ofSeconds(2))
                .until(() -> rows().size() == 1 && rows().getFirst().startsWith("ZZTEST CDLTESTONE"));
        type("filter-type", "");
    }

    @Test
    @Order(4)
    void theChartDrawsCandlesAndPatternMarkers() throws Exception {
        type("chart-symbol", "SPY");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> number("return window.tickstock.state.candles || 0") > 5
                        && number("return window.tickstock.state.markers || 0") > 0);
        assertThat(browser.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();
        // one marker per bar: never more markers than patterns, and bars with several patterns count them
        assertThat(number("return window.tickstock.state.markers"))
                .isLessThanOrEqualTo(number("return window.tickstock.state.markedPatterns"))
                .isEqualTo(number("return window.tickstock.markerTimes().length"));
        // hovering a marker's bar names its patterns in the tooltip (the newest marker: inside the visible range)
        var chart = browser.findElement(By.id("chart"));
        java.util.concurrent.atomic.AtomicInteger wiggle = new java.util.concurrent.atomic.AtomicInteger();
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    long x = number(
                            "const t = window.tickstock.markerTimes(); "
                                    + "return Math.round(window.tickstock.chart.timeScale().timeToCoordinate(Math.max(...t)) || -1)");
                    if (x < 0) return false;
                    new org.openqa.selenium.interactions.Actions(browser)
                            .moveToElement(
                                    chart, (int) x - chart.getSize().getWidth() / 2, wiggle.incrementAndGet() % 2)
                            .perform();
                    // the tooltip lists the bar's pattern names with their confidences
                    return browser.findElement(By.id("chart-tooltip")).getText().matches("(?s).*\\d+%.*");
                });
        Path shot = Path.of("target", "dashboard-chart.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(shot)).isPositive();
        // the pattern list's minimum confidence filters the chart's markers too
        long before = number("return window.tickstock.state.markedPatterns");
        type("filter-confidence", "1");
        await().atMost(Duration.ofSeconds(2))
                .until(() -> number("return window.tickstock.state.markedPatterns") < before);
        type("filter-confidence", "0");
        await().atMost(Duration.ofSeconds(2))
                .until(() -> number("return window.tickstock.state.markedPatterns") >= before);
    }

    @Test
    @Order(5)
    void theBrowserReconnectsAfterTheAppDropsItsWebSocket() {
        long connects = number("return window.tickstock.state.connects");
        AtomicBoolean sawReconnecting = new AtomicBoolean();
        app.disconnectBrowsers("test: connection dropped");
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    if (browser.findElement(By.id("connection-state")).getText().startsWith("reconnecting"))
                        sawReconnecting.set(true);
                    return number("return window.tickstock.state.connects") > connects;
                });
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        browser.findElement(By.id("connection-state")).getText().equals("live"));
        assertThat(browser.findElement(By.id("session-id")).getText()).isEqualTo(sessionId);
        assertThat(publishAndAwait("ZZTEST", "CDLTESTTWO", 0.95)).isLessThan(1_000);
    }

    /** Hostile messages on Redis, as a buggy or foreign publisher sends them: each is refused by the app's reader. */
    static final Map<String, String> HOSTILE_MESSAGES = Map.of(
            "{\"type\":\"streaming_pattern\",\"detection\":{\"symbol\":\"ZZBAD\",\"pattern_type\":\"Doji\",\"confidence\":0.9,\"timestamp\":\"nope\"}}",
            Channels.PATTERNS_STREAMING,
            "{\"type\":\"indicator_alert\",\"alert\":{\"symbol\":\"ZZBAD\",\"alert_type\":\"RSI_OVERBOUGHT\",\"timestamp\":\"later\"}}",
            Channels.ALERTS_INDICATORS,
            "{\"type\":\"critical_alert\",\"alert\":{\"severity\":\"critical\"}}",
            Channels.ALERTS_CRITICAL,
            "{\"type\":\"streaming_health\",\"health\":{\"status\":{\"x\":1}}}",
            Channels.HEALTH,
            "{\"type\":\"streaming_bar\",\"bar\":{\"symbol\":\"SPY\",\"timestamp\":\"x\",\"open\":1,\"high\":1,\"low\":1,\"close\":1}}",
            Channels.BARS_STREAMING,
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
            Channels.SESSION_STARTED,
            "not json at all",
            Channels.INDICATORS_STREAMING);

    /** Malformed frames handed straight to the page, as a frame from an older or foreign server would arrive. */
    static final List<String> HOSTILE_FRAMES = List.of(
            "{\"event\":\"streaming_pattern\",\"data\":{\"detection\":{\"symbol\":\"ZZNOTIME\",\"pattern_type\":\"Doji\",\"confidence\":0.9}}}",
            "{\"event\":\"streaming_patterns_batch\",\"data\":{\"patterns\":\"many\"}}",
            "{\"event\":\"streaming_patterns_batch\",\"data\":{\"patterns\":[null,7,{\"symbol\":1}]}}",
            "{\"event\":\"streaming_health\",\"data\":{}}",
            "{\"event\":\"streaming_health\",\"data\":{\"health\":{\"status\":\"healthy\",\"issues\":\"x\",\"timestamp\":\"nope\"}}}",
            "{\"event\":\"indicator_alert\",\"data\":{\"symbol\":\"ZZ\",\"timestamp\":\"bad\",\"data\":{\"value\":\"x\"}}}",
            "{\"event\":\"critical_alert\",\"data\":{\"timestamp\":\"bad\"}}",
            "{\"event\":\"streaming_bars_snapshot\",\"data\":{\"symbol\":\"SPY\",\"bars\":{\"rows\":[]}}}",
            "{\"event\":\"streaming_bar\",\"data\":{\"symbol\":\"SPY\",\"timestamp\":\"x\",\"close\":\"y\"}}",
            "{\"event\":\"streaming_indicator\",\"data\":{}}",
            "{\"event\":\"streaming_indicators_batch\",\"data\":{\"indicators\":{}}}",
            "{\"event\":\"streaming_session\",\"data\":{\"session\":5}}",
            "{\"event\":\"streaming_pattern\",\"data\":null}",
            "null",
            "[]",
            "\"text\"",
            "{not json");

    @Test
    @Order(6)
    void noMalformedMessageOrFrameStopsTheDashboard() throws Exception {
        String cookie = Dashboards.login(app.port(), PASSWORD);
        HOSTILE_MESSAGES.forEach((msg, channel) -> redisConnection.sync().publish(channel, msg));
        // seeds/002's own redis-cli test message: no timestamps at all; shown with the minute it was published
        redisConnection
                .sync()
                .publish(
                        Channels.PATTERNS_STREAMING,
                        "{\"type\":\"streaming_pattern\",\"detection\":{\"symbol\":\"TEST\",\"pattern_type\":\"Doji\",\"confidence\":0.9}}");
        await().atMost(Duration.ofSeconds(5)).until(() -> rows().stream().anyMatch(r -> r.startsWith("TEST Doji 90%")));
        for (String frame : HOSTILE_FRAMES)
            ((JavascriptExecutor) browser).executeScript("window.tickstock.receive(arguments[0])", frame);
        assertThat(publishAndAwait("ZZTEST", "CDLTESTTHREE", 0.6))
                .as("a pattern after every hostile frame still renders")
                .isLessThan(5_000);
        assertThat(rows()).noneMatch(r -> r.startsWith("ZZBAD"));
        assertThat(number("return window.tickstock.state.badFrames")).isPositive();
        assertThat(number("return window.tickstock.state.renderErrors || 0"))
                .as("every panel still renders")
                .isZero();
        var unreadable = Json.read(Dashboards.get(app.port(), "/streaming/api/status", cookie)
                        .body())
                .path("subscriber")
                .path("unreadable");
        long refused = 0;
        for (var e : unreadable.properties()) refused += e.getValue().asLong();
        assertThat(refused)
                .as("every hostile message counted: " + unreadable)
                .isGreaterThanOrEqualTo(HOSTILE_MESSAGES.size());
        // a new browser's snapshot holds no refused item either
        ChromeDriver second = Dashboards.open(app.port(), PASSWORD, tmp);
        try {
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> ((Number) ((JavascriptExecutor) second)
                                            .executeScript("return window.tickstock.state.patterns.length"))
                                    .longValue()
                            > 0);
            assertThat(((Number) ((JavascriptExecutor) second).executeScript("return window.tickstock.state.badFrames"))
                            .longValue())
                    .isZero();
        } finally {
            second.quit();
        }
    }

    @Test
    @Order(7)
    void countersShowSessionTotalsAndLagShowsADashWhenNothingFlows() throws Exception {
        String cookie = Dashboards.login(app.port(), PASSWORD);
        long stored = Json.read(Dashboards.get(app.port(), "/streaming/api/summary", cookie)
                        .body())
                .path("total_patterns")
                .asLong();
        assertThat(stored).isPositive();
        ((JavascriptExecutor) browser).executeScript("window.tickstock.state.totals = null"); // as if just connected
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Long.parseLong(
                                browser.findElement(By.id("metric-patterns")).getText())
                        >= stored);
        assertThat(browser.findElement(By.id("metric-patterns-rate")).getText()).endsWith("/ min");
        // delivery lag: p50 / p95 of the last minute while items arrive, "—" after 10 s without any
        ((JavascriptExecutor) browser)
                .executeScript("window.tickstock.state.lagSamples = [[Date.now() - 1000, 4], [Date.now(), 8]]");
        await().atMost(Duration.ofSeconds(3))
                .until(() ->
                        browser.findElement(By.id("metric-delivery")).getText().matches("\\d+ / \\d+ ms"));
        replay.get(120, java.util.concurrent.TimeUnit.SECONDS); // then nothing flows: after 10 s quiet, a dash
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        browser.findElement(By.id("metric-delivery")).getText().equals("—"));
        // opened mid-replay (with patterns published straight to Redis by the tests above, never stored): at the
        // end, exactly what is stored for the session
        showsTheStoredTotals(browser, cookie);
        // opened after the replay: its snapshot (recent patterns and alerts) is neither counted again nor measured
        ChromeDriver late = Dashboards.open(app.port(), PASSWORD, tmp);
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            ((Number) late.executeScript("return window.tickstock.state.patterns.length")).longValue()
                                    > 0);
            showsTheStoredTotals(late, cookie);
            assertThat(late.executeScript("return window.tickstock.state.patternCount"))
                    .isEqualTo(0L);
            assertThat(late.executeScript("return window.tickstock.state.lagSamples.length"))
                    .isEqualTo(0L);
            assertThat(late.findElement(By.id("metric-delivery")).getText()).isEqualTo("—");
        } finally {
            late.quit();
        }
    }

    /** Waits until the page's session totals read the stored pattern and alert counts of the session. */
    static void showsTheStoredTotals(ChromeDriver page, String cookie) {
        String[] seen = {""};
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                var summary = Json.read(Dashboards.get(app.port(), "/streaming/api/summary", cookie)
                        .body());
                String stored = summary.path("total_patterns").asLong() + " / "
                        + summary.path("total_alerts").asLong();
                seen[0] = page.findElement(By.id("metric-patterns")).getText() + " / "
                        + page.findElement(By.id("metric-alerts")).getText() + " (stored " + stored + ")";
                return seen[0].startsWith(stored + " (");
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the page's totals never matched the stored ones: " + seen[0], e);
        }
    }

    @Test
    @Order(8)
    void notifyOnAcceptsPatternTypesAndTaLibNamesAndConfidentPatterns() {
        JavascriptExecutor js = browser;
        String hammer = "return window.tickstock.wantsNotification({symbol: 'SPY', pattern_type: 'Hammer', "
                + "confidence: arguments[0], metadata: {talib_function: 'CDLHAMMER'}})";
        js.executeScript("localStorage.setItem('tickstock.notify.confident', 'off')");
        type("notify-patterns", "CDLHAMMER");
        assertThat((Boolean) js.executeScript(hammer, 0.5)).isTrue();
        type("notify-patterns", "hammer, Doji");
        assertThat((Boolean) js.executeScript(hammer, 0.5)).isTrue();
        type("notify-patterns", "Doji");
        assertThat((Boolean) js.executeScript(hammer, 0.5)).isFalse();
        js.executeScript("localStorage.setItem('tickstock.notify.confident', 'on')");
        assertThat((Boolean) js.executeScript(hammer, 0.85))
                .as("confidence ≥ 0.8")
                .isTrue();
        type("notify-patterns", "");
        assertThat(browser.findElements(By.cssSelector("link[rel=icon]")))
                .as("a favicon, so no request 404s")
                .hasSize(1);
    }

    @Test
    @Order(9)
    void onAPhoneThePageIsOneColumnWithoutSidewaysScrolling() throws Exception {
        var size = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            await().atMost(Duration.ofSeconds(3))
                    .until(() -> number("return getComputedStyle(document.querySelector('main')).gridTemplateColumns"
                                    + ".split(' ').length")
                            == 1);
            String widest = "return [...document.querySelectorAll('body *')].filter(e => !e.closest('.table-wrap'))"
                    + ".filter(e => e.getBoundingClientRect().right"
                    + " > window.innerWidth + 1).map(e => e.tagName + '#' + e.id + '.' + e.className + ' '"
                    + " + Math.round(e.getBoundingClientRect().right)).slice(0, 5).join(', ')";
            await().atMost(Duration.ofSeconds(5))
                    .alias("elements wider than the phone")
                    .until(
                            () -> (String) ((JavascriptExecutor) browser).executeScript(widest),
                            org.hamcrest.Matchers.emptyString());
            Path shot = Path.of("target", "dashboard-phone.png");
            Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.manage().window().setSize(size);
        }
    }

    @Test
    @Order(10)
    void theSessionHistoryListsSessionsAndOpensOneWithItsBarsPatternsAndAlerts() throws Exception {
        String cookie = Dashboards.login(app.port(), PASSWORD);
        assertThat(Dashboards.get(app.port(), "/streaming/api/me", cookie).body())
                .isEqualTo("{\"user\":\"admin\",\"role\":\"admin\"}");
        var bad = Dashboards.get(app.port(), "/streaming/api/sessions/not-a-uuid/patterns", cookie);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Json.read(bad.body()).path("parameter").asText()).isEqualTo("session_id");
        assertThat(browser.findElement(By.id("admin")).isDisplayed())
                .as("an admin gets the session buttons")
                .isTrue();
        browser.findElement(By.id("session-stop")).click();
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        !browser.findElement(By.id("admin-result")).getText().endsWith("…"));

        browser.get("http://127.0.0.1:" + app.port() + "/streaming/sessions");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !browser.findElements(By.cssSelector("#session-table tbody tr"))
                        .isEmpty());
        var row = browser.findElement(By.cssSelector("#session-table tbody tr[data-session='" + sessionId + "']"));
        assertThat(row.getText()).contains("replay:lean:20131008", "replay");
        row.click();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> number("return window.tickstockSessions.state.bars || 0") > 10
                        && number("return window.tickstockSessions.state.markers || 0") > 0
                        && number("return window.tickstockSessions.state.patterns || 0") > 0);
        assertThat(browser.findElements(By.cssSelector("#detail-symbol option")))
                .hasSize(4);
        Path shot = Path.of("target", "session-history.png");
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.get("http://127.0.0.1:" + app.port() + "/streaming/");
    }

    @Test
    @Order(11)
    void theWatchlistShowsEverySymbolAndSortsByAColumn() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> number("return window.tickstock.state.watchRows || 0") == 4);
        @SuppressWarnings("unchecked")
        List<String> symbols = (List<String>)
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "return [...document.querySelectorAll('#watchlist tbody tr')].map(r => r.children[0].textContent)");
        assertThat(symbols).containsExactly("AIG", "BAC", "IBM", "SPY");
        assertThat(browser.findElement(By.cssSelector("#watchlist tbody tr:first-child td:nth-child(4)"))
                        .getText())
                .as("RSI 14 after the warm-up")
                .matches("\\d+\\.\\d");
        browser.findElement(By.cssSelector("#watchlist th[data-key='change_percent']"))
                .click();
        @SuppressWarnings("unchecked")
        List<Number> changes = (List<Number>) ((JavascriptExecutor) browser)
                .executeScript("return [...document.querySelectorAll('#watchlist tbody tr')]"
                        + ".map(r => parseFloat(r.children[2].textContent))");
        assertThat(changes.stream().map(Number::doubleValue).toList())
                .as("sorted by change, largest first")
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(number("return window.tickstock.state.stabilityPoints || 0"))
                .as("the stability graph has the session's health")
                .isPositive();
        String cookie = Dashboards.login(app.port(), PASSWORD);
        long alerts = Json.read(Dashboards.get(app.port(), "/streaming/api/summary", cookie)
                        .body())
                .path("total_alerts")
                .asLong();
        if (alerts > 0)
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> number("return window.tickstock.state.alertMinutes || 0") > 0);
        var watch = browser.findElement(By.cssSelector(".watchlist-panel"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", watch);
        Files.write(Path.of("target", "watchlist.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    @Order(12)
    void everyMetricOfTheGrafanaDashboardIsScrapedFromTheEngineOrTheApp() throws Exception {
        String cookie = Dashboards.login(app.port(), PASSWORD);
        String scraped = Dashboards.get(app.port(), "/metrics", cookie).body()
                + java.net.http.HttpClient.newHttpClient()
                        .send(
                                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                                "http://127.0.0.1:" + engine.metricsPort() + "/metrics"))
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString())
                        .body();
        String dashboard = Files.readString(Path.of("../docs/grafana/tickstock.json"));
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("tickstock_[a-z_]+").matcher(dashboard);
        java.util.Set<String> names = new java.util.TreeSet<>();
        while (m.find()) names.add(m.group());
        assertThat(names).hasSizeGreaterThan(10);
        // counters with a label per channel appear with their first message of that kind (absent means none yet)
        java.util.Set<String> firstOccurrence = java.util.Set.of("tickstock_app_messages_dropped_total");
        List<String> missing = names.stream()
                .filter(n -> !java.util.regex.Pattern.compile("(?m)^" + n + "[{ ]")
                        .matcher(scraped)
                        .find())
                .filter(n -> !firstOccurrence.contains(n))
                .toList();
        assertThat(missing)
                .as("metrics of the Grafana dashboard that neither /metrics serves")
                .isEmpty();
        assertThat(scraped).contains("tickstock_app_buffer_events_total{outcome=");
        assertThat(scraped).containsPattern("tickstock_app_messages_received_total\\{channel=");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** Publishes a canonical pattern and waits for it in the list; @return ms from publish to seen */
    static long publishAndAwait(String symbol, String type, double confidence) {
        long t0 = System.currentTimeMillis();
        String now = IsoTime.format(t0);
        String msg = ContractMessages.pattern(
                t0, symbol, type, confidence, "bullish", t0 / 60_000 * 60_000, Map.of("session_id", sessionId));
        redisConnection.sync().publish(Channels.PATTERNS_STREAMING, msg);
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> rows().stream().anyMatch(r -> r.startsWith(symbol + " " + type)));
        return System.currentTimeMillis() - t0;
    }

    /** The pattern list's rows as "SYMBOL TYPE NN% HH:MM", read in one script (the list re-renders while the test reads). */
    @SuppressWarnings("unchecked")
    static List<String> rows() {
        return (List<String>) ((JavascriptExecutor) browser)
                .executeScript("return [...document.querySelectorAll('#pattern-list li')]"
                        + ".map(li => [...li.children].map(c => c.textContent).join(' '))");
    }

    static int percent(String row) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)%").matcher(row);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    static void type(String id, String text) {
        ((JavascriptExecutor) browser)
                .executeScript(
                        "const e = document.getElementById(arguments[0]); e.value = arguments[1];"
                                + "e.dispatchEvent(new Event('input')); e.dispatchEvent(new Event('change'));",
                        id,
                        text);
    }

    static long number(String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
    }
}
