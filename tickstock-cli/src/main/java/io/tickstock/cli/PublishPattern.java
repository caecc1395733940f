package io.tickstock.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code tickstock publish pattern}: one {@code streaming_pattern}. */
@Command(name = "pattern", mixinStandardHelpOptions = true, description = "Publish one streaming_pattern.")
final class PublishPattern implements Callable<Integer> {
    @Mixin
    PublishTarget target;

    @Option(names = "--symbol", defaultValue = "SPY", description = "Symbol (default: ${DEFAULT-VALUE}).")
    String symbol;

    @Option(
            names = "--pattern",
            defaultValue = "Hammer",
            description = "pattern_type, e.g. Hammer, BullishEngulfing (default: ${DEFAULT-VALUE}).")
    String pattern;

    @Option(names = "--confidence", defaultValue = "0.85", description = "0..1 (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(
            names = "--direction",
            defaultValue = "bullish",
            description = "bullish, bearish or neutral (default: ${DEFAULT-VALUE}).")
    String direction;

    @Option(names = "--price", defaultValue = "100", description = "The bar's price (default: ${DEFAULT-VALUE}).")
    double price;

    @Option(names = "--session-id", description = "Session (default: the running session, if any).")
    @Nullable
    String sessionId;

    @Override
    public Integer call() throws Exception {
        if (!(confidence >= 0 && confidence <= 1))
            throw new ParameterException(target.spec.commandLine(), "--confidence must be in [0, 1]");
        if (!List.of("bullish", "bearish", "neutral").contains(direction))
            throw new ParameterException(target.spec.commandLine(), "--direction must be bullish, bearish or neutral");
        String sid = sessionId != null
                ? sessionId
                : target.with(r -> Optional.ofNullable(PublishCommand.currentSession(r)))
                        .orElse(null);
        return target.publishOne(
                ScenarioEvents.pattern(System.currentTimeMillis(), symbol, pattern, confidence, direction, price, sid));
    }
}
