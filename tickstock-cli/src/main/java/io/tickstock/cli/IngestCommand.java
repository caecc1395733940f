package io.tickstock.cli;

import io.tickstock.contract.Events;
import io.tickstock.engine.EngineConfig;
import io.tickstock.engine.ReplayClock;
import io.tickstock.engine.SessionOwner;
import io.tickstock.engine.feed.LeanTickFile;
import io.tickstock.engine.feed.MassiveSubscription;
import io.tickstock.engine.feed.MergedTradeSource;
import io.tickstock.engine.feed.TradeSource;
import io.tickstock.engine.kafka.GroupProgress;
import io.tickstock.engine.kafka.Ingest;
import io.tickstock.engine.kafka.KafkaConnection;
import io.tickstock.engine.kafka.TradeLogWriter;
import io.tickstock.engine.kafka.TradeRecords;
import io.tickstock.engine.session.FinalStatus;
import io.tickstock.engine.session.SessionCommands;
import io.tickstock.engine.session.SessionSchedule;
import io.tickstock.engine.session.SessionTrigger;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
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
            names = "--kafka-config",
            description = "Kafka client properties file with the sign-in settings (security.protocol, sasl.*, ssl.*) "
                    + "(default: TICKSTOCK_KAFKA_CONFIG; none: plaintext without sign-in).")
    Path kafkaConfig;

    @Option(
            names = "--partitions",
            description = "Partitions of the topic when ingest creates it (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + TradeRecords.DEFAULT_PARTITIONS)
    int partitions;

    @Option(
            names = "--session",
            description = "--feed massive: sessions by the NYSE 'calendar' (open to close; 04:00-20:00 with "
                    + "--extended-hours) or one from 'now'; 'tickstock session start|stop' start and stop them either way "
                    + "(default: ${DEFAULT-VALUE}).",
            defaultValue = "calendar")
    String sessionMode;

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
        try (Lifecycle life = new Lifecycle();
                TradeSource feed = what.trades()) {
            KafkaConnection bootstrap = bootstrap(life);
            TradeLogWriter log = life.add(new TradeLogWriter(bootstrap, TradeRecords.TOPIC, partitions));
            SessionOwner owner = owner(life, files, what.universe());
            String sessionId = owner == null
                    ? null
                    : owner.start(what.symbolCount(), SessionTrigger.REPLAY).id();
            if (sessionId != null) log.session(sessionId);
            long n = Ingest.replay(
                    feed,
                    log,
                    new ReplayClock(what.fromMillis(), replay.speedValue(spec.commandLine())),
                    replay.toMillis(),
                    life::stopping,
                    sessionId);
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
            throws IOException {
        if (source != null) return source;
        List<LeanTickFile> lean = new ArrayList<>();
        Set<String> symbols = new TreeSet<>();
        for (Path p : files) {
            LeanTickFile f = new LeanTickFile(p);
            lean.add(f);
            symbols.add(f.symbol());
        }
        long from = replay.fromMillis();
        return new FeedOptions.Source(new MergedTradeSource(lean, from), replay.leanUniverse(), symbols.size(), from);
    }

    /**
     * {@code --feed massive}: streams until Ctrl-C, with sessions by the NYSE calendar (or one from now with {@code
     * --session now}) and the operators' {@code tickstock session start|stop}; each session ends with the end-of-feed
     * watermark and, once the engines have stored it all, its totals.
     */
    private int live() throws Exception {
        MassiveSubscription massive = feedOptions.massiveConfig(spec.commandLine(), replay.symbols);
        SessionSchedule schedule = replay.schedule(spec.commandLine(), sessionMode);
        try (Lifecycle life = new Lifecycle()) {
            KafkaConnection bootstrap = bootstrap(life);
            TradeLogWriter log = life.add(new TradeLogWriter(bootstrap, TradeRecords.TOPIC, partitions));
            SessionOwner owner = owner(life, List.of(), "massive:" + String.join(",", massive.topics()));
            int symbols = replay.symbols == null ? 0 : replay.symbols.size();
            LongPredicate sessions =
                    owner == null ? now -> true : new LiveSessions(schedule, owner, log, bootstrap, life, symbols);
            long n = life.runFeed(() -> {
                long written = Ingest.live(massive, log, life::stopping, sessions);
                // Ctrl-C: the shutdown waits 5 s for this loop, so the engines get 4 s to store the session's end
                long until = System.nanoTime() + 4_000_000_000L;
                if (sessions instanceof LiveSessions s) s.end(FinalStatus.STOPPED, () -> System.nanoTime() > until);
                return written;
            });
            System.out.printf(
                    "ingest stopped: %d trades to %s (%d partitions)%n", n, TradeRecords.TOPIC, log.partitions());
        }
        return 0;
    }

    /** The live sessions ingest owns: opened and closed by the schedule, asked by the feed loop. Feed thread. */
    private static final class LiveSessions implements LongPredicate {
        private final SessionSchedule schedule;
        private final SessionOwner owner;
        private final TradeLogWriter log;
        private final KafkaConnection bootstrap;
        private final Lifecycle life;
        private final int symbols;
        private final SessionCommands commands;
        private boolean open;
        private String sessionId = ""; // the open session's, once one opened

        LiveSessions(
                SessionSchedule schedule,
                SessionOwner owner,
                TradeLogWriter log,
                KafkaConnection bootstrap,
                Lifecycle life,
                int symbols) {
            this.schedule = schedule;
            this.owner = owner;
            this.log = log;
            this.bootstrap = bootstrap;
            this.life = life;
            this.symbols = symbols;
            this.commands = life.add(new SessionCommands(owner.redisUrl()));
        }

        @Override
        public boolean test(long now) {
            String command = commands.poll();
            if ("start".equals(command)) schedule.requestStart();
            else if ("stop".equals(command)) schedule.requestStop(now);
            try {
                switch (schedule.decide(now)) {
                    case START -> {
                        sessionId = owner.start(symbols, schedule.trigger()).id();
                        log.session(sessionId);
                        open = true;
                    }
                    case STOP -> end(schedule.finalStatus(), life::stopping);
                    case NONE -> {}
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return open;
        }

        /** Ends the open session, if any: the end-of-feed watermark, then the wait for the engines, then the totals. */
        void end(FinalStatus status, BooleanSupplier giveUp) throws InterruptedException {
            if (!open) return;
            open = false;
            log.endSession(sessionId); // the session's feed ends: every bar may close
            log.flush();
            endSession(owner, bootstrap, status, giveUp);
        }
    }

    /** The session's owner on the servers of the environment (embedded when unset); null with --no-session. */
    private @org.jspecify.annotations.Nullable SessionOwner owner(Lifecycle life, List<Path> files, String universe)
            throws IOException {
        if (noSession) return null;
        Infrastructure infra = life.add(Infrastructure.fromEnvironment());
        infra.print(System.out);
        EngineConfig config = replay.engineConfig(
                        spec.commandLine(), infra.redisUrl(), infra.database(), files, universe)
                .spoolIn("ingest");
        return life.add(new SessionOwner(config, System::currentTimeMillis));
    }

    /**
     * Waits until the engines have committed the end of the log (their rows are durable), then stops the session with
     * the totals they stored; Ctrl-C while waiting stops it as {@code stopped}.
     */
    static void endSession(SessionOwner owner, KafkaConnection bootstrap, Lifecycle life) throws InterruptedException {
        endSession(owner, bootstrap, FinalStatus.COMPLETED, life::stopping);
    }

    /**
     * {@link #endSession(SessionOwner, String, Lifecycle)} ending with {@code status}, or {@code stopped} when {@code
     * giveUp} says so before the engines have read to the end.
     */
    static void endSession(SessionOwner owner, KafkaConnection bootstrap, FinalStatus status, BooleanSupplier giveUp)
            throws InterruptedException {
        boolean consumed;
        try (GroupProgress group = new GroupProgress(bootstrap, TradeRecords.TOPIC, TradeRecords.GROUP)) {
            consumed = group.awaitConsumed(giveUp, System.out::println);
        }
        Events.SessionEnd end = owner.stop(consumed ? status : FinalStatus.STOPPED);
        System.out.printf(
                "session %s %s: %d patterns, %d indicator values stored by the engines%n",
                end.sessionId(), end.finalStatus(), end.totalPatterns(), end.totalIndicators());
    }

    private KafkaConnection bootstrap(Lifecycle life) throws IOException {
        return EmbeddedKafka.resolve(kafka, kafkaConfig, life, true);
    }
}
