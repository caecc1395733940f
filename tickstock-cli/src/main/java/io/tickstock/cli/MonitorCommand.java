package io.tickstock.cli;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tickstock.contract.Channels;
import io.tickstock.contract.DatabaseUrl;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import io.tickstock.contract.RedisKeys;
import io.tickstock.contract.RedisUrl;
import io.tickstock.testkit.AppHttp;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PGobject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tickstock monitor} (what the legacy {@code monitor_system_health.py} showed): the live state of a running TickStock
 * from its Redis and PostgreSQL, once or refreshing ({@code --watch}). Sections: the session (current-session key),
 * the engine's heartbeat age, the latest health, messages per second per channel (counted by subscribing for
 * {@code --sample} seconds), the pattern flows' latencies ({@code pattern_flow_analysis}) and, with {@code --app},
 * the app's delivery counters. {@code --json} prints the same as one JSON object per refresh.
 */
@Command(
        name = "monitor",
        mixinStandardHelpOptions = true,
        description = {
            "Print the live state of a running TickStock: session, engine heartbeat, health, messages per second per "
                    + "channel, pattern-flow latencies and app delivery (TICKSTOCK_REDIS_URL, TICKSTOCK_DATABASE_URL; "
                    + "--app with TICKSTOCK_ADMIN_PASSWORD). --watch refreshes it."
        })
public final class MonitorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--watch",
            arity = "0..1",
            fallbackValue = "5",
            description = "Refresh every N seconds until Ctrl-C (default N: 5).")
    @Nullable
    Integer watchSeconds;

    @Option(
            names = "--sample",
            defaultValue = "2",
            description = "Seconds of messages counted for the rates (default: ${DEFAULT-VALUE}).")
    int sampleSeconds;

    @Option(names = "--json", description = "One JSON object per refresh instead of text.")
    boolean json;

    @Option(names = "--app", description = "The app's base URL (e.g. http://127.0.0.1:8080) for its delivery counters.")
    @Nullable
    String app;

    @Option(
            names = "--redis",
            defaultValue = "${env:TICKSTOCK_REDIS_URL}",
            description = "Redis URL (default: TICKSTOCK_REDIS_URL).")
    @Nullable
    String redis;

    @Option(
            names = "--database",
            defaultValue = "${env:TICKSTOCK_DATABASE_URL}",
            description =
                    "PostgreSQL URL (default: TICKSTOCK_DATABASE_URL; without it the database sections are skipped).")
    @Nullable
    String database;

    @Override
    public Integer call() throws Exception {
        if (redis == null || redis.isBlank())
            throw new ParameterException(
                    spec.commandLine(), "set TICKSTOCK_REDIS_URL (or --redis) to the Redis of the TickStock to watch");
        if (sampleSeconds < 1 || sampleSeconds > 60)
            throw new ParameterException(spec.commandLine(), "--sample must be 1-60 seconds");
        if (watchSeconds != null && watchSeconds < 1)
            throw new ParameterException(spec.commandLine(), "--watch must be at least 1 second");
        PrintWriter out = spec.commandLine().getOut();
        RedisClient client = RedisClient.create(RedisUrl.uri(redis));
        try (StatefulRedisConnection<String, String> c = client.connect();
                StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub()) {
            Map<String, LongAdder> counts = new ConcurrentHashMap<>();
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    counts.computeIfAbsent(channel, k -> new LongAdder()).increment();
                }
            });
            sub.sync().subscribe(Channels.ALL.toArray(String[]::new));
            do {
                counts.clear();
                TimeUnit.SECONDS.sleep(sampleSeconds);
                Map<String, Object> snapshot = snapshot(c, counts);
                if (json) out.println(Json.write(snapshot));
                else {
                    if (watchSeconds != null && Terminal.interactive()) out.print("\033[H\033[2J");
                    out.print(MonitorText.render(snapshot));
                }
                out.flush();
                if (watchSeconds != null) TimeUnit.SECONDS.sleep(Math.max(0, watchSeconds - sampleSeconds));
            } while (watchSeconds != null);
        } finally {
            client.shutdown();
        }
        return 0;
    }

    /** Everything shown, as nested maps (also the {@code --json} form). */
    Map<String, Object> snapshot(StatefulRedisConnection<String, String> c, Map<String, LongAdder> counts) {
        long now = System.currentTimeMillis();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("timestamp", IsoTime.format(now));
        String session = c.sync().get(RedisKeys.CURRENT_SESSION);
        s.put("session", session == null ? null : Json.read(session));
        String beat = c.sync().get(RedisKeys.PRODUCER_HEARTBEAT);
        Map<String, Object> engine = new LinkedHashMap<>();
        if (beat == null) engine.put("status", "none");
        else {
            double age = now / 1000.0 - Double.parseDouble(beat);
            engine.put("status", "alive");
            engine.put("heartbeat_age_s", Math.round(age * 10) / 10.0);
        }
        s.put("engine", engine);
        Map<String, Double> rates = new TreeMap<>();
        counts.forEach((ch, n) -> rates.put(ch, Math.round(n.sum() * 10.0 / sampleSeconds) / 10.0));
        s.put("messages_per_second", rates);
        if (database != null && !database.isBlank()) s.putAll(fromDatabase(DatabaseUrl.parse(database)));
        else s.put("database", "not set: TICKSTOCK_DATABASE_URL (or --database) shows health and flow latencies");
        if (app != null) s.put("app", fromApp(app));
        return s;
    }

    private static Map<String, Object> fromDatabase(DatabaseUrl db) {
        Map<String, Object> s = new LinkedHashMap<>();
        Properties p = db.driverProperties(10, 10);
        if (db.user() != null) p.setProperty("user", db.user());
        if (db.password() != null) p.setProperty("password", db.password());
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), p);
                Statement st = c.createStatement()) {
            s.put(
                    "health",
                    row(
                            st,
                            "SELECT measured_at, status, active_symbols, ticks_per_second, processing_lag_ms, cpu_percent, "
                                    + "memory_mb, issues FROM streaming_health_metrics ORDER BY measured_at DESC LIMIT 1"));
            s.put(
                    "flows",
                    row(
                            st,
                            "SELECT count(*) AS flows, "
                                    + "percentile_cont(0.5) WITHIN GROUP (ORDER BY redis_latency_ms) AS redis_p50_ms, "
                                    + "percentile_cont(0.5) WITHIN GROUP (ORDER BY total_latency_ms) AS total_p50_ms, "
                                    + "percentile_cont(0.95) WITHIN GROUP (ORDER BY total_latency_ms) AS total_p95_ms, "
                                    + "count(*) FILTER (WHERE delivered_at IS NULL) AS undelivered "
                                    + "FROM (SELECT * FROM pattern_flow_analysis ORDER BY published_at DESC NULLS LAST "
                                    + "LIMIT 1000) f"));
        } catch (SQLException e) {
            s.put("database", "unreachable: " + e.getMessage());
        }
        return s;
    }

    private static @Nullable Map<String, Object> row(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) return null;
            ResultSetMetaData md = rs.getMetaData();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                Object v = rs.getObject(i);
                if (v instanceof Timestamp t) v = IsoTime.format(t.toInstant());
                else if (v instanceof BigDecimal d) v = d.doubleValue();
                else if (v instanceof PGobject pg) v = Json.read(String.valueOf(pg.getValue()));
                row.put(md.getColumnLabel(i), v);
            }
            return row;
        }
    }

    private static Map<String, Object> fromApp(String base) {
        Map<String, Object> s = new LinkedHashMap<>();
        try {
            int port = URI.create(base).getPort();
            String password = System.getenv("TICKSTOCK_ADMIN_PASSWORD");
            if (password == null) return Map.of("error", "set TICKSTOCK_ADMIN_PASSWORD to read the app's status");
            String cookie = AppHttp.login(port, "admin", password).orElse(null);
            if (cookie == null) return Map.of("error", "admin login refused");
            var status =
                    Json.read(AppHttp.get(port, "/streaming/api/status", cookie).body());
            s.put("engine", status.path("engine").path("status").asText());
            s.put("clients", status.path("websocket").path("clients"));
            s.put("frames_sent", status.path("websocket").path("frames_sent"));
            s.put("buffer", status.path("buffer"));
        } catch (Exception e) {
            s.put("error", "unreachable: " + e.getMessage());
        }
        return s;
    }
}
