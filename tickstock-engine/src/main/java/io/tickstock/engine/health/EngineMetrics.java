package io.tickstock.engine.health;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickstock.contract.Channels;
import io.tickstock.contract.Events;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * The engine's Prometheus endpoint ({@code GET /metrics}, text format 0.0.4, on the JDK's HTTP server): the
 * numbers of the latest health event (status 0 healthy / 1 warning / 2 critical, ticks/s, bars/min, lag ms,
 * CPU %, RSS MB, threads, active and stale symbols) plus counters of trades, bars and patterns, the state of
 * the Redis and PostgreSQL outboxes (pending, dropped, coalesced, spooled, up), heap in MB and Micrometer's
 * JVM binders. {@link #health} is called by the health thread; scrapes run on the server's thread.
 */
public final class EngineMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<Events.Health> latest = new AtomicReference<>();
    private final AtomicLong healthEvents = new AtomicLong();
    private @Nullable HttpServer server;

    /**
     * The outboxes' state, read at each scrape: the Redis publisher's and the PostgreSQL writer's queues.
     *
     * @param postgresRejected rows set aside in the dead-letter file (rejected by PostgreSQL or unreadable in the spool)
     */
    public record Outboxes(
            LongSupplier redisPending,
            LongSupplier redisDropped,
            LongSupplier redisCoalesced,
            BooleanSupplier redisUp,
            LongSupplier postgresPending,
            LongSupplier postgresSpooled,
            LongSupplier postgresDropped,
            LongSupplier postgresRejected,
            BooleanSupplier postgresUp) {
        /** Empty queues, both servers up (tests of the endpoint itself). */
        public static Outboxes none() {
            return new Outboxes(() -> 0, () -> 0, () -> 0, () -> true, () -> 0, () -> 0, () -> 0, () -> 0, () -> true);
        }
    }

    private final Outboxes outboxes; // held: the gauges reference it weakly

    public EngineMetrics(EngineStats stats, Outboxes outboxes) {
        this.outboxes = outboxes;
        registerFlow(stats);
        registerHealth();
        registerOutboxes();
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    private void registerFlow(EngineStats stats) {
        counter("tickstock.trades", "Trades read from the feed", stats.trades);
        counter("tickstock.bars", "1-minute bars closed", stats.bars);
        counter("tickstock.patterns", "Patterns published", stats.patterns);
        counter("tickstock.trade.log.malformed", "Trade-log records skipped as undecodable", stats.malformedRecords);
        refused(
                "future",
                "Trades refused before the bars: future = stamped more than the allowed clock skew "
                        + "ahead of this machine's clock",
                stats.futureTrades);
        refused(
                "late",
                "Trades refused by the bars: late = of a bar closed longer ago than the correction " + "window",
                stats.lateTrades);
        refused(
                "outside_window",
                "Trades refused before the bars: outside_window = a replayed trade stamped outside the "
                        + "replayed day",
                stats.outsideWindow);
        refused(
                "max_symbols",
                "Trades refused before the bars: max_symbols = their symbol came beyond --max-symbols",
                stats.beyondMaxSymbols);
        Gauge.builder("tickstock.trade.log.paused.partitions", stats.pausedPartitions, Number::doubleValue)
                .description("Trade-log partitions waiting for PostgreSQL (read again every 5 s)")
                .register(registry);
        counter("tickstock.health.events", "Health events published", healthEvents);
        Gauge.builder("tickstock.jvm.heap.used.mb", ProcessMetrics::heapMb).register(registry);
        for (String channel : Channels.ALL)
            FunctionCounter.builder(
                            "tickstock.redis.skipped.unread",
                            stats,
                            s -> s.skippedUnread().getOrDefault(channel, 0L))
                    .description("Messages not published because the channel had no subscriber")
                    .tag("channel", channel)
                    .register(registry);
    }

    /** {@code tickstock_trades_refused_total{reason=…}}: trades refused before the bars, for {@code reason}. */
    private void refused(String reason, String description, AtomicLong count) {
        FunctionCounter.builder("tickstock.trades.refused", count, AtomicLong::get)
                .description(description)
                .tag("reason", reason)
                .register(registry);
    }

    private void registerHealth() {
        health("tickstock.health.status", "0 healthy, 1 warning, 2 critical", h -> switch (h.status()) {
            case "healthy" -> 0;
            case "warning" -> 1;
            default -> 2;
        });
        health(
                "tickstock.ticks.per.second",
                "Trades per second over the last health interval",
                h -> h.dataFlow().ticksPerSecond());
        health(
                "tickstock.bars.per.minute",
                "Bars per minute over the last health interval",
                h -> h.dataFlow().barsPerMinute());
        health(
                "tickstock.processing.lag.ms",
                "Largest bar-close-to-Redis time over the last health interval, ms",
                h -> h.dataFlow().processingLagMs());
        health(
                "tickstock.process.cpu.percent",
                "Process CPU, % of the machine",
                h -> h.resourceUsage().cpuPercent());
        health(
                "tickstock.process.rss.mb",
                "Resident set size, MB",
                h -> h.resourceUsage().memoryMb());
        health(
                "tickstock.process.threads",
                "Live threads",
                h -> h.resourceUsage().threadsActive());
        health("tickstock.symbols.active", "Symbols with bars this session", Events.Health::activeSymbols);
        health(
                "tickstock.symbols.stale",
                "Symbols without a trade for 5 minutes in regular hours",
                h -> h.staleSymbols().count());
    }

    private void registerOutboxes() {
        Outboxes o = outboxes;
        gauge("tickstock.redis.pending", "Events waiting for Redis", o.redisPending());
        functionCounter("tickstock.redis.dropped", "Events dropped (queue full)", o.redisDropped());
        functionCounter("tickstock.redis.coalesced", "Events replaced by a newer one while queued", o.redisCoalesced());
        gauge(
                "tickstock.redis.up",
                "1 while Redis takes events",
                () -> o.redisUp().getAsBoolean() ? 1 : 0);
        gauge("tickstock.postgres.pending", "Rows waiting for PostgreSQL", o.postgresPending());
        gauge("tickstock.postgres.spooled", "Rows waiting in the disk spool", o.postgresSpooled());
        functionCounter("tickstock.postgres.dropped", "Rows dropped (queue and spool full)", o.postgresDropped());
        functionCounter(
                "tickstock.postgres.rejected",
                "Rows PostgreSQL rejected as data (SQLState 22/23), set aside with their reason",
                o.postgresRejected());
        gauge(
                "tickstock.postgres.up",
                "1 while PostgreSQL takes rows",
                () -> o.postgresUp().getAsBoolean() ? 1 : 0);
    }

    private void counter(String name, String description, AtomicLong count) {
        FunctionCounter.builder(name, count, AtomicLong::get)
                .description(description)
                .register(registry);
    }

    private void functionCounter(String name, String description, LongSupplier count) {
        FunctionCounter.builder(name, outboxes, x -> count.getAsLong())
                .description(description)
                .register(registry);
    }

    private void gauge(String name, String description, LongSupplier value) {
        Gauge.builder(name, outboxes, x -> value.getAsLong())
                .description(description)
                .register(registry);
    }

    private void health(String name, String description, ToDoubleFunction<Events.Health> value) {
        Gauge.builder(name, latest, ref -> ref.get() == null ? Double.NaN : value.applyAsDouble(ref.get()))
                .description(description)
                .register(registry);
    }

    /** Records a health event's numbers. */
    public void health(Events.Health health) {
        latest.set(health);
        healthEvents.incrementAndGet();
    }

    /** The text a scrape returns. */
    public String scrape() {
        return registry.scrape();
    }

    /**
     * Serves {@code /metrics} on {@code host:port} (0 = any free port): 127.0.0.1 by default, so only this machine reads
     * it; with a {@code token}, a scrape must send {@code Authorization: Bearer <token>} (else 401).
     *
     * @param token the bearer token (TICKSTOCK_METRICS_TOKEN), or null for none
     * @return the port
     * @throws UncheckedIOException naming the port and the option to change when it is taken
     */
    public int serve(String host, int port, @Nullable String token) {
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot serve metrics on " + host + ":" + port + " (" + e.getMessage()
                            + "): pass --metrics-port with a free port, or -1 for none",
                    e);
        }
        byte[] expected =
                token == null || token.isBlank() ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        server.createContext("/metrics", exchange -> {
            String given = exchange.getRequestHeaders().getFirst("Authorization");
            if (expected != null
                    && (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8)))) {
                byte[] body = "metrics need Authorization: Bearer <TICKSTOCK_METRICS_TOKEN>\n"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                exchange.sendResponseHeaders(401, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
                return;
            }
            byte[] body = scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        if (server != null) server.stop(0);
        registry.close();
    }
}
