package io.tickstock.app.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What waits for the {@link StreamingBuffer}'s next flush: patterns below the at-once confidence in arrival order, the
 * latest indicator value per series (symbol + TA-Lib name + parameters, compared as JSON trees) and the latest bar
 * per symbol and minute. Thread-safe: the dispatcher adds, the buffer's thread takes.
 */
final class PendingBatch {
    private record Series(String symbol, String indicator, JsonNode parameters) {}

    /** One flush's worth, each list in arrival order (a coalesced item keeps its first place). */
    record Taken(List<ObjectNode> patterns, List<ObjectNode> indicators, List<ObjectNode> bars) {}

    private List<ObjectNode> patterns = new ArrayList<>();
    private Map<Series, ObjectNode> indicators = new LinkedHashMap<>();
    private Map<String, ObjectNode> bars = new LinkedHashMap<>();

    synchronized void pattern(ObjectNode detection) {
        patterns.add(detection);
    }

    /** Adds an indicator value; returns true when it replaced a waiting value of the same series. */
    synchronized boolean indicator(ObjectNode value) {
        Series key = new Series(
                value.path("symbol").asText(), value.path("indicator").asText(), value.path("metadata"));
        return indicators.put(key, value) != null;
    }

    /** Adds a bar (or its correction); returns true when it replaced a waiting bar of the same symbol and minute. */
    synchronized boolean bar(ObjectNode bar) {
        return bars.put(
                        bar.path("symbol").asText() + "|"
                                + bar.path("timestamp").asText(),
                        bar)
                != null;
    }

    /** Takes everything waiting; null when nothing is. */
    synchronized @Nullable Taken take() {
        if (patterns.isEmpty() && indicators.isEmpty() && bars.isEmpty()) return null;
        Taken t = new Taken(patterns, new ArrayList<>(indicators.values()), new ArrayList<>(bars.values()));
        patterns = new ArrayList<>();
        indicators = new LinkedHashMap<>();
        bars = new LinkedHashMap<>();
        return t;
    }
}
