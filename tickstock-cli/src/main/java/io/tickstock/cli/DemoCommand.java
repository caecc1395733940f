package io.tickstock.cli;

import io.tickstock.app.App;
import io.tickstock.contract.Events;
import io.tickstock.engine.Engine;
import io.tickstock.engine.EngineConfig;
import io.tickstock.engine.feed.MassiveClient;
import io.tickstock.engine.session.SessionSchedule;
import io.tickstock.testkit.FakeMassiveServer;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
            App app = life.add(
                    new App(appOptions.appConfig(infra.redisUrl(), infra.database()), System::currentTimeMillis)
                            .start());
            infra.print(out);
            AppOptions.printDashboard(app, out);
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

    /** The same ticks through a local fake Massive server and the engine's real Massive client. */
    private Events.SessionEnd throughFakeMassive(Lifecycle life, Engine engine, List<Path> files, PrintStream out)
            throws Exception {
        String key = UUID.randomUUID().toString();
        long from = replay.fromMillis();
        FakeMassiveServer server = life.add(new FakeMassiveServer(
                0, key, () -> TradeFiles.open(files, from), replay.speedValue(spec.commandLine())));
        out.println("feed: Massive protocol from " + server.url() + " (fake server replaying the ticks)");
        List<String> symbols = files.stream()
                .map(io.tickstock.engine.feed.LeanTickFile::folderName)
                .toList();
        MassiveClient.Config feed =
                new MassiveClient.Config(URI.create(server.url()), key, feedOptions.topics(symbols), 100_000);
        return life.runFeed(() -> engine.stream(
                feed,
                symbols.size(),
                SessionSchedule.immediate(),
                () -> life.stopping()
                        || (server.finishedAt() > 0 && System.currentTimeMillis() - server.finishedAt() > 2_000)));
    }
}
