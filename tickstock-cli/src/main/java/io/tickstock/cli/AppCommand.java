package io.tickstock.cli;

import io.tickstock.app.App;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tickstock app}: the dashboard app alone. */
@Command(
        name = "app",
        mixinStandardHelpOptions = true,
        description = {
            "Run the dashboard app alone: Redis subscriber, WebSocket, REST history API and login.",
            "Set TICKSTOCK_REDIS_URL and TICKSTOCK_DATABASE_URL to the engine's servers."
        })
public final class AppCommand implements Callable<Integer> {
    @Mixin
    AppOptions appOptions;

    @Override
    public Integer call() throws Exception {
        try (Lifecycle life = new Lifecycle()) {
            Infrastructure infra = life.add(Infrastructure.fromEnvironment());
            App app = life.add(
                    new App(appOptions.appConfig(infra.redisUrl(), infra.database()), System::currentTimeMillis)
                            .start());
            infra.print(System.out);
            AppOptions.printDashboard(app, System.out);
            life.awaitShutdown();
        }
        return 0;
    }
}
