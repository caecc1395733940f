package io.tickstock.cli;

import io.tickstock.contract.Events;
import io.tickstock.engine.EngineConfig;
import io.tickstock.engine.ReplayClock;
import io.tickstock.engine.SessionOwner;
import io.tickstock.engine.feed.LeanTickFile;
import io.tickstock.engine.feed.MassiveClient;
import io.tickstock.engine.feed.MergedTradeSource;
import io.tickstock.engine.feed.TradeSource;
import io.tickstock.engine.kafka.GroupProgress;
import io.tickstock.engine.kafka.Ingest;
import io.tickstock.engine.kafka.TradeLogWriter;
import io.tickstock.engine.kafka.TradeRecords;
import io.tickstock.engine.session.FinalStatus;
import io.tickstock.engine.session.SessionTrigger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tickstock ingest}: reads a feed once and writes every trade to the Kafka trade log ({@link TradeRecords}),
 * keyed by symbol, with watermarks on every partition ({@link Ingest}).
 */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Read a feed once (a LEAN replay, --feed synthetic or clone, --input files at --speed, or --feed massive "
                    + "live) and write every "
                    + "trade to the Kafka topic tickstock.trades, keyed by symbol, with watermark records on every "
                    + "partition, for any number of engines to read (docs/scale-out.md).",
            "Kafka: --kafka, else TICKSTOCK_KAFKA_BOOTSTRAP, else an embedded single-node broker (data under "
                    + "~/.tickstock/kafka)."
        })
public final class IngestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReplayOptions replay;

    @Mixin
    FeedOptions feedOptions;

    @Option(names = "--kafka", description = "Kafka bootstrap servers, host:port[,host:port…].")
    String kafka;

    @Option(
            names = "--partitions",
            description = "Partitions of the topic when ingest creates it (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + TradeRecords.DEFAULT_PARTITIONS)
    int partitions;

    @Option(
            names = "--no-session",
            description = "Only write the trade log: no session is started or stopped (another ingest owns it).")
    boolean noSession;

    @Override
    public Integer call() throws Exception {
        if (partitions < 1 || partitions > 1_000)
            throw new ParameterException(spec.commandLine(), "--partitions must be 1 to 1000, was " + partitions);
        FeedOptions.Kind kind = feedOptions.kind(spec.commandLine());
        if (kind == FeedOptions.Kind.MASSIVE) return live();
        List<Path> files = feedOptions.tickFiles(spec.commandLine(), kind, replay);
        FeedOptions.Source source =
                feedOptions.source(spec.commandLine(), replay.symbols, files, replay.date, replay.fromMillis());
        FeedOptions.Source what = replaySource(source, files, replay);
        TradeSource trades = what.trades();
        long from = what.fromMillis();
        int symbolCount = what.symbolCount();
        String universe = what.universe();
        try (Lifecycle life = new Lifecycle();
                TradeSource feed = trades) {
            String bootstrap = bootstrap(life);
            TradeLogWriter log = life.add(new TradeLogWriter(bootstrap, TradeRecords.TOPIC, partitions));
            SessionOwner owner = owner(life, files, universe);
            if (owner != null)
                log.session(owner.start(symbolCount, SessionTrigger.REPLAY).id());
            long n = Ingest.replay(
                    feed,
                    log,
                    new ReplayClock(from, replay.speedValue(spec.commandLine())),
                    replay.toMillis(),
                    life::stopping);
            System.out.printf(
                    "ingest finished: %d trades to %s (%d partitions), %d watermarks%n",
                    n, TradeRecords.TOPIC, log.partitions(), log.watermarks());
            if (owner != null) endSession(owner, bootstrap, life);
        }
        return 0;
    }

    /**
     * What a replay ingest writes: {@code source} (synthetic, clone, --input) when there is one, else the LEAN tick
     * {@code files} merged in time order from --from, as the universe {@code replay:lean:<date>}.
     *
     * @throws java.io.IOException when a tick file cannot be opened
     */
    static FeedOptions.Source replaySource(
            FeedOptions.@org.jspecify.annotations.Nullable Source source, List<Path> files, ReplayOptions replay)
            throws java.io.IOException {
        if (source != null) return source;
        List<LeanTickFile> lean = new ArrayList<>();
        java.util.Set<String> symbols = new java.util.TreeSet<>();
        for (Path p : files) {
            LeanTickFile f = new LeanTickFile(p);
            lean.add(f);
            symbols.add(f.symbol());
        }
        long from = replay.fromMillis();
        return new FeedOptions.Source(
                new MergedTradeSource(lean, from),
                "replay:lean:" + replay.date.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
                symbols.size(),
                from);
    }

    /** {@code --feed massive}: streams until Ctrl-C, then ends the feed and the session. */
    private int live() throws Exception {
        MassiveClient.Config massive = feedOptions.massiveConfig(spec.commandLine(), replay.symbols);
        try (Lifecycle life = new Lifecycle()) {
            String bootstrap = bootstrap(life);
            TradeLogWriter log = life.add(new TradeLogWriter(bootstrap, TradeRecords.TOPIC, partitions));
            SessionOwner owner = owner(life, List.of(), "massive:" + String.join(",", massive.topics()));
            if (owner != null)
                log.session(owner.start(replay.symbols == null ? 0 : replay.symbols.size(), SessionTrigger.MANUAL)
                        .id());
            long n = life.runFeed(() -> Ingest.live(massive, log, life::stopping));
            System.out.printf(
                    "ingest stopped: %d trades to %s (%d partitions)%n", n, TradeRecords.TOPIC, log.partitions());
            if (owner != null) {
                log.watermark(Long.MAX_VALUE); // the session ends: every bar may close
                log.flush();
                endSession(owner, bootstrap, life);
            }
        }
        return 0;
    }

    /** The session's owner on the servers of the environment (embedded when unset); null with --no-session. */
    private @org.jspecify.annotations.Nullable SessionOwner owner(Lifecycle life, List<Path> files, String universe)
            throws java.io.IOException {
        if (noSession) return null;
        Infrastructure infra = life.add(Infrastructure.fromEnvironment());
        infra.print(System.out);
        EngineConfig config =
                replay.engineConfig(spec.commandLine(), infra.redisUrl(), infra.database(), files, universe).toBuilder()
                        .spool(EngineConfig.DEFAULT_SPOOL_DIR.resolve("ingest"), EngineConfig.DEFAULT_SPOOL_BYTES)
                        .engineId("ingest-" + EngineConfig.defaultEngineId())
                        .build();
        return life.add(new SessionOwner(config, System::currentTimeMillis));
    }

    /**
     * Waits until the engines have committed the end of the log (their rows are durable), then stops the session with
     * the totals they stored; Ctrl-C while waiting stops it as {@code stopped}.
     */
    static void endSession(SessionOwner owner, String bootstrap, Lifecycle life) throws InterruptedException {
        boolean consumed;
        try (GroupProgress group = new GroupProgress(bootstrap, TradeRecords.TOPIC, TradeRecords.GROUP)) {
            consumed = group.awaitConsumed(life::stopping, System.out::println);
        }
        Events.SessionEnd end = owner.stop(consumed ? FinalStatus.COMPLETED : FinalStatus.STOPPED);
        System.out.printf(
                "session %s %s: %d patterns, %d indicator values stored by the engines%n",
                end.sessionId(), end.finalStatus(), end.totalPatterns(), end.totalIndicators());
    }

    private String bootstrap(Lifecycle life) throws java.io.IOException {
        return EmbeddedKafka.resolve(kafka, life, true);
    }
}
