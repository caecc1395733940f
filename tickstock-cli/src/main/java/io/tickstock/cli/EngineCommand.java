package io.tickstock.cli;

import io.tickstock.contract.Events;
import io.tickstock.engine.Engine;
import io.tickstock.engine.EngineConfig;
import io.tickstock.engine.feed.MassiveClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tickstock engine}: the producer alone. */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = {"Run the streaming engine alone: replay recorded LEAN trades (or, with --feed massive, stream the Massive WebSocket "
                + "with the key in TICKSTOCK_MASSIVE_API_KEY) into Redis and PostgreSQL.",
                "Set TICKSTOCK_REDIS_URL and TICKSTOCK_DATABASE_URL to share servers with a separate 'tickstock app'."})
public final class EngineCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ReplayOptions replay;
    @Mixin FeedOptions feedOptions;

    @Option(names = "--exit-after-replay", description = "Exit when the replay ends instead of staying up (heartbeat, health).")
    boolean exitAfterReplay;

    @Override
    public Integer call() throws Exception {
        FeedOptions.Kind kind = feedOptions.kind(spec.commandLine());
        boolean massive = kind == FeedOptions.Kind.MASSIVE;
        MassiveClient.Config feed = massive ? feedOptions.massiveConfig(spec.commandLine(), replay.symbols) : null;
        List<Path> files = (kind == FeedOptions.Kind.REPLAY && feedOptions.inputs == null) || kind == FeedOptions.Kind.CLONE
                ? replay.tickFiles(spec.commandLine()) : List.of();
        FeedOptions.Source source = feedOptions.source(spec.commandLine(), replay.symbols, files, replay.date, replay.fromMillis());
        try (Lifecycle life = new Lifecycle()) {
            Infrastructure infra = life.add(Infrastructure.fromEnvironment());
            infra.print(System.out);
            EngineConfig config = massive
                    ? replay.engineConfig(spec.commandLine(), infra.redisUrl(), infra.database(), List.of(), "massive:" + String.join(",", feed.topics()))
                    : source != null ? replay.engineConfig(spec.commandLine(), infra.redisUrl(), infra.database(), files, source.universe())
                    : replay.engineConfig(spec.commandLine(), infra.redisUrl(), infra.database());
            Engine engine = life.add(new Engine(config, System::currentTimeMillis).start());
            if (massive) {
                Events.SessionEnd end = life.runFeed(() ->
                        engine.stream(feed, replay.symbols == null ? 0 : replay.symbols.size(), life::stopping));
                System.out.printf("feed stopped: session %s, %d patterns, %d indicator values%n",
                        end.sessionId(), end.totalPatterns(), end.totalIndicators());
                return 0;
            }
            Events.SessionEnd end;
            try (ReplayProgress progress = new ReplayProgress(engine)) {
                end = source != null
                        ? engine.replay(source.trades(), source.symbolCount(), source.fromMillis(), replay.toMillis()) : engine.replay();
            }
            System.out.printf("replay finished: session %s, %d patterns, %d indicator values%n",
                    end.sessionId(), end.totalPatterns(), end.totalIndicators());
            if (!exitAfterReplay) life.awaitShutdown();
        }
        return 0;
    }
}
