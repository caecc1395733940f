package io.tickstock.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code tickstock publish health}: one {@code streaming_health}. */
@Command(name = "health", mixinStandardHelpOptions = true, description = "Publish one streaming_health.")
final class PublishHealth implements Callable<Integer> {
    @Mixin
    PublishTarget target;

    @Option(
            names = "--status",
            defaultValue = "healthy",
            description = "healthy, warning or critical (default: ${DEFAULT-VALUE}).")
    String status;

    @Option(names = "--active-symbols", defaultValue = "500", description = "(default: ${DEFAULT-VALUE}).")
    int activeSymbols;

    @Option(names = "--issue", description = "An issue explaining a warning or critical status (repeatable).")
    List<String> issues = List.of();

    @Override
    public Integer call() throws Exception {
        if (!List.of("healthy", "warning", "critical").contains(status))
            throw new ParameterException(target.spec.commandLine(), "--status must be healthy, warning or critical");
        String sid = target.with(r -> Optional.ofNullable(PublishCommand.currentSession(r)))
                .orElse(null);
        return target.publishOne(ScenarioEvents.health(
                System.currentTimeMillis(),
                status,
                activeSymbols,
                status.equals("critical") ? "disconnected" : "connected",
                1_000,
                issues,
                sid));
    }
}
