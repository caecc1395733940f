package io.tickstock.bench;

import com.sun.management.OperatingSystemMXBean;
import io.tickstock.app.App;
import io.tickstock.app.AppConfig;
import io.tickstock.cli.EmbeddedPostgresServer;
import io.tickstock.cli.EmbeddedRedis;
import io.tickstock.contract.Channels;
import io.tickstock.contract.Json;
import io.tickstock.engine.Shards;
import io.tickstock.engine.health.EngineStats;
import io.tickstock.engine.pipeline.Pipeline;
import io.tickstock.engine.publish.CommandSink;
import io.tickstock.engine.publish.EventEmitter;
import io.tickstock.engine.publish.RedisCommand;
import io.tickstock.engine.publish.RedisPublisher;
import io.tickstock.engine.session.SessionTrigger;
import io.tickstock.engine.session.StreamingSession;
import io.tickstock.testkit.AppHttp;
import io.tickstock.testkit.ScanningClient;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The streaming path under load, in one process on this machine: the engine's analytics, event emitter and Redis
 * publisher (the real classes, as the engine wires them; history rows are counted, not written to PostgreSQL), an
 * embedded Redis, the real app (with its embedded PostgreSQL) and {@code clients} WebSocket clients that receive
 * every event. {@code symbols} symbols are warmed with 210 seeded random-walk minute bars (past SMA 200's
 * lookback); then, as in a live session, one watermark closes a minute for every symbol at once — a burst of
 * bars, indicator values, patterns and alerts (values and patterns in batch messages, the engine's
 * {@code --batch-events}) — repeated at the interval that makes {@code rate} events per second (minutes go on into
 * the next days' regular sessions). Latency = the event's publication time (its {@code timestamp}, taken at the bar
 * close, forwarded by the app as {@code published_at}) → client receipt, over every item after the warm-up
 * (HdrHistogram), also by the browser frame's event name. Patterns and alerts each client received are compared
 * with what the emitter published. The clients ({@link ScanningClient}) scan frames instead of parsing them. The
 * measurement starts once the load has run {@code warmupSeconds} and the JIT has settled ({@link JitSettled}): on two
 * busy cores the compilers otherwise take ~45 % of a core for half a minute, and the queues that builds make the
 * latency.
 */
public final class EndToEndBench {
    /**
     * The harness's size; {@code drainSeconds}: how long, after the last close, clients may take to receive what was
     * published; {@code frames}: {@code compact} (the clients subscribe to every stream in the compact format, as the
     * dashboard does) or {@code json} (the contract's frames); {@code shards}: the engine's analytics shards
     */
    public record Options(
            int symbols,
            int clients,
            int rate,
            int seconds,
            int warmupSeconds,
            int drainSeconds,
            long bufferIntervalMs,
            String frames,
            int shards) {}

    private static final String COMPACT_SUBSCRIBE = "{\"action\":\"subscribe\",\"format\":\"compact-2\","
            + "\"streams\":{\"pattern\":\"*\",\"alert\":\"*\",\"indicator\":\"*\",\"bar\":\"*\"}}";

    private EndToEndBench() {}

    /** Runs it; @return the measured values, ordered for printing as JSON */
    public static Map<String, Object> run(Options o, Path work) throws Exception {
        String password = "bench-" + System.nanoTime();
        try (EmbeddedRedis redis = new EmbeddedRedis(0);
                EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(work.resolve("pg"), true, 0);
                App app = new App(
                                new AppConfig(
                                        redis.url(),
                                        postgres.databaseUrl(),
                                        "127.0.0.1",
                                        0,
                                        o.bufferIntervalMs(),
                                        password,
                                        null,
                                        AppConfig.DEFAULT_OUTBOX_FRAMES),
                                System::currentTimeMillis)
                        .start();
                ScanningClient.Connector connector = new ScanningClient.Connector();
                RedisPublisher publisher =
                        new RedisPublisher(redis.url(), 4_000_000, (down, why) -> {}, ms -> {}).start()) {
            Published published = new Published(publisher);
            EventEmitter emitter = new EventEmitter(
                    published, new CountingSinks(), new EngineStats(), System::currentTimeMillis, true);
            emitter.session(new StreamingSession(
                    "bench:e2e:" + o.symbols(), o.symbols(), SessionTrigger.REPLAY, System.currentTimeMillis()));
            Shards pipeline = new Shards(o.shards(), Pipeline.Options.defaults(), emitter, bar -> {});

            String cookie = AppHttp.login(app.port(), "admin", password)
                    .orElseThrow(() -> new IllegalStateException("bench login failed"));
            List<String> cookies = BenchLogins.cookies(app.port(), postgres.databaseUrl(), password, o.clients());
            List<ScanningClient> clients = new ArrayList<>();
            for (int i = 0; i < o.clients(); i++) {
                ScanningClient c = connector.open(app.port(), BenchLogins.of(cookies, i));
                if (o.frames().equals("compact")) c.send(COMPACT_SUBSCRIBE);
                clients.add(c);
            }

            Window window = closeMinutes(o, pipeline, published, clients);
            Received received = Received.drain(clients, window, o.drainSeconds());
            long evicted = Json.read(AppHttp.get(app.port(), "/streaming/api/status", cookie)
                            .body())
                    .path("websocket")
                    .path("evicted")
                    .asLong();
            return report(o, window, received, evicted);
        }
    }

    /**
     * What the engine published while measured, this JVM's CPU time (ns) and the JIT's compile time (ms) over the wall
     * time (ns) of the measurement, and how long the warm-up took (ms).
     */
    private record Window(
            long events,
            long patterns,
            long alerts,
            long cpuNanos,
            long wallNanos,
            long jitMillis,
            long warmupMillis) {}

    /**
     * Closes a minute for every symbol at once, as often as {@code o.rate()} allows, until the warm-up and the
     * measured seconds have passed; counts from the end of the warm-up.
     */
    private static Window closeMinutes(Options o, Shards pipeline, Published published, List<ScanningClient> clients) {
        List<String> names = BarCloseBurst.symbols(o.symbols());
        double[] price = BarCloseBurst.warm(pipeline, names);
        SplittableRandom random = new SplittableRandom(3);
        JitSettled jit = new JitSettled(o.warmupSeconds());
        long wallStart = System.currentTimeMillis(), end = Long.MAX_VALUE;
        long next = wallStart,
                patternsAtStart = 0,
                alertsAtStart = 0,
                eventsAtStart = 0,
                cpuAtStart = 0,
                wallAtStart = 0,
                jitAtStart = 0;
        for (int minute = 0; System.currentTimeMillis() < end; minute++) {
            while (System.currentTimeMillis() < next) LockSupport.parkNanos(200_000);
            if (end == Long.MAX_VALUE && jit.settled(System.currentTimeMillis())) {
                long now = System.currentTimeMillis();
                end = now + o.seconds() * 1000L;
                clients.forEach(c -> c.startMeasuring(now));
                patternsAtStart = published.patterns.get();
                alertsAtStart = published.alerts.get();
                eventsAtStart = published.events.get();
                cpuAtStart = cpuNanos();
                wallAtStart = System.nanoTime();
                jitAtStart = JitSettled.compileMillis();
            }
            long before = published.events.get();
            BarCloseBurst.closeMinute(pipeline, names, price, minute, random);
            next += Math.max(
                    1,
                    (published.events.get() - before)
                            * 1000L
                            / o.rate()); // the next close when this one's events fill the rate
        }
        return new Window(
                published.events.get() - eventsAtStart,
                published.patterns.get() - patternsAtStart,
                published.alerts.get() - alertsAtStart,
                cpuNanos() - cpuAtStart,
                System.nanoTime() - wallAtStart,
                JitSettled.compileMillis() - jitAtStart,
                jit.warmupMillis());
    }

    /** What the clients received: latencies (ms), items and bytes summed over clients, patterns and alerts missing. */
    private record Received(
            Histogram all,
            Map<String, Histogram> byEvent,
            long items,
            long bytes,
            long frames,
            long patternsLost,
            long alertsLost) {
        /** Waits until every client has every pattern and alert, or {@code drainSeconds}; then sums and drops the clients. */
        static Received drain(List<ScanningClient> clients, Window w, int drainSeconds) throws InterruptedException {
            long drainUntil = System.currentTimeMillis() + drainSeconds * 1000L;
            while (System.currentTimeMillis() < drainUntil
                    && !clients.stream().allMatch(c -> c.patterns() >= w.patterns() && c.alerts() >= w.alerts()))
                Thread.sleep(50);
            Histogram all = new Histogram(3_600_000, 3);
            Map<String, Histogram> byEvent = new TreeMap<>();
            long items = 0, bytes = 0, frames = 0, patternsLost = 0, alertsLost = 0;
            for (ScanningClient c : clients) {
                all.add(c.latency().getIntervalHistogram());
                c.latencyByEvent()
                        .forEach((event, h) -> byEvent.computeIfAbsent(event, e -> new Histogram(3_600_000, 3))
                                .add(h.getIntervalHistogram()));
                items += c.items();
                bytes += c.bytes();
                frames += c.frames();
                patternsLost += Math.max(0, w.patterns() - c.patterns());
                alertsLost += Math.max(0, w.alerts() - c.alerts());
                c.abort();
            }
            return new Received(all, byEvent, items, bytes, frames, patternsLost, alertsLost);
        }
    }

    private static Map<String, Object> report(Options o, Window w, Received r, long evicted) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbols", o.symbols());
        out.put("clients", o.clients());
        out.put("rate_target", o.rate());
        out.put("events_per_sec", Math.round(w.events() / (double) o.seconds()));
        out.put("items_per_sec_per_client", Math.round(r.items() / (double) o.clients() / o.seconds()));
        boolean measured = r.all().getTotalCount() > 0;
        out.put("p50_ms", measured ? r.all().getValueAtPercentile(50) : null);
        out.put("p90_ms", measured ? r.all().getValueAtPercentile(90) : null);
        out.put("p99_ms", measured ? r.all().getValueAtPercentile(99) : null);
        out.put("max_ms", measured ? r.all().getMaxValue() : null);
        Map<String, Object> latencyByEvent =
                new LinkedHashMap<>(); // which kind of item waits: e.g. batched values vs alerts sent at once
        r.byEvent().forEach((event, h) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("items_per_sec_per_client", Math.round(h.getTotalCount() / (double) o.clients() / o.seconds()));
            e.put("p50_ms", h.getValueAtPercentile(50));
            e.put("p99_ms", h.getValueAtPercentile(99));
            latencyByEvent.put(event, e);
        });
        out.put("latency_by_event", latencyByEvent);
        out.put("frames", o.frames());
        out.put("shards", o.shards());
        out.put("bytes_per_item", r.items() == 0 ? null : Math.round(r.bytes() / (double) r.items() * 10) / 10.0);
        out.put("frames_per_sec_per_client", Math.round(r.frames() / (double) o.clients() / o.seconds()));
        out.put("mb_per_sec_per_client", Math.round(r.bytes() / (double) o.clients() / o.seconds() / 1e5) / 10.0);
        out.put(
                "jvm_cpu_percent",
                Math.round(
                        100.0 * w.cpuNanos() / w.wallNanos())); // of one core; this JVM holds engine, app and clients
        out.put("warmup_seconds", Math.round(w.warmupMillis() / 100.0) / 10.0);
        out.put("jit_ms_per_sec", Math.round(w.jitMillis() * 1e9 / w.wallNanos())); // compiling while measured
        out.put("patterns_published", w.patterns());
        out.put("alerts_published", w.alerts());
        out.put("patterns_not_received", r.patternsLost()); // by the end of the drain window: missing or still queued
        out.put("alerts_not_received", r.alertsLost());
        out.put("evicted", evicted);
        out.put(
                "heap_mb",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
        return out;
    }

    /**
     * Counts the events the browsers get — bars, indicator values, patterns, alerts (not the copies for other consumers)
     * — and passes every command on to the publisher. Called on the pipeline's thread.
     */
    private static final class Published implements CommandSink {
        final AtomicLong patterns = new AtomicLong(), alerts = new AtomicLong(), events = new AtomicLong();
        private final CommandSink publisher;

        Published(CommandSink publisher) {
            this.publisher = publisher;
        }

        @Override
        public boolean send(RedisCommand c) {
            switch (c.target()) {
                case Channels.PATTERNS_STREAMING -> {
                    int n = items(c.payload(), "\"pattern_type\":");
                    patterns.addAndGet(n);
                    events.addAndGet(n);
                }
                case Channels.INDICATORS_STREAMING -> events.addAndGet(items(c.payload(), "\"indicator\":"));
                case Channels.ALERTS_INDICATORS -> {
                    alerts.incrementAndGet();
                    events.incrementAndGet();
                }
                case Channels.BARS_STREAMING -> events.addAndGet(items(c.payload(), "\"trade_count\":"));
                default -> {}
            }
            return publisher.send(c);
        }
    }

    /** Occurrences of {@code key} in a message: the detections of a single or batch pattern message. */
    private static int items(String json, String key) {
        int n = 0;
        for (int i = json.indexOf(key); i >= 0; i = json.indexOf(key, i + 1)) n++;
        return n;
    }

    private static long cpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
