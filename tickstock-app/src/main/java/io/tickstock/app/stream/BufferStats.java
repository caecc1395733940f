package io.tickstock.app.stream;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Received, coalesced, delivered, duplicate and dropped counts per event type. Thread-safe. */
public final class BufferStats {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** Adds {@code n}; returns the new total. */
    long add(String type, String what, long n) {
        LongAdder a = counts.computeIfAbsent(type + "." + what, k -> new LongAdder());
        a.add(n);
        return a.sum();
    }

    /** Keys {@code <type>.received|coalesced|delivered|duplicate|dropped}. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
