package io.tickstock.cli;

import io.tickstock.testkit.FakeMassiveServer;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tickstock fake-massive}: a local Massive stocks WebSocket replaying recorded trades. */
@Command(
        name = "fake-massive",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the Massive stocks WebSocket protocol on ws://127.0.0.1:<port>/stocks, replaying recorded trades "
                    + "(LEAN tick zips and/or Massive trades flat files, merged in time order) to subscribed clients.",
            "Accepts the key in TICKSTOCK_MASSIVE_API_KEY (else generates one and prints it); refuses others with auth_failed.",
            "Also answers GET /v3/reference/conditions (the bundled rules) on the same port."
        })
public final class FakeMassiveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "Port; 0 = a free one (default: ${DEFAULT-VALUE}).", defaultValue = "8765")
    int port;

    @Option(
            names = "--input",
            required = true,
            split = ",",
            description = "Trade files: LEAN tick zips or Massive .csv.gz flat files.")
    List<Path> inputs;

    @Option(
            names = "--speed",
            description = "Multiple of real time, or 'max' (default: ${DEFAULT-VALUE}).",
            defaultValue = "60")
    String speed;

    @Option(
            names = "--disconnect-every",
            description = "Drop every connection from the server side every N seconds (fault drills; default: never).")
    Integer disconnectEverySeconds;

    @Override
    public Integer call() throws Exception {
        double pace = ReplayOptions.parseSpeed(spec.commandLine(), speed);
        for (Path p : inputs) {
            if (!p.toFile().isFile()) throw new ParameterException(spec.commandLine(), "--input: no such file " + p);
        }
        String key = System.getenv(FeedOptions.API_KEY_VARIABLE);
        boolean generated = key == null || key.isBlank();
        if (generated) key = UUID.randomUUID().toString();
        try (Lifecycle life = new Lifecycle()) {
            FakeMassiveServer server = life.add(
                    new FakeMassiveServer(port, key.trim(), () -> TradeFiles.open(inputs, Long.MIN_VALUE), pace));
            System.out.println("fake massive: " + server.url());
            if (generated)
                System.out.println("api key: " + key
                        + "   (this fake server's own; export TICKSTOCK_MASSIVE_API_KEY to choose it)");
            System.out.flush();
            if (disconnectEverySeconds != null) {
                if (disconnectEverySeconds < 1)
                    throw new ParameterException(spec.commandLine(), "--disconnect-every must be >= 1 second");
                var drills = Executors.newSingleThreadScheduledExecutor(r ->
                        Thread.ofPlatform().daemon().name("fake-massive-drill").unstarted(r));
                var drill = drills.scheduleAtFixedRate(
                        server::dropAll, disconnectEverySeconds, disconnectEverySeconds, TimeUnit.SECONDS);
                life.add(() -> drill.cancel(true));
                life.add(drills::shutdownNow);
            }
            life.awaitShutdown();
        }
        return 0;
    }
}
