package io.tickstock.app.stream;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Received, coalesced and delivered counts per event type. Thread-safe. */
public final class BufferStats {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void add(String type, String what, long n) {
        counts.computeIfAbsent(type + "." + what, k -> new LongAdder()).add(n);
    }

    /** Keys {@code <type>.received|coalesced|delivered}. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
