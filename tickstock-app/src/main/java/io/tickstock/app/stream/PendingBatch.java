package io.tickstock.app.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What waits for the {@link StreamingBuffer}'s next flush: patterns below the at-once confidence in arrival order, the
 * latest indicator value per series and the latest bar per symbol and minute ({@link StreamItem#key}). Thread-safe:
 * the dispatcher adds, the buffer's thread takes.
 */
final class PendingBatch {
    /** One flush's worth, each list in arrival order (a coalesced item keeps its first place). */
    record Taken(List<StreamItem.Pattern> patterns, List<StreamItem.Indicator> indicators, List<StreamItem.Bar> bars) {}

    private List<StreamItem.Pattern> patterns = new ArrayList<>();
    private Map<Object, StreamItem.Indicator> indicators = new LinkedHashMap<>();
    private Map<Object, StreamItem.Bar> bars = new LinkedHashMap<>();

    synchronized void pattern(StreamItem.Pattern detection) {
        patterns.add(detection);
    }

    /** Adds an indicator value; returns true when it replaced a waiting value of the same series. */
    synchronized boolean indicator(StreamItem.Indicator value) {
        return indicators.put(value.key(), value) != null;
    }

    /** Adds a bar (or its correction); returns true when it replaced a waiting bar of the same symbol and minute. */
    synchronized boolean bar(StreamItem.Bar bar) {
        return bars.put(bar.key(), bar) != null;
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
