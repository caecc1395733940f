package io.tickstock.cli;

import io.tickstock.app.App;
import io.tickstock.contract.Events;
import io.tickstock.engine.Engine;
import io.tickstock.engine.EngineConfig;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tickstock demo}: engine and app together over Redis and PostgreSQL, replaying real trades. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the engine and the dashboard app, replay recorded LEAN trades through them, then keep serving until Ctrl-C.",
                "Uses TICKSTOCK_REDIS_URL and TICKSTOCK_DATABASE_URL when set, else starts an embedded Redis and PostgreSQL."})
public final class DemoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ReplayOptions replay;
    @Mixin AppOptions appOptions;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        replay.tickFiles(spec.commandLine()); // fail fast on bad options, before starting servers
        try (Lifecycle life = new Lifecycle()) {
            Infrastructure infra = life.add(Infrastructure.fromEnvironment());
            EngineConfig engineConfig = replay.engineConfig(spec.commandLine(), infra.redisUrl(), infra.database());
            App app = life.add(new App(appOptions.appConfig(infra.redisUrl(), infra.database()), System::currentTimeMillis).start());
            infra.print(out);
            AppOptions.printDashboard(app, out);
            Engine engine = life.add(new Engine(engineConfig, System::currentTimeMillis).start());
            Events.SessionEnd end = engine.replay();
            out.printf("replay finished: session %s, %d patterns, %d indicator values; serving until Ctrl-C%n",
                    end.sessionId(), end.totalPatterns(), end.totalIndicators());
            out.flush();
            life.awaitShutdown();
        }
        return 0;
    }
}
