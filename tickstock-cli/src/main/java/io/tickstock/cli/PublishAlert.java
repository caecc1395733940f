package io.tickstock.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tickstock publish alert}: one {@code indicator_alert}. */
@Command(name = "alert", mixinStandardHelpOptions = true, description = "Publish one indicator_alert.")
final class PublishAlert implements Callable<Integer> {
    @Mixin
    PublishTarget target;

    @Option(names = "--symbol", defaultValue = "SPY", description = "Symbol (default: ${DEFAULT-VALUE}).")
    String symbol;

    @Option(names = "--type", defaultValue = "RSI_OVERBOUGHT", description = "alert_type (default: ${DEFAULT-VALUE}).")
    String type;

    @Option(names = "--indicator", defaultValue = "RSI", description = "Indicator (default: ${DEFAULT-VALUE}).")
    String indicator;

    @Option(names = "--value", defaultValue = "75.5", description = "Indicator value (default: ${DEFAULT-VALUE}).")
    double value;

    @Option(names = "--threshold", defaultValue = "70", description = "Threshold (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(
            names = "--severity",
            defaultValue = "warning",
            description = "info, warning, error or critical (default: ${DEFAULT-VALUE}).")
    String severity;

    @Override
    public Integer call() throws Exception {
        String sid = target.with(r -> Optional.ofNullable(PublishCommand.currentSession(r)))
                .orElse(null);
        return target.publishOne(ScenarioEvents.alert(
                System.currentTimeMillis(), symbol, type, indicator, value, threshold, severity, sid));
    }
}
