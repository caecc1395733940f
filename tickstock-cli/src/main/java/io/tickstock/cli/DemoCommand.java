package io.tickstock.cli;

import io.tickstock.app.App;
import io.tickstock.contract.Events;
import io.tickstock.engine.Engine;
import io.tickstock.engine.EngineConfig;
import io.tickstock.engine.ReplayClock;
import io.tickstock.engine.SessionOwner;
import io.tickstock.engine.feed.LeanTickFile;
import io.tickstock.engine.feed.MassiveSubscription;
import io.tickstock.engine.feed.TradeSource;
import io.tickstock.engine.kafka.Ingest;
import io.tickstock.engine.kafka.KafkaConnection;
import io.tickstock.engine.kafka.TradeLogWriter;
import io.tickstock.engine.kafka.TradeRecords;
import io.tickstock.engine.session.SessionSchedule;
import io.tickstock.engine.session.SessionTrigger;
import io.tickstock.testkit.FakeMassiveServer;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tickstock demo}: engine and app together over Redis and PostgreSQL, replaying real trades. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Start the engine and the dashboard app, replay recorded LEAN trades through them, then keep serving until Ctrl-C.",
            "Uses TICKSTOCK_REDIS_URL and TICKSTOCK_DATABASE_URL when set, else starts an embedded Redis and PostgreSQL."
        })
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReplayOptions replay;

    @Mixin
    BacktestOptions backtest;

    @Mixin
    AppOptions appOptions;

    @Mixin
    FeedOptions feedOptions;

    @Option(
            names = "--engines",
            description =
                    "Run the scale-out instead of one engine: ingest writes the feed to Kafka (TICKSTOCK_KAFKA_BOOTSTRAP, "
                            + "else an embedded broker) and this many engines of one consumer group read it (docs/scale-out.md). "
                            + "Default: one engine reading the feed directly.",
            defaultValue = "0")
    int engines;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        FeedOptions.Kind kind = feedOptions.kind(spec.commandLine());
        List<Path> files =
                kind == FeedOptions.Kind.SYNTHETIC || (kind == FeedOptions.Kind.REPLAY && feedOptions.inputs != null)
                        ? List.of()
                        : replay.tickFiles(spec.commandLine()); // fail fast
        boolean massive = kind == FeedOptions.Kind.MASSIVE;
        FeedOptions.Source source =
                feedOptions.source(spec.commandLine(), replay.symbols, files, replay.date, replay.fromMillis());
        try (Lifecycle life = new Lifecycle()) {
            Infrastructure infra = life.add(Infrastructure.fromEnvironment());
            EngineConfig engineConfig = source == null
                    ? replay.engineConfig(spec.commandLine(), infra.redisUrl(), infra.database())
                    : replay.engineConfig(
                            spec.commandLine(), infra.redisUrl(), infra.database(), files, source.universe());
            App app = life.add(new App(
                            appOptions.appConfig(infra.redisUrl(), infra.database(), replay.maxSymbols),
                            System::currentTimeMillis)
                    .start());
            infra.print(out);
            AppOptions.printDashboard(app, out);
            if (engines > 0) {
                if (massive || engines > 16)
                    throw new ParameterException(
                            spec.commandLine(), "--engines must be 1 to 16, with a replay or synthetic feed");
                throughKafka(life, engineConfig, files, source, out);
                life.awaitShutdown();
                return 0;
            }
            Engine engine = life.add(new Engine(engineConfig, System::currentTimeMillis).start());
            backtest.start(life, infra, replay.dataDir(), out);
            Events.SessionEnd end;
            try (ReplayProgress progress = new ReplayProgress(engine)) {
                end = massive
                        ? throughFakeMassive(life, engine, files, out)
                        : source != null
                                ? engine.replay(
                                        source.trades(), source.symbolCount(), source.fromMillis(), replay.toMillis())
                                : engine.replay();
            }
            out.printf(
                    "replay finished: session %s, %d patterns, %d indicator values; serving until Ctrl-C%n",
                    end.sessionId(), end.totalPatterns(), end.totalIndicators());
            out.flush();
            life.awaitShutdown();
        }
        return 0;
    }

    /**
     * ingest → Kafka → {@link #engines} engines, all in this process: the engines (ids {@code demo-1…}, each with its
     * own spool) read the trade log on their threads while this thread ingests the feed and owns the session.
     */
    private void throughKafka(
            Lifecycle life, EngineConfig config, List<Path> files, FeedOptions.@Nullable Source source, PrintStream out)
            throws Exception {
        KafkaConnection bootstrap = EmbeddedKafka.resolve(null, null, life, true);
        TradeLogWriter log =
                life.add(new TradeLogWriter(bootstrap, TradeRecords.TOPIC, TradeRecords.DEFAULT_PARTITIONS));
        for (int i = 1; i <= engines; i++) {
            String id = "demo-" + i;
            Engine engine = life.add(new Engine(
                            config.toBuilder().engineId(id).build().spoolIn("engine-" + id), System::currentTimeMillis)
                    .start());
            Thread.ofPlatform().name("kafka-" + id).daemon().start(() -> {
                try {
                    engine.consume(bootstrap, life::stopping);
                } catch (RuntimeException e) {
                    if (!life.stopping())
                        LoggerFactory.getLogger(DemoCommand.class).error("engine {} failed", id, e);
                }
            });
        }
        out.println("engines: " + engines + " reading " + TradeRecords.TOPIC + " (group " + TradeRecords.GROUP + ")");
        SessionOwner owner = life.add(new SessionOwner(config.spoolIn("ingest"), System::currentTimeMillis));
        FeedOptions.Source what = IngestCommand.replaySource(source, files, replay);
        String sessionId =
                owner.start(what.symbolCount(), SessionTrigger.REPLAY).id();
        log.session(sessionId);
        try (TradeSource trades = what.trades()) {
            long n = Ingest.replay(
                    trades,
                    log,
                    new ReplayClock(what.fromMillis(), replay.speedValue(spec.commandLine())),
                    replay.toMillis(),
                    life::stopping,
                    sessionId);
            out.printf("ingest finished: %d trades to %s%n", n, TradeRecords.TOPIC);
        }
        IngestCommand.endSession(owner, bootstrap, life);
        out.println("serving until Ctrl-C");
        out.flush();
    }

    /** The same ticks through a local fake Massive server and the engine's real Massive client. */
    private Events.SessionEnd throughFakeMassive(Lifecycle life, Engine engine, List<Path> files, PrintStream out)
            throws Exception {
        String key = UUID.randomUUID().toString();
        long from = replay.fromMillis();
        FakeMassiveServer server = life.add(new FakeMassiveServer(
                0, key, () -> TradeFiles.open(files, from), replay.speedValue(spec.commandLine())));
        out.println("feed: Massive protocol from " + server.url() + " (fake server replaying the ticks)");
        List<String> symbols = files.stream().map(LeanTickFile::folderName).toList();
        MassiveSubscription feed =
                new MassiveSubscription(URI.create(server.url()), key, feedOptions.topics(symbols), 100_000);
        return life.runFeed(() -> engine.stream(
                feed,
                symbols.size(),
                SessionSchedule.immediate(),
                () -> life.stopping()
                        || (server.finishedAt() > 0 && System.currentTimeMillis() - server.finishedAt() > 2_000)));
    }
}
