package io.tickstock.app.stream;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The identities ({@link StreamItem#key}) of the most recent {@code capacity} patterns and indicator alerts sent to
 * the browsers, so that one that arrives twice — from Redis and from the PostgreSQL reload after a reconnect, or
 * re-published by the engine after a Redis outage — is delivered once. Not thread-safe (the dispatcher thread owns
 * it).
 */
final class RecentPatterns {
    private final Map<Object, Boolean> keys;

    RecentPatterns(int capacity) {
        this.keys = new LinkedHashMap<>(1 << 12, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers {@code item}; returns false when it was already seen. */
    boolean add(StreamItem item) {
        return keys.put(item.key(), Boolean.TRUE) == null;
    }

    /** Forgets a retracted pattern, so that a later re-detection of the same bar is delivered. */
    void remove(StreamItem item) {
        keys.remove(item.key());
    }
}
