package io.tickstock.app.subscriber;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tickstock.contract.LogText;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-channel counts of received, unreadable (by reason) and dropped messages, kept as Micrometer counters
 * ({@code tickstock_app_messages_received_total{channel}}, {@code …_unreadable_total{channel,reason}},
 * {@code …_dropped_total{channel}} on {@code /metrics}) and read back for {@code /streaming/api/status}. The first
 * message of each unreadable reason and of each dropping channel is logged with a sample. Reasons name fields and
 * rules, never values, so the counters stay few. Thread-safe.
 */
public final class SubscriberStats {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriberStats.class);
    private final MeterRegistry registry;
    private final Map<String, Counter> received = new ConcurrentHashMap<>(),
            unreadable = new ConcurrentHashMap<>(),
            dropped = new ConcurrentHashMap<>();

    public SubscriberStats(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(String channel) {
        received.computeIfAbsent(
                        channel,
                        k -> Counter.builder("tickstock.app.messages.received")
                                .description("Redis messages received")
                                .tag("channel", channel)
                                .register(registry))
                .increment();
    }

    /** A message (or one item of a batch) refused for {@code reason}; the first of each reason is logged with a sample. */
    public void unreadable(String channel, @Nullable String reason, String sample) {
        String why = reason == null ? "unknown" : reason; // a tag value must not be null
        unreadable
                .computeIfAbsent(channel + " | " + why, k -> {
                    LOG.warn(
                            "unreadable message on {} ({}), counting further ones silently; sample: {}",
                            channel,
                            why,
                            LogText.quote(sample));
                    return Counter.builder("tickstock.app.messages.unreadable")
                            .description("Redis messages refused, by channel and reason")
                            .tag("channel", channel)
                            .tag("reason", why)
                            .register(registry);
                })
                .increment();
    }

    /** A message dropped because the inbound queue was full; the first of each channel is logged. */
    public void dropped(String channel) {
        dropped.computeIfAbsent(channel, k -> {
                    LOG.error(
                            "inbound queue full: dropping messages of {} (counted; the gap is reloaded from PostgreSQL)",
                            channel);
                    return Counter.builder("tickstock.app.messages.dropped")
                            .description("Redis messages dropped because the inbound queue was full")
                            .tag("channel", channel)
                            .register(registry);
                })
                .increment();
    }

    public Map<String, Long> receivedByChannel() {
        return counts(received);
    }

    /** Keys are {@code "<channel> | <reason>"}. */
    public Map<String, Long> unreadableByReason() {
        return counts(unreadable);
    }

    /** Messages dropped because the inbound queue was full, by channel. */
    public Map<String, Long> droppedByChannel() {
        return counts(dropped);
    }

    private static Map<String, Long> counts(Map<String, Counter> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, (long) v.count()));
        return out;
    }
}
