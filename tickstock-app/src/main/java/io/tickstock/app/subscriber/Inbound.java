package io.tickstock.app.subscriber;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.contract.Events;
import org.jspecify.annotations.Nullable;

/**
 * One event read from Redis ({@link MessageReader}) or reloaded from PostgreSQL, as the contract's record of its kind
 * ({@link Event}). Two kinds stay JSON trees because the app passes them on untouched: health (forwarded to browsers
 * as the producer sent it; its sub-objects are optional in the seeds' Phase 5 form) and the legacy pattern envelope
 * (written to the integration log).
 *
 * @param channel           the Redis channel, or {@code postgresql:reload} for reloaded events
 * @param publishedAtMillis the event's top-level publication time, epoch ms (receipt time when absent)
 * @param receivedAtMillis  when the subscriber took the message from Redis, epoch ms (-1 when not known)
 */
public record Inbound(String channel, Inbound.Event event, long publishedAtMillis, long receivedAtMillis) {
    public Inbound(String channel, Event event, long publishedAtMillis) {
        this(channel, event, publishedAtMillis, -1);
    }

    /** This event with the time its message was received. */
    public Inbound receivedAt(long millis) {
        return new Inbound(channel, event, publishedAtMillis, millis);
    }

    /** What an inbound message carries, by kind. */
    public sealed interface Event
            permits SessionStarted,
                    SessionStopped,
                    Health,
                    Pattern,
                    Indicator,
                    Alert,
                    Critical,
                    Bar,
                    Persistence,
                    LegacyPattern,
                    LegacyHealth,
                    Backtest {}

    /** {@code tickstock:streaming:session_started}. */
    public record SessionStarted(SessionView session) implements Event {}

    /** {@code tickstock:streaming:session_stopped}: the stop's fields (totals, final status). */
    public record SessionStopped(SessionView session) implements Event {}

    /** {@code tickstock:streaming:health}: the canonical {@code health} object, checked, passed on as a tree. */
    public record Health(ObjectNode health) implements Event {}

    /** One detection of {@code tickstock:patterns:streaming} or {@code tickstock:patterns:detected}. */
    public record Pattern(Events.PatternDetection detection) implements Event {
        /** Whether a bar correction retracted this detection ({@code metadata.retracted}). */
        public boolean retracted() {
            return Boolean.TRUE.equals(detection.metadata().get("retracted"));
        }
    }

    /** One value of {@code tickstock:indicators:streaming}. */
    public record Indicator(Events.IndicatorCalculation calculation) implements Event {}

    /** {@code tickstock:alerts:indicators}. */
    public record Alert(Events.IndicatorAlert alert) implements Event {}

    /** {@code tickstock:alerts:critical}. */
    public record Critical(Events.CriticalAlert alert) implements Event {}

    /** {@code tickstock:bars:streaming}: a closed bar, or its correction when {@code revision} is set. */
    public record Bar(Events.Bar bar, @Nullable Integer revision) implements Event {}

    /** {@code tickstock:streaming:persistence}: one batch written to PostgreSQL. */
    public record Persistence(String table, long rows) implements Event {}

    /** The legacy {@code tickstock.events.patterns} envelope's {@code data}, for the integration log. */
    public record LegacyPattern(ObjectNode data) implements Event {}

    /**
     * A backtest job's {@code backtest_progress} or {@code backtest_result} ({@code data}: job_id, progress or status,
     * and for a result its error and summary, not the full results), passed on to the browsers of its {@code owner}
     * (the job's {@code user_id}; null: a job without an owner, shown to no browser).
     */
    public record Backtest(String event, @Nullable String owner, ObjectNode data) implements Event {}

    /** The legacy {@code tickstock.health.status} status. */
    public record LegacyHealth(String status) implements Event {}
}
