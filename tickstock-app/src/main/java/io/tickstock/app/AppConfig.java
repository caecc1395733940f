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
 */
public record AppConfig(String redisUrl, DatabaseUrl database, String host, int httpPort, long bufferIntervalMs,
                        String adminPassword) {}
