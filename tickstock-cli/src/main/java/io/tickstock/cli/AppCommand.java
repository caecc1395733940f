package io.tickstock.cli;

import io.tickstock.app.App;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tickstock app}: the dashboard app alone. */
@Command(
        name = "app",
        mixinStandardHelpOptions = true,
        description = {
            "Run the dashboard app alone: Redis subscriber, WebSocket, REST history API and login.",
            "Set TICKSTOCK_REDIS_URL and TICKSTOCK_DATABASE_URL to the engine's servers."
        })
public final class AppCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AppOptions appOptions;

    @Option(
            names = "--max-symbols",
            defaultValue = "20000",
            description = "Most symbols the app keeps per session; bars of further symbols are refused and counted "
                    + "(tickstock_app_symbols_refused_total) (default: ${DEFAULT-VALUE}).")
    int maxSymbols;

    @Override
    public Integer call() throws Exception {
        if (maxSymbols < 1)
            throw new ParameterException(spec.commandLine(), "--max-symbols must be at least 1, was " + maxSymbols);
        try (Lifecycle life = new Lifecycle()) {
            Infrastructure infra = life.add(Infrastructure.fromEnvironment());
            App app = life.add(new App(
                            appOptions.appConfig(infra.redisUrl(), infra.database(), maxSymbols),
                            System::currentTimeMillis)
                    .start());
            infra.print(System.out);
            AppOptions.printDashboard(app, System.out);
            life.awaitShutdown();
        }
        return 0;
    }
}
