package io.tickstock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.tickstock.app.App;
import io.tickstock.contract.Channels;
import io.tickstock.contract.Json;
import io.tickstock.contract.RedisUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard in Chromium under a steady stream, measured with the browser's own APIs: frames per second
 * ({@code requestAnimationFrame} per second), long tasks ({@code PerformanceObserver} "longtask", over 50 ms) per
 * minute, and the JS heap ({@code performance.memory.usedJSHeapSize}) after the first minute and at the end. The stream:
 * 1,000 events a second over 500 symbols (750 patterns, 150 indicator alerts, 50 bars and 50 RSI values, so the
 * watchlist holds all 500 symbols after 10 s; no pattern or alert a repeat the app would drop),
 * published to Redis and forwarded by a real app. Not part of {@code ./run-tests} (its name does not
 * end in Test): {@code scripts/browser-perf [minutes]} runs it (default 10) and writes
 * {@code tickstock-cli/target/browser-performance.json}. Targets (issue 17): median ≥ 55 fps, ≤ 1 long task a minute,
 * heap flat once the lists fill.
 */
@Tag("e2e")
class BrowserPerformance {
    static final int SYMBOLS = 500, EVENTS_PER_SECOND = 1_000;
    static final String[] TYPES = {
        "Hammer",
        "Doji",
        "BullishEngulfing",
        "BearishEngulfing",
        "MorningStar",
        "EveningStar",
        "ShootingStar",
        "HangingMan",
        "ThreeWhiteSoldiers",
        "ThreeBlackCrows",
        "Harami",
        "Marubozu",
        "SpinningTop"
    };

    @TempDir
    Path tmp;

    @Test
    void theDashboardKeepsItsFrameRateUnderAThousandEventsASecond() throws Exception {
        double minutes = Double.parseDouble(System.getProperty("perf.minutes", "10"));
        try (AppStack stack = AppStack.start(tmp, "perf-password")) {
            EmbeddedRedis redis = stack.redis();
            App app = stack.app();
            RedisClient client = RedisClient.create(RedisUrl.uri(redis.url()));
            StatefulRedisConnection<String, String> connection = client.connect();
            String sid = UUID.randomUUID().toString();
            connection
                    .sync()
                    .publish(
                            Channels.SESSION_STARTED,
                            ScenarioEvents.sessionStarted(System.currentTimeMillis(), sid, "perf:500", SYMBOLS)
                                    .json());
            ChromeDriver browser = Dashboards.open(app.port(), "perf-password", tmp);
            ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
            AtomicLong sent = new AtomicLong();
            try {
                JavascriptExecutor js = browser;
                js.executeScript("const p = window.perf = {frames: 0, fps: [], longTasks: 0, heap: []};"
                        + "(function tick() { p.frames++; requestAnimationFrame(tick); })();"
                        + "setInterval(() => { p.fps.push(p.frames); p.frames = 0;"
                        + " if (performance.memory) p.heap.push(performance.memory.usedJSHeapSize); }, 1000);"
                        + "new PerformanceObserver((l) => { p.longTasks += l.getEntries().length; })"
                        + ".observe({type: 'longtask'});");
                RedisAsyncCommands<String, String> async = connection.async();
                long[] seq = {0, 0, 0};
                var publishing = publisher.scheduleAtFixedRate(
                        () -> {
                            for (ScenarioEvents.Message m : tick(seq, sid))
                                async.publish(m.channel(), m.json()).exceptionally(e -> -1L);
                            sent.addAndGet(EVENTS_PER_SECOND / 10);
                        },
                        0,
                        100,
                        TimeUnit.MILLISECONDS);
                long end = System.currentTimeMillis() + (long) (minutes * 60_000);
                Map<String, Object> firstMinute = null;
                while (System.currentTimeMillis() < end) {
                    TimeUnit.SECONDS.sleep(5);
                    if (firstMinute == null && System.currentTimeMillis() > end - (long) (minutes * 60_000) + 60_000)
                        firstMinute = read(js);
                }
                Map<String, Object> last = read(js);
                publishing.cancel(false);
                Map<String, Object> result = summary(firstMinute, last, minutes, sent.get());
                Files.writeString(Path.of("target", "browser-performance.json"), Json.write(result));
                System.out.println("browser performance: " + Json.write(result));
                assertThat((Double) result.get("fps_median")).isPositive();
            } finally {
                publisher.shutdownNow();
                browser.quit();
                connection.close();
                client.shutdown();
            }
        }
    }

    /** The bars of the stream count back from the minute the run started: each (symbol, type, bar) is new. */
    static final long BASE_MINUTE = System.currentTimeMillis() / 60_000 * 60_000;

    static final String[] ALERTS = {
        "RSI_OVERBOUGHT", "RSI_OVERSOLD", "MACD_BULLISH_CROSS", "MACD_BEARISH_CROSS", "BB_UPPER_BREAK", "BB_LOWER_BREAK"
    };

    /**
     * A tenth of a second of the stream: 75 patterns and 15 alerts, each (symbol, type) once per simulated minute, and 5
     * bars and 5 RSI values (every symbol gets one every 10 s).
     */
    static List<ScenarioEvents.Message> tick(long[] seq, String sid) {
        long now = System.currentTimeMillis(), thisMinute = BASE_MINUTE;
        List<ScenarioEvents.Message> out = new ArrayList<>(EVENTS_PER_SECOND / 10);
        for (int i = 0; i < 75; i++) {
            long n = seq[0]++;
            String symbol = Scenario.symbol((int) (n % SYMBOLS));
            String type = TYPES[(int) ((n / SYMBOLS) % TYPES.length)];
            long minute = thisMinute - (n / ((long) SYMBOLS * TYPES.length)) * 60_000;
            out.add(at(
                    ScenarioEvents.pattern(now, symbol, type, 0.5 + (n % 50) / 100.0, "bullish", 100, sid),
                    "detection",
                    minute));
        }
        for (int i = 0; i < 5; i++) {
            long n = seq[2]++;
            String symbol = Scenario.symbol((int) (n % SYMBOLS));
            long minute = BASE_MINUTE + (n / SYMBOLS) * 60_000;
            double price = 100 + (n % SYMBOLS) / 10.0 + Math.sin(n / 500.0);
            out.add(new ScenarioEvents.Message(
                    Channels.BARS_STREAMING,
                    Json.write(io.tickstock.contract.Events.BarEvent.closed(
                            io.tickstock.contract.IsoTime.format(now),
                            new io.tickstock.contract.Events.Bar(
                                    symbol,
                                    io.tickstock.contract.IsoTime.format(minute),
                                    "1min",
                                    price,
                                    price + 0.2,
                                    price - 0.2,
                                    price + 0.1,
                                    1_000,
                                    price,
                                    10,
                                    "regular",
                                    sid,
                                    false)))));
            out.add(new ScenarioEvents.Message(
                    Channels.INDICATORS_STREAMING,
                    io.tickstock.testkit.ContractMessages.indicator(
                            now, symbol, "RSI", 30.0 + (n % 40), minute, java.util.Map.of("period", 14))));
        }
        for (int i = 0; i < 15; i++) {
            long n = seq[1]++;
            String type = ALERTS[(int) ((n / SYMBOLS) % ALERTS.length)];
            long minute = thisMinute - (n / ((long) SYMBOLS * ALERTS.length)) * 60_000;
            out.add(at(
                    ScenarioEvents.alert(
                            now, Scenario.symbol((int) (n % SYMBOLS)), type, "RSI", 75, 70, "warning", sid),
                    "alert",
                    minute));
        }
        return out;
    }

    /** The message with {@code object.timestamp} (its bar) moved to {@code minute}, epoch ms. */
    static ScenarioEvents.Message at(ScenarioEvents.Message m, String object, long minute) {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.read(m.json());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get(object))
                .put("timestamp", io.tickstock.contract.IsoTime.format(minute));
        return new ScenarioEvents.Message(m.channel(), tree.toString());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(JavascriptExecutor js) {
        return (Map<String, Object>) js.executeScript(
                "return {fps: window.perf.fps.slice(), longTasks: window.perf.longTasks, heap: window.perf.heap.slice(),"
                        + " events: window.tickstock.state.patternCount + window.tickstock.state.alertCount,"
                        + " connects: window.tickstock.state.connects, badFrames: window.tickstock.state.badFrames,"
                        + " watchRows: window.tickstock.state.watchRows || 0}");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> summary(
            Map<String, Object> firstMinute, Map<String, Object> last, double minutes, long sent) {
        List<Number> fps = (List<Number>) last.get("fps");
        List<Double> steady = fps.subList(Math.min(10, fps.size()), fps.size()).stream()
                .map(Number::doubleValue)
                .sorted()
                .toList();
        List<Number> heap = (List<Number>) last.get("heap");
        List<Number> heapAtMinute = (List<Number>) firstMinute.get("heap");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("minutes", minutes);
        r.put("events_sent", sent);
        r.put("patterns_and_alerts_sent", sent * 9 / 10);
        r.put("events_shown", last.get("events"));
        r.put("websocket_connects", last.get("connects"));
        r.put("bad_frames", last.get("badFrames"));
        r.put("watchlist_rows", last.get("watchRows"));
        r.put("fps_median", steady.isEmpty() ? 0.0 : steady.get(steady.size() / 2));
        r.put("fps_p5", steady.isEmpty() ? 0.0 : steady.get(steady.size() / 20));
        r.put("long_tasks_per_minute", ((Number) last.get("longTasks")).doubleValue() / minutes);
        r.put("heap_mb_after_1_min", heapAtMinute.isEmpty() ? null : mb(heapAtMinute.getLast()));
        r.put("heap_mb_at_end", heap.isEmpty() ? null : mb(heap.getLast()));
        return r;
    }

    static double mb(Number bytes) {
        return Math.round(bytes.doubleValue() / 1e5) / 10.0;
    }
}
