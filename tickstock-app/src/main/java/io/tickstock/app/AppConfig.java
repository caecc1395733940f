package io.tickstock.app;

import io.tickstock.contract.DatabaseUrl;

/**
 * What the app runs on.
 *
 * @param redisUrl         {@code redis://host:port}
 * @param database         PostgreSQL location and credentials
 * @param host             interface to listen on (127.0.0.1 by default)
 * @param httpPort         HTTP port; 0 picks a free one
 * @param bufferIntervalMs streaming buffer flush interval (TICKSTOCK_BUFFER_INTERVAL_MS, default 50)
 * @param adminPassword    password for user {@code admin} (TICKSTOCK_ADMIN_PASSWORD), or null to generate one
 * @param metricsToken     bearer token that may read {@code /metrics} without a login (TICKSTOCK_METRICS_TOKEN), or null
 * @param outboxFrames     frames queued per browser before it is disconnected as too slow (TICKSTOCK_WS_OUTBOX_FRAMES, default 4,096)
 */
public record AppConfig(String redisUrl, DatabaseUrl database, String host, int httpPort, long bufferIntervalMs,
                        String adminPassword, String metricsToken, int outboxFrames) {
    public static final int DEFAULT_OUTBOX_FRAMES = 4_096;

    /** No metrics token, the default outbox. */
    public AppConfig(String redisUrl, DatabaseUrl database, String host, int httpPort, long bufferIntervalMs, String adminPassword) {
        this(redisUrl, database, host, httpPort, bufferIntervalMs, adminPassword, null, DEFAULT_OUTBOX_FRAMES);
    }
}
