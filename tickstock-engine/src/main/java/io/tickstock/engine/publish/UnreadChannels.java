package io.tickstock.engine.publish;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Which channels nobody reads (the integration contract): Redis delivers a PUBLISH on a channel without
 * subscribers to no one, so the publisher skips such a channel while its last {@code PUBSUB NUMSUB} answer was 0, and
 * asks again at most once every {@value #CHECK_MILLIS} ms per channel. A subscriber that appears gets messages from the
 * next answer on (as if it had subscribed up to a second later). A channel never asked about yet is published to.
 * {@code NUMSUB} does not count pattern subscribers ({@code PSUBSCRIBE}), so while {@code PUBSUB NUMPAT} (asked with
 * it) reports any pattern subscription, nothing is skipped.
 *
 * <p>Threads: {@link #skip}, {@link #due} and the answers on the publisher thread (it waits for them); {@link #skipped}
 * and {@link #skippedTotal} on any.
 */
public final class UnreadChannels {
    /** Least time between two {@code NUMSUB} questions about one channel, ms. */
    public static final long CHECK_MILLIS = 1_000;

    private final LongSupplier clock;
    private final Map<String, Long> subscribers = new HashMap<>(); // publisher thread
    private final Map<String, Long> askedAt = new HashMap<>();
    private final Map<String, LongAdder> skipped = new ConcurrentHashMap<>();
    private long patternSubscriptions; // publisher thread

    /** @param clock monotonic time in ms (e.g. {@code System.nanoTime() / 1_000_000}) */
    public UnreadChannels(LongSupplier clock) {
        this.clock = clock;
    }

    /** True (and counted) when {@code channel} had no subscriber at its last answer. Publisher thread. */
    boolean skip(String channel) {
        Long n = subscribers.get(channel);
        if (n == null || n > 0 || patternSubscriptions > 0) return false;
        skipped.computeIfAbsent(channel, c -> new LongAdder()).increment();
        return true;
    }

    /** The channels of {@code published} whose last question is {@value #CHECK_MILLIS} ms old or more, marked asked now. */
    List<String> due(Collection<String> published) {
        long now = clock.getAsLong();
        List<String> out = new ArrayList<>();
        for (String channel : published) {
            Long at = askedAt.get(channel);
            if (at != null && now - at < CHECK_MILLIS) continue;
            askedAt.put(channel, now);
            out.add(channel);
        }
        return out;
    }

    /** Records a {@code PUBSUB NUMSUB} answer: subscribers per channel. */
    void answer(Map<String, Long> numsub) {
        subscribers.putAll(numsub);
    }

    /** Records a {@code PUBSUB NUMPAT} answer: pattern subscriptions of all clients. */
    void answerPatterns(long numpat) {
        patternSubscriptions = numpat;
    }

    /** Messages skipped per channel since start (channels with none left out), sorted by channel. Any thread. */
    public Map<String, Long> skipped() {
        Map<String, Long> out = new TreeMap<>();
        skipped.forEach((channel, n) -> out.put(channel, n.sum()));
        return out;
    }

    /** All messages skipped since start. Any thread. */
    public long skippedTotal() {
        long n = 0;
        for (LongAdder a : skipped.values()) n += a.sum();
        return n;
    }
}
