package io.tickstock.testkit;

import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Redis messages in the contract's single forms, written from its records ({@link Events}) the way the engine writes
 * them, for tests and load generators that publish without an engine. Times are epoch ms, written as ISO UTC; every
 * message is one-minute and its bar data a flat 100.
 */
public final class ContractMessages {
    private static final Events.BarData BAR = new Events.BarData(100, 100, 100, 100, 1_000);

    private ContractMessages() {}

    /** A {@code streaming_pattern} published at {@code publishedMillis} for the bar starting at {@code barMillis}. */
    public static String pattern(
            long publishedMillis,
            String symbol,
            String type,
            double confidence,
            String direction,
            long barMillis,
            Map<String, Object> metadata) {
        return Json.write(new Events.PatternEvent(
                IsoTime.format(publishedMillis),
                new Events.PatternDetection(
                        symbol,
                        type,
                        confidence,
                        IsoTime.format(barMillis),
                        "1min",
                        direction,
                        BAR,
                        Map.of(),
                        metadata)));
    }

    /** An {@code indicator_alert}; {@code data} holds indicator, value, threshold and direction. */
    public static String alert(
            long publishedMillis,
            String symbol,
            String alertType,
            long barMillis,
            String severity,
            Map<String, Object> data,
            @Nullable String sessionId) {
        return Json.write(new Events.IndicatorAlertEvent(
                IsoTime.format(publishedMillis),
                new Events.IndicatorAlert(symbol, alertType, IsoTime.format(barMillis), data, severity, sessionId)));
    }

    /** A {@code streaming_indicator} with one output, {@code value}. */
    public static String indicator(
            long publishedMillis,
            String symbol,
            String indicator,
            double value,
            long barMillis,
            Map<String, Object> metadata) {
        return Json.write(new Events.IndicatorEvent(
                IsoTime.format(publishedMillis),
                new Events.IndicatorCalculation(
                        symbol,
                        indicator,
                        value,
                        Map.of("value", value),
                        IsoTime.format(barMillis),
                        "1min",
                        metadata)));
    }
}
