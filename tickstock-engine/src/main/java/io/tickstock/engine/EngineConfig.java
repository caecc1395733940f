package io.tickstock.engine;

import io.tickstock.contract.DatabaseUrl;
import io.tickstock.engine.pipeline.Pipeline;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;

/**
 * What the engine runs on.
 *
 * @param redisUrl               {@code redis://host:port}
 * @param database               PostgreSQL location and credentials
 * @param tickFiles              LEAN tick zips to replay (one or more symbols, same day); empty for a live feed
 * @param speed                  replay speed as a multiple of real time; {@link Double#POSITIVE_INFINITY} = as fast as possible
 * @param from                   New York time of day where the replay starts (earlier trades are skipped)
 * @param to                     New York time of day where the replay stops (later trades are not read); null for the end
 * @param universe               universe name published with the session
 * @param healthIntervalMillis   health publication interval (default 10 s)
 * @param analytics              bar closing (grace, corrections, fill-forward), indicators, extended hours, alert cooldown
 * @param queueCapacity          bound of the publisher and writer queues (items in memory)
 * @param spoolDir               where rows wait on disk while PostgreSQL is unavailable (one file per database)
 * @param spoolMaxBytes          the spool's bound
 * @param metricsPort            port of the Prometheus endpoint {@code /metrics}; 0 = any free port, -1 = none
 * @param batchEvents            publish the indicator values and patterns of a bar close as {@code streaming_indicators_batch}
 *                               / {@code streaming_patterns_batch} messages of up to 50 (CONTRACT.md's opt-in batch forms)
 *                               instead of one message each (default false: older consumers read single messages)
 */
public record EngineConfig(String redisUrl, DatabaseUrl database, List<Path> tickFiles, double speed, LocalTime from, LocalTime to,
                           String universe, long healthIntervalMillis, Pipeline.Options analytics, int queueCapacity,
                           Path spoolDir, long spoolMaxBytes, int metricsPort, boolean batchEvents) {
    /** Default spool: {@code ~/.tickstock/spool}, 1 GiB. */
    public static final Path DEFAULT_SPOOL_DIR = Path.of(System.getProperty("user.home"), ".tickstock", "spool");
    public static final long DEFAULT_SPOOL_BYTES = 1L << 30;

    public EngineConfig {
        if (!(speed > 0)) throw new IllegalArgumentException("speed must be > 0 (or max), was " + speed);
        if (healthIntervalMillis < 1_000 || healthIntervalMillis > 60_000)
            throw new IllegalArgumentException("health interval must be 1-60 s, was " + healthIntervalMillis + " ms");
        if (queueCapacity < 1) throw new IllegalArgumentException("queue capacity must be positive, was " + queueCapacity);
    }

    /** A configuration with the default spool and no metrics endpoint. */
    public EngineConfig(String redisUrl, DatabaseUrl database, List<Path> tickFiles, double speed, LocalTime from, LocalTime to,
                        String universe, long healthIntervalMillis, Pipeline.Options analytics, int queueCapacity) {
        this(redisUrl, database, tickFiles, speed, from, to, universe, healthIntervalMillis, analytics, queueCapacity,
                DEFAULT_SPOOL_DIR, DEFAULT_SPOOL_BYTES, -1, false);
    }

    public EngineConfig withSpool(Path dir, long maxBytes) {
        return new EngineConfig(redisUrl, database, tickFiles, speed, from, to, universe, healthIntervalMillis, analytics,
                queueCapacity, dir, maxBytes, metricsPort, batchEvents);
    }

    public EngineConfig withMetricsPort(int port) {
        return new EngineConfig(redisUrl, database, tickFiles, speed, from, to, universe, healthIntervalMillis, analytics,
                queueCapacity, spoolDir, spoolMaxBytes, port, batchEvents);
    }

    public EngineConfig withQueueCapacity(int capacity) {
        return new EngineConfig(redisUrl, database, tickFiles, speed, from, to, universe, healthIntervalMillis, analytics,
                capacity, spoolDir, spoolMaxBytes, metricsPort, batchEvents);
    }

    public EngineConfig withBatchEvents(boolean batch) {
        return new EngineConfig(redisUrl, database, tickFiles, speed, from, to, universe, healthIntervalMillis, analytics,
                queueCapacity, spoolDir, spoolMaxBytes, metricsPort, batch);
    }

    /** This database's spool file: one per host, port and database, so a spool never reaches another database. */
    public Path spoolFile() {
        return spoolDir.resolve(("postgresql-" + database.host() + "-" + database.port() + "-" + database.database())
                .replaceAll("[^A-Za-z0-9._-]", "_") + ".spool");
    }
}
