package io.tickstock.app.subscriber;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One event read from Redis, normalized to the canonical inner object of CONTRACT.md (the {@code session},
 * {@code health}, {@code detection}, {@code calculation}, {@code alert}, {@code bar} or {@code batch}).
 *
 * @param publishedAtMillis the event's top-level publication time, epoch ms (receipt time when absent)
 * @param receivedAtMillis  when the subscriber took the message from Redis, epoch ms (-1 when not known)
 */
public record Inbound(Kind kind, String channel, ObjectNode data, long publishedAtMillis, long receivedAtMillis) {
    public Inbound(Kind kind, String channel, ObjectNode data, long publishedAtMillis) {
        this(kind, channel, data, publishedAtMillis, -1);
    }

    /** This event with the time its message was received. */
    public Inbound receivedAt(long millis) {
        return new Inbound(kind, channel, data, publishedAtMillis, millis);
    }

    public enum Kind {
        SESSION_STARTED,
        SESSION_STOPPED,
        HEALTH,
        PATTERN,
        INDICATOR,
        ALERT,
        CRITICAL,
        BAR,
        BAR_CORRECTION,
        PERSISTENCE,
        LEGACY_PATTERN,
        LEGACY_HEALTH
    }
}
