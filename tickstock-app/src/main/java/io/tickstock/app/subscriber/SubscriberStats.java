package io.tickstock.app.subscriber;

import io.tickstock.contract.LogText;
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
    private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();

    public void received(String channel) {
        received.computeIfAbsent(channel, k -> new LongAdder()).increment();
    }

    /** A message (or one item of a batch) refused for {@code reason}; the first of each reason is logged with a sample. */
    public void unreadable(String channel, String reason, String sample) {
        String key = channel + " | " + reason;
        unreadable.computeIfAbsent(key, k -> {
            LOG.warn("unreadable message on {} ({}), counting further ones silently; sample: {}", channel, reason, LogText.quote(sample));
            return new LongAdder();
        }).increment();
    }

    /** A message dropped because the inbound queue was full; the first of each channel is logged. */
    public void dropped(String channel) {
        dropped.computeIfAbsent(channel, k -> {
            LOG.error("inbound queue full: dropping messages of {} (counted; the gap is reloaded from PostgreSQL)", channel);
            return new LongAdder();
        }).increment();
    }

    /** Messages dropped because the inbound queue was full, by channel. */
    public Map<String, Long> droppedByChannel() {
        Map<String, Long> out = new TreeMap<>();
        dropped.forEach((k, v) -> out.put(k, v.sum()));
        return out;
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
