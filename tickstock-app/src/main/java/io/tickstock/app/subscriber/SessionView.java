package io.tickstock.app.subscriber;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.contract.Json;
import org.jspecify.annotations.Nullable;

/**
 * A streaming session as the app knows it: the contract's {@code session} object of the start (the integration contract "Session
 * started") and, once stopped, the stop's fields merged in ("Session stopped"). Fields a message does not carry are
 * null and left out of the JSON. Times are ISO-8601 UTC text; durations in seconds. Immutable.
 *
 * @param status {@code active} while running, {@code stopped} after a stop (the stop's outcome is {@code finalStatus})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(
        String sessionId,
        @Nullable String universe,
        @Nullable String startedAt,
        @Nullable Integer symbolCount,
        String status,
        @Nullable String triggerType,
        @Nullable String stoppedAt,
        @Nullable Long durationSeconds,
        @Nullable Long totalPatterns,
        @Nullable Long totalIndicators,
        @Nullable String finalStatus) {

    /**
     * Reads a session object with the contract's snake_case names (unknown fields ignored).
     *
     * @throws IllegalArgumentException when {@code session_id} is missing or a field has the wrong type
     */
    public static SessionView of(JsonNode session) {
        SessionView v;
        try {
            v = Json.MAPPER.treeToValue(session, SessionView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a session object: " + e.getOriginalMessage(), e);
        }
        if (v.sessionId() == null) throw new IllegalArgumentException("session object without session_id");
        return v.status() == null ? v.withStatus("active") : v;
    }

    /** This session with {@code stop}'s non-null fields and status {@code stopped}. */
    public SessionView stoppedBy(SessionView stop) {
        return new SessionView(
                sessionId,
                or(stop.universe, universe),
                or(stop.startedAt, startedAt),
                or(stop.symbolCount, symbolCount),
                "stopped",
                or(stop.triggerType, triggerType),
                or(stop.stoppedAt, stoppedAt),
                or(stop.durationSeconds, durationSeconds),
                or(stop.totalPatterns, totalPatterns),
                or(stop.totalIndicators, totalIndicators),
                or(stop.finalStatus, finalStatus));
    }

    /** This session with another status. */
    public SessionView withStatus(String status) {
        return new SessionView(
                sessionId,
                universe,
                startedAt,
                symbolCount,
                status,
                triggerType,
                stoppedAt,
                durationSeconds,
                totalPatterns,
                totalIndicators,
                finalStatus);
    }

    private static <T> @Nullable T or(@Nullable T preferred, @Nullable T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
