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
 * @param queueCapacity          bound of the publisher and writer queues
 */
public record EngineConfig(String redisUrl, DatabaseUrl database, List<Path> tickFiles, double speed, LocalTime from, LocalTime to,
                           String universe, long healthIntervalMillis, Pipeline.Options analytics, int queueCapacity) {
    public EngineConfig {
        if (!(speed > 0)) throw new IllegalArgumentException("speed must be > 0 (or max), was " + speed);
        if (healthIntervalMillis < 1_000 || healthIntervalMillis > 60_000)
            throw new IllegalArgumentException("health interval must be 1-60 s, was " + healthIntervalMillis + " ms");
    }
}
