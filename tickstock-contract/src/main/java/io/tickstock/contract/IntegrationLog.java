package io.tickstock.contract;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The legacy integration log both programs write (the contract's legacy checkpoints): the {@code integration_events}
 * table, the ten-argument {@code log_integration_event} function and the {@code pattern_flow_analysis} view
 * (classpath {@code db/integration}), and the checkpoint names of one pattern's flow.
 */
public final class IntegrationLog {
    private IntegrationLog() {}

    /** Engine: the pattern went out on the legacy channel (details.timestamp = publication, epoch s). */
    public static final String PATTERN_PUBLISHED = "PATTERN_PUBLISHED";
    /** Engine: heartbeat with patterns_detected, uptime_seconds, last_pattern_time. */
    public static final String PRODUCER_ALIVE = "PRODUCER_ALIVE";
    /** App: the legacy message arrived from Redis. */
    public static final String EVENT_RECEIVED = "EVENT_RECEIVED";
    /** App: the message was read into an event. */
    public static final String EVENT_PARSED = "EVENT_PARSED";
    /** App: the pattern was handed to the browsers' WebSockets (user_count = clients). */
    public static final String WEBSOCKET_DELIVERED = "WEBSOCKET_DELIVERED";
    /** The {@code source} of engine rows, as the legacy envelope names the producer. */
    public static final String PRODUCER = "TickStockPL";
    /** The {@code source} of app rows. */
    public static final String CONSUMER = "TickStockAppV2";

    /**
     * Creates or updates the log's table, function and view; idempotent, safe when both programs start at
     * once (Flyway locks its history table). Needs flyway-core on the class path.
     */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/integration")
                .table("flyway_integration_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
