package io.tickstock.cli;

import io.tickstock.contract.Channels;
import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One contract-valid message of each kind (the integration contract's canonical single forms, written from {@link Events}), for
 * {@code tickstock publish}: what a producer would send, with the given fields and defaults for the rest. Times are
 * epoch ms, written as ISO-8601 UTC; a detection's and an alert's bar is the minute of {@code nowMillis}. Pure.
 */
final class ScenarioEvents {
    private ScenarioEvents() {}

    /** A message and the channel it goes to. */
    record Message(String channel, String json) {}

    static long minute(long millis) {
        return Math.floorDiv(millis, 60_000L) * 60_000L;
    }

    /**
     * A {@code streaming_pattern} on {@link Channels#PATTERNS_STREAMING}, its bar a flat {@code price}; metadata as the
     * contract requires ({@code session_id}: {@code sessionId}, else a new one; {@code detection_method}; a new
     * {@code pattern_id}).
     */
    static Message pattern(
            long nowMillis,
            String symbol,
            String patternType,
            double confidence,
            String direction,
            double price,
            @Nullable String sessionId) {
        // the contract's required metadata; a pattern published outside a session gets a session id of its own
        Map<String, Object> metadata = Map.of(
                "session_id",
                sessionId != null ? sessionId : UUID.randomUUID().toString(),
                "detection_method",
                "tickstock publish (test event)",
                "pattern_id",
                UUID.randomUUID().toString());
        return new Message(
                Channels.PATTERNS_STREAMING,
                Json.write(new Events.PatternEvent(
                        IsoTime.format(nowMillis),
                        new Events.PatternDetection(
                                symbol,
                                patternType,
                                confidence,
                                IsoTime.format(minute(nowMillis)),
                                "1min",
                                direction,
                                new Events.BarData(price, price, price, price, 1_000),
                                Map.of(),
                                metadata))));
    }

    /** An {@code indicator_alert} on {@link Channels#ALERTS_INDICATORS} ({@code RSI_OVERBOUGHT} and the like). */
    static Message alert(
            long nowMillis,
            String symbol,
            String alertType,
            String indicator,
            double value,
            double threshold,
            String severity,
            @Nullable String sessionId) {
        Map<String, Object> data = Map.of(
                "indicator",
                indicator,
                "value",
                value,
                "threshold",
                threshold,
                "direction",
                value >= threshold ? "above" : "below");
        return new Message(
                Channels.ALERTS_INDICATORS,
                Json.write(new Events.IndicatorAlertEvent(
                        IsoTime.format(nowMillis),
                        new Events.IndicatorAlert(
                                symbol, alertType, IsoTime.format(minute(nowMillis)), data, severity, sessionId))));
    }

    /** A {@code streaming_health} on {@link Channels#HEALTH}; {@code issues} explain a warning or critical status. */
    static Message health(
            long nowMillis,
            String status,
            int activeSymbols,
            String connectionStatus,
            double ticksPerSecond,
            List<String> issues,
            @Nullable String sessionId) {
        return new Message(
                Channels.HEALTH,
                Json.write(new Events.HealthEvent(
                        IsoTime.format(nowMillis),
                        new Events.Health(
                                status,
                                IsoTime.format(nowMillis),
                                sessionId,
                                activeSymbols,
                                connectionStatus,
                                new Events.DataFlow(ticksPerSecond, activeSymbols, 25),
                                new Events.ResourceUsage(12.5, 512, 24),
                                new Events.StaleSymbols(0, List.of()),
                                issues,
                                ticksPerSecond,
                                null))));
    }

    /** A {@code critical_alert} on {@link Channels#ALERTS_CRITICAL}; with {@code recovery} set, its recovery. */
    static Message critical(
            long nowMillis,
            String severity,
            String component,
            String message,
            @Nullable String actionRequired,
            @Nullable String recovery) {
        return new Message(
                Channels.ALERTS_CRITICAL,
                Json.write(new Events.CriticalAlertEvent(
                        IsoTime.format(nowMillis),
                        new Events.CriticalAlert(
                                severity, message, IsoTime.format(nowMillis), component, actionRequired, recovery))));
    }

    /** A {@code streaming_session_started} on {@link Channels#SESSION_STARTED}. */
    static Message sessionStarted(long nowMillis, String sessionId, String universe, int symbolCount) {
        return new Message(
                Channels.SESSION_STARTED,
                Json.write(new Events.SessionStarted(
                        IsoTime.format(nowMillis),
                        new Events.SessionStart(
                                sessionId, universe, IsoTime.format(nowMillis), symbolCount, "active", "manual"))));
    }

    /** A {@code streaming_session_stopped} on {@link Channels#SESSION_STOPPED} with the session's totals. */
    static Message sessionStopped(
            long nowMillis,
            String sessionId,
            long durationSeconds,
            long totalPatterns,
            long totalIndicators,
            String finalStatus) {
        return new Message(
                Channels.SESSION_STOPPED,
                Json.write(new Events.SessionStopped(
                        IsoTime.format(nowMillis),
                        new Events.SessionEnd(
                                sessionId,
                                IsoTime.format(nowMillis),
                                durationSeconds,
                                totalPatterns,
                                totalIndicators,
                                finalStatus))));
    }
}
