package io.tickstock.cli;

import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tickstock publish critical}: one {@code critical_alert}, or its recovery. */
@Command(name = "critical", mixinStandardHelpOptions = true, description = "Publish one critical_alert.")
final class PublishCritical implements Callable<Integer> {
    @Mixin
    PublishTarget target;

    @Option(
            names = "--message",
            defaultValue = "WebSocket connection lost",
            description = "(default: ${DEFAULT-VALUE}).")
    String message;

    @Option(
            names = "--severity",
            defaultValue = "critical",
            description = "info, warning, error or critical (default: ${DEFAULT-VALUE}).")
    String severity;

    @Option(names = "--component", defaultValue = "market_feed", description = "(default: ${DEFAULT-VALUE}).")
    String component;

    @Option(names = "--recovery", description = "Publish a recovery (severity info) with this text.")
    @Nullable
    String recovery;

    @Override
    public Integer call() throws Exception {
        return target.publishOne(ScenarioEvents.critical(
                System.currentTimeMillis(),
                recovery != null ? "info" : severity,
                component,
                message,
                recovery != null ? null : "Check " + component,
                recovery));
    }
}
