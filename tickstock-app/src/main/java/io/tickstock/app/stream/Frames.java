package io.tickstock.app.stream;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tickstock.app.subscriber.SessionView;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Browser frames of the integration contract: {@code {"event":"<name>","data":{…}}} with the event names the legacy dashboard listens for; {@code data}
 * is any value {@link Json} serializes (the contract's records, {@link StreamItem}s, trees passed through).
 * Thread-safe (stateless).
 */
public final class Frames {
    private Frames() {}

    /** An event that is not a {@link StreamItem} (a critical alert) with its publication time, ISO-8601 UTC. */
    public record Stamped<T>(@JsonUnwrapped T event, String publishedAt) {}

    public static String frame(String event, Object data) {
        Map<String, Object> f = new LinkedHashMap<>(4);
        f.put("event", event);
        f.put("data", data);
        return Json.write(f);
    }

    /** {@code streaming_session} with {@code type} started or stopped and the {@code session} object. */
    public static String session(boolean started, SessionView session) {
        Map<String, Object> d = new LinkedHashMap<>(4);
        d.put("type", started ? "streaming_session_started" : "streaming_session_stopped");
        d.put("session", session);
        return frame("streaming_session", d);
    }

    /** {@code streaming_health} with the {@code health} object. */
    public static String health(Object health) {
        return frame("streaming_health", Map.of("health", health));
    }

    /** One detection ({@code streaming_pattern}, or {@code streaming_pattern_retracted}) as {@code {"detection":…}}. */
    public static String detection(String event, StreamItem.Pattern pattern) {
        return frame(event, Map.of("detection", pattern));
    }

    /**
     * A batch frame ({@code streaming_patterns_batch}, {@code streaming_indicators_batch}, {@code streaming_bars_batch}):
     * {@code field} holds the items, with their {@code count} and the batch's {@code timestamp}.
     */
    public static String batch(String event, String field, List<?> items, long nowMillis) {
        Map<String, Object> d = new LinkedHashMap<>(4);
        d.put(field, items);
        d.put("count", items.size());
        d.put("timestamp", IsoTime.format(nowMillis));
        return frame(event, d);
    }
}
