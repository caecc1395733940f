package io.tickstock.cli;

import io.tickstock.contract.Events;
import io.tickstock.engine.Engine;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tickstock engine}: the producer alone. */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = {"Run the streaming engine alone: replay recorded LEAN trades into Redis and PostgreSQL.",
                "Set TICKSTOCK_REDIS_URL and TICKSTOCK_DATABASE_URL to share servers with a separate 'tickstock app'."})
public final class EngineCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ReplayOptions replay;

    @Option(names = "--exit-after-replay", description = "Exit when the replay ends instead of staying up (heartbeat, health).")
    boolean exitAfterReplay;

    @Override
    public Integer call() throws Exception {
        replay.tickFiles(spec.commandLine());
        try (Lifecycle life = new Lifecycle()) {
            Infrastructure infra = life.add(Infrastructure.fromEnvironment());
            infra.print(System.out);
            Engine engine = life.add(new Engine(replay.engineConfig(spec.commandLine(), infra.redisUrl(), infra.database()),
                    System::currentTimeMillis).start());
            Events.SessionEnd end = engine.replay();
            System.out.printf("replay finished: session %s, %d patterns, %d indicator values%n",
                    end.sessionId(), end.totalPatterns(), end.totalIndicators());
            if (!exitAfterReplay) life.awaitShutdown();
        }
        return 0;
    }
}
