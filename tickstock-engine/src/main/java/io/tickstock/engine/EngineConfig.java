package io.tickstock.engine;

import io.tickstock.contract.DatabaseUrl;
import io.tickstock.engine.health.Heartbeat;
import io.tickstock.engine.pipeline.Pipeline;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the engine runs on; built with {@link #builder}.
 *
 * @param redisUrl             {@code redis://host:port}
 * @param database             PostgreSQL location and credentials
 * @param tickFiles            LEAN tick zips to replay (one or more symbols, same day); empty for a live feed
 * @param speed                replay speed as a multiple of real time; {@link Double#POSITIVE_INFINITY} = as fast as possible
 * @param from                 New York time of day where the replay starts (earlier trades are skipped)
 * @param to                   New York time of day where the replay stops (later trades are not read); null for the end
 * @param universe             universe name published with the session
 * @param healthIntervalMillis health publication interval (default 10 s)
 * @param analytics            bar closing (grace, corrections, fill-forward), indicators, extended hours, alert cooldown
 * @param queueCapacity        bound of the publisher and writer queues (items in memory)
 * @param spoolDir             where rows wait on disk while PostgreSQL is unavailable (one file per database)
 * @param spoolMaxBytes        the spool's bound
 * @param metricsPort          port of the Prometheus endpoint {@code /metrics}; 0 = any free port, -1 = none
 * @param metricsHost          interface of {@code /metrics} (default 127.0.0.1: this machine only)
 * @param metricsToken         bearer token a scrape of {@code /metrics} must send, or null for none
 * @param batchEvents          publish the indicator values and patterns of a bar close as {@code streaming_indicators_batch}
 *                             / {@code streaming_patterns_batch} messages of up to 50 (the integration contract's opt-in batch forms)
 *                             instead of one message each (default false: older consumers read single messages)
 * @param heartbeatMillis      producer heartbeat interval (default 15 s; the keys expire after three)
 * @param resumeReplay         a replay continues the session an interrupted replay of the same universe left open
 *                             (default false: the open session is closed as failed and the replay starts a new one;
 *                             a live engine always resumes its session after a crash)
 * @param publishUnread        publish to channels nobody subscribes to as well (default false: while {@code PUBSUB
 *                             NUMSUB} says a channel has no subscriber, checked at most once a second, its messages are
 *                             skipped and counted; see {@link io.tickstock.engine.publish.UnreadChannels})
 * @param shards               analytics shards, each a thread owning the symbols that hash to it (default: the
 *                             available processors; 1 runs the analytics on the feed thread)
 * @param engineId             this engine's name in health events and its heartbeat key (default: host name and
 *                             process id, e.g. {@code vm-4121})
 */
public record EngineConfig(
        String redisUrl,
        DatabaseUrl database,
        List<Path> tickFiles,
        double speed,
        LocalTime from,
        @Nullable LocalTime to,
        String universe,
        long healthIntervalMillis,
        Pipeline.Options analytics,
        int queueCapacity,
        Path spoolDir,
        long spoolMaxBytes,
        int metricsPort,
        String metricsHost,
        @Nullable String metricsToken,
        boolean batchEvents,
        long heartbeatMillis,
        boolean resumeReplay,
        boolean publishUnread,
        int shards,
        String engineId) {
    /** Host name and process id, e.g. {@code vm-4121} (the host name cut to its first label). */
    public static String defaultEngineId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "engine";
        }
        int dot = host.indexOf('.');
        String label = (dot < 0 ? host : host.substring(0, dot)).replaceAll("[^A-Za-z0-9_-]", "");
        return (label.isEmpty() ? "engine" : label) + "-"
                + ProcessHandle.current().pid();
    }

    /** Default spool: {@code ~/.tickstock/spool}, 1 GiB. */
    public static final Path DEFAULT_SPOOL_DIR = Path.of(System.getProperty("user.home"), ".tickstock", "spool");

    public static final long DEFAULT_SPOOL_BYTES = 1L << 30;

    /** @throws IllegalArgumentException naming the setting that is out of range */
    public EngineConfig {
        tickFiles = List.copyOf(tickFiles);
        if (!(speed > 0)) throw new IllegalArgumentException("speed must be > 0 (or max), was " + speed);
        if (healthIntervalMillis < 1_000 || healthIntervalMillis > 60_000)
            throw new IllegalArgumentException("health interval must be 1-60 s, was " + healthIntervalMillis + " ms");
        if (queueCapacity < 1)
            throw new IllegalArgumentException("queue capacity must be positive, was " + queueCapacity);
        if (heartbeatMillis < 100)
            throw new IllegalArgumentException("heartbeat interval must be at least 100 ms, was " + heartbeatMillis);
        if (shards < 1 || shards > 256) throw new IllegalArgumentException("--shards must be 1 to 256, was " + shards);
        if (!engineId.matches("[A-Za-z0-9._-]{1,64}"))
            throw new IllegalArgumentException(
                    "--engine-id must be 1-64 letters, digits, '.', '_' or '-', was " + engineId);
    }

    /** A builder with the defaults: no tick files (a live feed), 60×, from 09:25, the default analytics, spool and heartbeat. */
    public static Builder builder(String redisUrl, DatabaseUrl database) {
        return new Builder(redisUrl, database);
    }

    /** This configuration as a builder, to change a few settings. */
    public Builder toBuilder() {
        Builder b = new Builder(redisUrl, database);
        b.tickFiles = tickFiles;
        b.speed = speed;
        b.from = from;
        b.to = to;
        b.universe = universe;
        b.healthIntervalMillis = healthIntervalMillis;
        b.analytics = analytics;
        b.queueCapacity = queueCapacity;
        b.spoolDir = spoolDir;
        b.spoolMaxBytes = spoolMaxBytes;
        b.metricsPort = metricsPort;
        b.metricsHost = metricsHost;
        b.metricsToken = metricsToken;
        b.batchEvents = batchEvents;
        b.heartbeatMillis = heartbeatMillis;
        b.resumeReplay = resumeReplay;
        b.publishUnread = publishUnread;
        b.shards = shards;
        b.engineId = engineId;
        return b;
    }

    /**
     * This configuration with its spool in a directory of its own, {@code <spool dir>/<name>}: for several engines
     * (or an engine and ingest) on one machine, whose spools must not mix.
     */
    public EngineConfig spoolIn(String name) {
        return toBuilder().spool(spoolDir.resolve(name), spoolMaxBytes).build();
    }

    /** This database's spool file: one per host, port and database, so a spool never reaches another database. */
    public Path spoolFile() {
        return spoolDir.resolve(("postgresql-" + database.host() + "-" + database.port() + "-" + database.database())
                        .replaceAll("[^A-Za-z0-9._-]", "_")
                + ".spool");
    }

    /** Builds an {@link EngineConfig}; each setter's default is the record's documented default. Not thread-safe. */
    public static final class Builder {
        private final String redisUrl;
        private final DatabaseUrl database;
        private List<Path> tickFiles = List.of();
        private double speed = 60;
        private LocalTime from = LocalTime.of(9, 25);
        private @Nullable LocalTime to;
        private String universe = "default";
        private long healthIntervalMillis = 10_000,
                spoolMaxBytes = DEFAULT_SPOOL_BYTES,
                heartbeatMillis = Heartbeat.DEFAULT_INTERVAL_MILLIS;
        private Pipeline.Options analytics = Pipeline.Options.defaults();
        private int queueCapacity = 100_000, metricsPort = -1;
        private Path spoolDir = DEFAULT_SPOOL_DIR;
        private String metricsHost = "127.0.0.1";
        private @Nullable String metricsToken;
        private boolean batchEvents, resumeReplay, publishUnread;
        private int shards = Runtime.getRuntime().availableProcessors();
        private String engineId = defaultEngineId();

        private Builder(String redisUrl, DatabaseUrl database) {
            this.redisUrl = redisUrl;
            this.database = database;
        }

        /** LEAN tick zips of one day, replayed from {@code from} until {@code to} (New York time; null: the end) at {@code speed}. */
        public Builder replay(List<Path> tickFiles, double speed, LocalTime from, @Nullable LocalTime to) {
            this.tickFiles = tickFiles;
            this.speed = speed;
            this.from = from;
            this.to = to;
            return this;
        }

        public Builder speed(double speed) {
            this.speed = speed;
            return this;
        }

        public Builder universe(String universe) {
            this.universe = universe;
            return this;
        }

        public Builder healthIntervalMillis(long millis) {
            this.healthIntervalMillis = millis;
            return this;
        }

        public Builder analytics(Pipeline.Options analytics) {
            this.analytics = analytics;
            return this;
        }

        public Builder queueCapacity(int capacity) {
            this.queueCapacity = capacity;
            return this;
        }

        public Builder spool(Path dir, long maxBytes) {
            this.spoolDir = dir;
            this.spoolMaxBytes = maxBytes;
            return this;
        }

        public Builder metrics(int port, String host, @Nullable String token) {
            this.metricsPort = port;
            this.metricsHost = host;
            this.metricsToken = token;
            return this;
        }

        public Builder batchEvents(boolean batch) {
            this.batchEvents = batch;
            return this;
        }

        public Builder heartbeatMillis(long millis) {
            this.heartbeatMillis = millis;
            return this;
        }

        /** Whether a replay continues the session an interrupted replay left open (default false: a new session). */
        public Builder resumeReplay(boolean resume) {
            this.resumeReplay = resume;
            return this;
        }

        /** This engine's name in health and heartbeat (default: host name and process id). */
        public Builder engineId(String id) {
            this.engineId = id;
            return this;
        }

        /** Analytics shards (threads owning disjoint symbols; default: the available processors). */
        public Builder shards(int shards) {
            this.shards = shards;
            return this;
        }

        /** Whether to publish to channels without subscribers too (default false: they are skipped and counted). */
        public Builder publishUnread(boolean publish) {
            this.publishUnread = publish;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException naming the setting that is out of range
         */
        public EngineConfig build() {
            return new EngineConfig(
                    redisUrl,
                    database,
                    tickFiles,
                    speed,
                    from,
                    to,
                    universe,
                    healthIntervalMillis,
                    analytics,
                    queueCapacity,
                    spoolDir,
                    spoolMaxBytes,
                    metricsPort,
                    metricsHost,
                    metricsToken,
                    batchEvents,
                    heartbeatMillis,
                    resumeReplay,
                    publishUnread,
                    shards,
                    engineId);
        }
    }
}
