package io.tickstock.app.subscriber;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-channel counts of received and unreadable messages (by reason). Each reason is logged once with a
 * sample of the message; all counts are exposed in {@code /streaming/api/status}. Thread-safe.
 */
public final class SubscriberStats {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriberStats.class);
    private final Map<String, LongAdder> received = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> unreadable = new ConcurrentHashMap<>();

    public void received(String channel) {
        received.computeIfAbsent(channel, k -> new LongAdder()).increment();
    }

    public void unreadable(String channel, String reason, String sample) {
        String key = channel + " | " + reason;
        unreadable.computeIfAbsent(key, k -> {
            LOG.warn("unreadable message on {} ({}), counting further ones silently; sample: {}", channel, reason,
                    sample.length() > 300 ? sample.substring(0, 300) + "…" : sample);
            return new LongAdder();
        }).increment();
    }

    public Map<String, Long> receivedByChannel() {
        Map<String, Long> out = new TreeMap<>();
        received.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Keys are {@code "<channel> | <reason>"}. */
    public Map<String, Long> unreadableByReason() {
        Map<String, Long> out = new TreeMap<>();
        unreadable.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
