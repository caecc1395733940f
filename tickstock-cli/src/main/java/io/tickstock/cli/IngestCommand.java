package io.tickstock.cli;

import io.tickstock.engine.ReplayClock;
import io.tickstock.engine.feed.LeanTickFile;
import io.tickstock.engine.feed.MassiveClient;
import io.tickstock.engine.feed.MergedTradeSource;
import io.tickstock.engine.feed.TradeSource;
import io.tickstock.engine.kafka.Ingest;
import io.tickstock.engine.kafka.TradeLogWriter;
import io.tickstock.engine.kafka.TradeRecords;
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

    @Override
    public Integer call() throws Exception {
        if (partitions < 1 || partitions > 1_000)
            throw new ParameterException(spec.commandLine(), "--partitions must be 1 to 1000, was " + partitions);
        FeedOptions.Kind kind = feedOptions.kind(spec.commandLine());
        if (kind == FeedOptions.Kind.MASSIVE)
            throw new ParameterException(
                    spec.commandLine(),
                    "ingest reads replays, --feed synthetic and --feed clone; --feed massive is not built yet");
        List<Path> files = feedOptions.tickFiles(spec.commandLine(), kind, replay);
        FeedOptions.Source source =
                feedOptions.source(spec.commandLine(), replay.symbols, files, replay.date, replay.fromMillis());
        TradeSource trades;
        long from;
        if (source != null) {
            trades = source.trades();
            from = source.fromMillis();
        } else {
            List<LeanTickFile> lean = new ArrayList<>();
            for (Path p : files) lean.add(new LeanTickFile(p));
            from = replay.fromMillis();
            trades = new MergedTradeSource(lean, from);
        }
        try (Lifecycle life = new Lifecycle();
                TradeSource feed = trades) {
            String bootstrap = bootstrap(life);
            TradeLogWriter log = life.add(new TradeLogWriter(bootstrap, TradeRecords.TOPIC, partitions));
            long n = Ingest.replay(
                    feed,
                    log,
                    new ReplayClock(from, replay.speedValue(spec.commandLine())),
                    replay.toMillis(),
                    life::stopping);
            System.out.printf(
                    "ingest finished: %d trades to %s (%d partitions), %d watermarks%n",
                    n, TradeRecords.TOPIC, log.partitions(), log.watermarks());
        }
        return 0;
    }

    /** {@code --feed massive}: streams until Ctrl-C. */
    private int live() throws Exception {
        MassiveClient.Config massive = feedOptions.massiveConfig(spec.commandLine(), replay.symbols);
        try (Lifecycle life = new Lifecycle()) {
            TradeLogWriter log = life.add(new TradeLogWriter(bootstrap(life), TradeRecords.TOPIC, partitions));
            long n = life.runFeed(() -> Ingest.live(massive, log, life::stopping));
            System.out.printf(
                    "ingest stopped: %d trades to %s (%d partitions)%n", n, TradeRecords.TOPIC, log.partitions());
        }
        return 0;
    }

    private String bootstrap(Lifecycle life) throws java.io.IOException {
        if (kafka != null && !kafka.isBlank()) return kafka;
        String env = System.getenv("TICKSTOCK_KAFKA_BOOTSTRAP");
        if (env != null && !env.isBlank()) return env;
        EmbeddedKafka embedded =
                life.add(new EmbeddedKafka(Path.of(System.getProperty("user.home"), ".tickstock", "kafka")));
        System.out.println("kafka: " + embedded.bootstrap() + " (embedded)");
        return embedded.bootstrap();
    }
}
