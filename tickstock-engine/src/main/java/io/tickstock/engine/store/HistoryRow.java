package io.tickstock.engine.store;

import io.tickstock.contract.Events;
import org.jspecify.annotations.Nullable;

/** A row for one of the engine's tables; one variant per table. Times are epoch milliseconds (UTC). */
public sealed interface HistoryRow {
    /** The time the row is about (bar start, measurement, session start/stop), epoch ms. */
    long timeMillis();

    record SessionStarted(Events.SessionStart session, long timeMillis) implements HistoryRow {}

    record SessionStopped(Events.SessionEnd session, long timeMillis) implements HistoryRow {}

    record Bar(Events.Bar bar, long timeMillis) implements HistoryRow {}

    record Pattern(
            Events.PatternDetection detection, @Nullable String sessionId, long timeMillis) implements HistoryRow {}

    /** A pattern a bar correction removed: its row is deleted. */
    record PatternRetracted(@Nullable String sessionId, String symbol, String patternType, long timeMillis)
            implements HistoryRow {}

    record Indicator(
            Events.IndicatorCalculation calculation,
            String series,
            @Nullable String sessionId,
            long timeMillis) implements HistoryRow {}

    record Health(Events.Health health, long timeMillis) implements HistoryRow {}

    /**
     * An indicator alert as published, stored in {@code app_indicator_alerts} (idempotent per session, symbol, type and
     * bar) so a consumer that was away reloads it from PostgreSQL; {@code timeMillis} is the bar start.
     */
    record Alert(Events.IndicatorAlert alert, long timeMillis) implements HistoryRow {}

    /**
     * One checkpoint of the legacy integration log (the legacy {@code integration_events} checkpoints), written through {@code log_integration_event}
     * with its ten arguments. {@code details} is JSON text whose {@code timestamp} (epoch seconds) dates the
     * checkpoint; {@code confidence} and {@code userCount} may be null.
     */
    record IntegrationEvent(
            String flowId,
            String eventType,
            String source,
            String checkpoint,
            @Nullable String channel,
            @Nullable String symbol,
            @Nullable String patternName,
            @Nullable Double confidence,
            @Nullable Integer userCount,
            String details,
            long timeMillis)
            implements HistoryRow {}
}
