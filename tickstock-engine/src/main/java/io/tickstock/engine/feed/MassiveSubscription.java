package io.tickstock.engine.feed;

import io.tickstock.engine.trades.ClockSkewGuard;
import java.net.URI;
import java.util.List;

/**
 * Where and what {@link MassiveClient} streams, and how far ahead of this machine's clock a trade may be stamped.
 *
 * @param url                e.g. {@code wss://socket.massive.com/stocks}
 * @param apiKey             from TICKSTOCK_MASSIVE_API_KEY (never printed: {@link #toString} leaves it out)
 * @param topics             e.g. {@code T.AAPL}, {@code T.*}
 * @param queueCapacity      frames buffered between the socket and the consumer
 * @param maxClockSkewMillis a trade stamped further ahead of this machine's clock is refused and counted, ms
 */
public record MassiveSubscription(
        URI url, String apiKey, List<String> topics, int queueCapacity, long maxClockSkewMillis) {
    /** With the default clock skew ({@value ClockSkewGuard#DEFAULT_MAX_SKEW_MILLIS} ms). */
    public MassiveSubscription(URI url, String apiKey, List<String> topics, int queueCapacity) {
        this(url, apiKey, topics, queueCapacity, ClockSkewGuard.DEFAULT_MAX_SKEW_MILLIS);
    }

    @Override
    public String toString() {
        return "MassiveSubscription[url=" + url + ", topics=" + topics + ", queueCapacity=" + queueCapacity
                + ", maxClockSkewMillis=" + maxClockSkewMillis + "]"; // no key
    }
}
