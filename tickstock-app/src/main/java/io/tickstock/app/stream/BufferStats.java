package io.tickstock.app.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Received, coalesced, delivered, duplicate and dropped counts per event type, kept as Micrometer counters
 * ({@code tickstock_app_buffer_events_total{type,outcome}} on {@code /metrics}) and read back for the status API.
 * Thread-safe.
 */
public final class BufferStats {
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public BufferStats(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Adds {@code n}; returns the new total. */
    long add(String type, String outcome, long n) {
        Counter c = counters.computeIfAbsent(
                type + "." + outcome,
                k -> Counter.builder("tickstock.app.buffer.events")
                        .description(
                                "streaming buffer events by type and outcome (received, coalesced, delivered, duplicate, dropped)")
                        .tag("type", type)
                        .tag("outcome", outcome)
                        .register(registry));
        c.increment((double) n); // Micrometer counts in doubles: exact below 2^53
        return (long) c.count();
    }

    /** Keys {@code <type>.received|coalesced|delivered|duplicate|dropped}. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, (long) v.count()));
        return out;
    }
}
