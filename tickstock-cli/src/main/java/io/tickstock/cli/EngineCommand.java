package io.tickstock.cli;

import io.tickstock.contract.Events;
import io.tickstock.engine.Engine;
import io.tickstock.engine.EngineConfig;
import io.tickstock.engine.feed.MassiveSubscription;
import io.tickstock.engine.kafka.KafkaConnection;
import io.tickstock.engine.session.SessionSchedule;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tickstock engine}: the producer alone. */
@Command(
        name = "engine",
        mixinStandardHelpOptions = true,
        description = {
            "Run the streaming engine alone: replay recorded LEAN trades (or, with --feed massive, stream the Massive WebSocket "
                    + "with the key in TICKSTOCK_MASSIVE_API_KEY) into Redis and PostgreSQL.",
            "Set TICKSTOCK_REDIS_URL and TICKSTOCK_DATABASE_URL to share servers with a separate 'tickstock app'."
        })
public final class EngineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReplayOptions replay;

    @Mixin
    BacktestOptions backtest;

    @Mixin
    FeedOptions feedOptions;

    @Option(
            names = "--exit-after-replay",
            description = "Exit when the replay ends instead of staying up (heartbeat, health).")
    boolean exitAfterReplay;

    @Option(
            names = "--session",
            description = "Live feed sessions: 'calendar' starts one at the NYSE open and stops it at the close "
                    + "(04:00-20:00 with --extended-hours); 'now' starts one at once. Either way 'tickstock session start|stop' and the app's "
                    + "admin endpoint start and stop sessions (default: ${DEFAULT-VALUE}).",
            defaultValue = "calendar")
    String sessionMode;

    @Option(
            names = "--spool-dir",
            description = "Where rows wait on disk while PostgreSQL is unavailable "
                    + "(default: TICKSTOCK_SPOOL_DIR, else ~/.tickstock/spool).")
    Path spoolDir;

    @Option(
            names = "--spool-max-mb",
            description = "Bound of the PostgreSQL spool in MB (default: ${DEFAULT-VALUE}).",
            defaultValue = "1024")
    long spoolMaxMb;

    @Option(
            names = "--queue-capacity",
            description = "Events (and rows) held in memory per outbox while Redis or PostgreSQL is "
                    + "slow or unavailable (default: ${DEFAULT-VALUE}).",
            defaultValue = "100000")
    int queueCapacity;

    @Option(
            names = "--batch-events",
            description = "Publish each bar close's indicator values and patterns as streaming_indicators_batch / "
                    + "streaming_patterns_batch messages of up to 50 (the integration contract's opt-in batch forms; consumers must unpack batches). "
                    + "Default: one message each.")
    boolean batchEvents;

    @Option(
            names = "--engine-id",
            description = "This engine's name in its health events and heartbeat key "
                    + "tickstock:producer:heartbeat:<id> (default: host name and process id).")
    String engineId;

    @Option(
            names = "--publish-unread",
            description =
                    "Publish to channels nobody subscribes to as well. Default: while PUBSUB NUMSUB (asked at most "
                            + "once a second per channel) reports no subscriber, that channel's messages are skipped and counted "
                            + "(health data_flow.skipped_unread, metric tickstock_redis_skipped_unread_total).")
    boolean publishUnread;

    @Option(
            names = "--shards",
            description = "Analytics shards: threads that each own the symbols hashing to them, so a bar close runs on "
                    + "every shard at once (default: the available processors; 1 = the analytics on the feed thread).",
            defaultValue = "0")
    int shards;

    @Option(
            names = "--metrics-port",
            description = "Port of the Prometheus endpoint /metrics; 0 = any free port, -1 = off "
                    + "(default: ${DEFAULT-VALUE}).",
            defaultValue = "9464")
    int metricsPort;

    @Option(
            names = "--metrics-host",
            description =
                    "Interface of the Prometheus endpoint; set TICKSTOCK_METRICS_TOKEN to require "
                            + "'Authorization: Bearer <token>' when it is reachable from other machines (default: ${DEFAULT-VALUE}).",
            defaultValue = "127.0.0.1")
    String metricsHost;

    @Option(
            names = "--heartbeat-interval",
            description = "Seconds between producer heartbeats, 1-60; the heartbeat and current-session "
                    + "keys expire after three (default: ${DEFAULT-VALUE}).",
            defaultValue = "15")
    int heartbeatSeconds;

    @Option(
            names = "--source",
            description = "Where trades come from: 'feed' (the --feed, a replay or Massive, read here) or 'kafka' (the "
                    + "trade log 'tickstock ingest' writes, as one engine of the group tickstock-engines; sessions are "
                    + "ingest's) (default: ${DEFAULT-VALUE}).",
            defaultValue = "feed")
    String source;

    @Option(
            names = "--kafka",
            description = "Kafka bootstrap servers for --source kafka (default: TICKSTOCK_KAFKA_BOOTSTRAP).")
    String kafka;

    @Option(
            names = "--kafka-config",
            description = "Kafka client properties file with the sign-in settings (security.protocol, sasl.*, ssl.*) "
                    + "(default: TICKSTOCK_KAFKA_CONFIG; none: plaintext without sign-in).")
    Path kafkaConfig;

    @Override
    public Integer call() throws Exception {
        if (!source.equals("feed") && !source.equals("kafka"))
            throw new ParameterException(
                    spec.commandLine(), "--source must be 'feed' or 'kafka', was '" + source + "'");
        if (source.equals("kafka")) return consume();
        if (heartbeatSeconds < 1 || heartbeatSeconds > 60) {
            throw new ParameterException(
                    spec.commandLine(), "--heartbeat-interval must be 1-60 seconds, was " + heartbeatSeconds);
        }
        FeedOptions.Kind kind = feedOptions.kind(spec.commandLine());
        boolean massive = kind == FeedOptions.Kind.MASSIVE;
        MassiveSubscription feed = massive ? feedOptions.massiveConfig(spec.commandLine(), replay.symbols) : null;
        List<Path> files = feedOptions.tickFiles(spec.commandLine(), kind, replay);
        FeedOptions.Source source =
                feedOptions.source(spec.commandLine(), replay.symbols, files, replay.date, replay.fromMillis());
        try (Lifecycle life = new Lifecycle()) {
            Infrastructure infra = life.add(Infrastructure.fromEnvironment());
            infra.print(System.out);
            EngineConfig config = feed != null
                    ? replay.engineConfig(
                            spec.commandLine(),
                            infra.redisUrl(),
                            infra.database(),
                            List.of(),
                            "massive:" + String.join(",", feed.topics()))
                    : source != null
                            ? replay.engineConfig(
                                    spec.commandLine(), infra.redisUrl(), infra.database(), files, source.universe())
                            : replay.engineConfig(spec.commandLine(), infra.redisUrl(), infra.database());
            config = reliability(config);
            SessionSchedule schedule = replay.schedule(spec.commandLine(), sessionMode);
            Engine engine = life.add(new Engine(config, System::currentTimeMillis).start());
            backtest.start(life, infra, replay.dataDir(), System.out);
            if (engine.metricsPort() > 0)
                System.out.println("metrics:  http://" + metricsHost + ":" + engine.metricsPort() + "/metrics");
            if (feed != null) {
                Events.SessionEnd end = life.runFeed(() -> engine.stream(
                        feed, replay.symbols == null ? 0 : replay.symbols.size(), schedule, life::stopping));
                if (end == null) System.out.println("feed stopped: no session ran");
                else
                    System.out.printf(
                            "feed stopped: session %s, %d patterns, %d indicator values%n",
                            end.sessionId(), end.totalPatterns(), end.totalIndicators());
                return 0;
            }
            Events.SessionEnd end;
            try (ReplayProgress progress = new ReplayProgress(engine)) {
                end = source != null
                        ? engine.replay(source.trades(), source.symbolCount(), source.fromMillis(), replay.toMillis())
                        : engine.replay();
            }
            System.out.printf(
                    "replay finished: session %s, %d patterns, %d indicator values%n",
                    end.sessionId(), end.totalPatterns(), end.totalIndicators());
            if (!exitAfterReplay) life.awaitShutdown();
            else if (!engine.awaitHistoryStored(30_000))
                System.out.println("PostgreSQL stopped taking rows: the rest stay in the spool for the next start");
        }
        return 0;
    }

    /** {@code --source kafka}: one engine of the group, until Ctrl-C. */
    private int consume() throws Exception {
        try (Lifecycle life = new Lifecycle()) {
            KafkaConnection bootstrap = EmbeddedKafka.resolve(kafka, kafkaConfig, life, false);
            Infrastructure infra = life.add(Infrastructure.fromEnvironment());
            infra.print(System.out);
            EngineConfig config = reliability(
                    replay.engineConfig(spec.commandLine(), infra.redisUrl(), infra.database(), List.of(), "kafka"));
            config = config.spoolIn("engine-" + config.engineId()); // several engines may run on one machine
            Engine engine = life.add(new Engine(config, System::currentTimeMillis).start());
            if (engine.metricsPort() > 0)
                System.out.println("metrics:  http://" + metricsHost + ":" + engine.metricsPort() + "/metrics");
            System.out.println("kafka: " + bootstrap + " (engine " + config.engineId() + ")");
            life.runFeed(() -> {
                engine.consume(bootstrap, life::stopping);
                return null;
            });
        }
        return 0;
    }

    private EngineConfig reliability(EngineConfig config) {
        if (spoolMaxMb < 1)
            throw new ParameterException(spec.commandLine(), "--spool-max-mb must be at least 1, was " + spoolMaxMb);
        if (queueCapacity < 1_000)
            throw new ParameterException(
                    spec.commandLine(), "--queue-capacity must be at least 1000, was " + queueCapacity);
        if (metricsPort < -1 || metricsPort > 65_535)
            throw new ParameterException(spec.commandLine(), "--metrics-port must be -1 to 65535, was " + metricsPort);
        Path dir = spoolDir;
        String env = System.getenv("TICKSTOCK_SPOOL_DIR");
        if (dir == null) dir = env != null && !env.isBlank() ? Path.of(env) : EngineConfig.DEFAULT_SPOOL_DIR;
        return config.toBuilder()
                .spool(dir, spoolMaxMb << 20)
                .queueCapacity(queueCapacity)
                .metrics(metricsPort, metricsHost, System.getenv("TICKSTOCK_METRICS_TOKEN"))
                .batchEvents(batchEvents)
                .publishUnread(publishUnread)
                .engineId(engineId != null ? engineId : EngineConfig.defaultEngineId())
                .shards(shards == 0 ? Runtime.getRuntime().availableProcessors() : shards)
                .heartbeatMillis(heartbeatSeconds * 1000L)
                .build();
    }
}
