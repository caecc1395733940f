package io.tickstock.app;

import io.tickstock.app.health.EngineLiveness;
import io.tickstock.app.stream.Delivery;
import io.tickstock.app.stream.Watchlist;
import io.tickstock.contract.DatabaseUrl;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the app runs on.
 *
 * @param redisUrl         {@code redis://host:port}
 * @param database         PostgreSQL location and credentials
 * @param host             interface to listen on (127.0.0.1 by default)
 * @param httpPort         HTTP port; 0 picks a free one
 * @param bufferIntervalMs streaming buffer flush interval (TICKSTOCK_BUFFER_INTERVAL_MS, default {@value #DEFAULT_BUFFER_INTERVAL_MS})
 * @param adminPassword    password for user {@code admin} (TICKSTOCK_ADMIN_PASSWORD), or null to generate one
 * @param metricsToken     bearer token that may read {@code /metrics} without a login (TICKSTOCK_METRICS_TOKEN), or null
 * @param outboxFrames     frames queued per browser before it is disconnected as too slow (TICKSTOCK_WS_OUTBOX_FRAMES, default 4,096)
 * @param engineLostAfterMillis the engine is shown as lost when its heartbeat is older than this or has expired
 *                         (default {@value io.tickstock.app.health.EngineLiveness#DEFAULT_LOST_AFTER_MILLIS}: three heartbeat intervals)
 * @param tls              the HTTPS certificate and key (PEM), or null for plain HTTP
 * @param allowedOrigins   origins besides the app's own that may open the WebSocket and POST (e.g. a proxy's public
 *                         {@code https://dash.example.com}); empty by default
 * @param delivery         minimum pattern confidence forwarded, buffering on or off, history kept per browser list
 * @param trustedProxies   proxies whose {@code X-Forwarded-For} names the client (TICKSTOCK_TRUSTED_PROXIES, exact
 *                         addresses; {@link io.tickstock.app.web.ClientAddress}); empty by default
 * @param maxSymbols       most symbols the app keeps per session (its watchlist); bars of further symbols are refused
 *                         and counted (default {@value io.tickstock.app.stream.Watchlist#DEFAULT_MAX_SYMBOLS})
 */
public record AppConfig(
        String redisUrl,
        DatabaseUrl database,
        String host,
        int httpPort,
        long bufferIntervalMs,
        @Nullable String adminPassword,
        @Nullable String metricsToken,
        int outboxFrames,
        long engineLostAfterMillis,
        @Nullable Tls tls,
        List<String> allowedOrigins,
        Delivery delivery,
        List<String> trustedProxies,
        int maxSymbols) {
    /** PEM files of the HTTPS certificate (chain) and its private key. */
    public record Tls(Path certificate, Path key) {}

    public AppConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
        trustedProxies = List.copyOf(trustedProxies);
        if (maxSymbols < 1) throw new IllegalArgumentException("maxSymbols must be at least 1, was " + maxSymbols);
        if (engineLostAfterMillis < 100)
            throw new IllegalArgumentException(
                    "engineLostAfterMillis must be at least 100, was " + engineLostAfterMillis);
    }

    /** The default delivery settings ({@link Delivery#DEFAULTS}). */
    public AppConfig(
            String redisUrl,
            DatabaseUrl database,
            String host,
            int httpPort,
            long bufferIntervalMs,
            @Nullable String adminPassword,
            @Nullable String metricsToken,
            int outboxFrames,
            long engineLostAfterMillis,
            @Nullable Tls tls,
            List<String> allowedOrigins) {
        this(
                redisUrl,
                database,
                host,
                httpPort,
                bufferIntervalMs,
                adminPassword,
                metricsToken,
                outboxFrames,
                engineLostAfterMillis,
                tls,
                allowedOrigins,
                Delivery.DEFAULTS,
                List.of(),
                Watchlist.DEFAULT_MAX_SYMBOLS);
    }

    /** The defaults for the engine watch, TLS (none) and origins (the app's own only). */
    public AppConfig(
            String redisUrl,
            DatabaseUrl database,
            String host,
            int httpPort,
            long bufferIntervalMs,
            @Nullable String adminPassword,
            @Nullable String metricsToken,
            int outboxFrames) {
        this(
                redisUrl,
                database,
                host,
                httpPort,
                bufferIntervalMs,
                adminPassword,
                metricsToken,
                outboxFrames,
                EngineLiveness.DEFAULT_LOST_AFTER_MILLIS,
                null,
                List.of());
    }

    public static final int DEFAULT_OUTBOX_FRAMES = 4_096;
    /**
     * Milliseconds between flushes of batched patterns, indicator values and bars: short, so a value waits 2.5 ms on
     * average (the end-to-end target is a 15 ms median); the dashboard draws once per animation frame whatever the
     * frame rate. The seeds' 250 ms (four updates a second) is a setting away.
     */
    public static final long DEFAULT_BUFFER_INTERVAL_MS = 5;

    /**
     * Where the app sets aside indicator alerts PostgreSQL rejects: {@code $TICKSTOCK_SPOOL_DIR} (default
     * {@code ~/.tickstock/spool}) {@code /app_indicator_alerts.rejected}.
     */
    public static Path rejectedAlertsFile() {
        String dir = System.getenv("TICKSTOCK_SPOOL_DIR");
        Path base = dir == null || dir.isBlank()
                ? Path.of(System.getProperty("user.home"), ".tickstock", "spool")
                : Path.of(dir);
        return base.resolve("app_indicator_alerts.rejected");
    }

    /** No metrics token, the default outbox. */
    public AppConfig(
            String redisUrl,
            DatabaseUrl database,
            String host,
            int httpPort,
            long bufferIntervalMs,
            @Nullable String adminPassword) {
        this(redisUrl, database, host, httpPort, bufferIntervalMs, adminPassword, null, DEFAULT_OUTBOX_FRAMES);
    }
}
