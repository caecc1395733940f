package io.tickstock.app.stream;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The identities of the most recent {@code capacity} patterns (session, symbol, pattern type, bar start) and
 * indicator alerts (session, symbol, alert type, bar start) sent to the browsers, so that one that arrives twice —
 * from Redis and from the PostgreSQL reload after a reconnect, or re-published by the engine after a Redis outage —
 * is delivered once. Not thread-safe (the dispatcher thread owns it).
 */
final class RecentPatterns {
    private final Map<String, Boolean> keys;

    RecentPatterns(int capacity) {
        this.keys = new LinkedHashMap<>(1 << 12, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers {@code detection}; returns false when this pattern was already seen. */
    boolean add(JsonNode detection) {
        return keys.put(key(detection), Boolean.TRUE) == null;
    }

    /** Remembers {@code alert}; returns false when this indicator alert was already seen. */
    boolean addAlert(JsonNode alert) {
        return keys.put(
                        alert.path("session_id").asText() + '|'
                                + alert.path("symbol").asText() + "|alert:"
                                + alert.path("alert_type").asText() + '|'
                                + alert.path("timestamp").asText(),
                        Boolean.TRUE)
                == null;
    }

    /** Forgets a retracted pattern, so that a later re-detection of the same bar is delivered. */
    void remove(JsonNode detection) {
        keys.remove(key(detection));
    }

    private static String key(JsonNode d) {
        return d.path("metadata").path("session_id").asText(d.path("session_id").asText())
                + '|'
                + d.path("symbol").asText()
                + '|'
                + d.path("pattern_type").asText()
                + '|'
                + d.path("timestamp").asText();
    }
}
