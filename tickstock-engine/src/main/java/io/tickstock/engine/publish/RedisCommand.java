package io.tickstock.engine.publish;

import org.jspecify.annotations.Nullable;

/**
 * One Redis operation queued for the publisher: PUBLISH, SET (with an expiry when {@code ttlMillis} &gt; 0) or DEL.
 *
 * @param queuedNanos {@link System#nanoTime()} when queued, for the processing-lag measurement
 * @param series      for a value that a newer one supersedes (an indicator series, health, the heartbeat):
 *                    the key it coalesces under while Redis is unavailable; null for events that must all be
 *                    delivered (bars, patterns, alerts, sessions)
 * @param ttlMillis   a SET's expiry in milliseconds (PX), 0 for none
 */
public record RedisCommand(
        Kind kind,
        String target,
        String payload,
        long queuedNanos,
        @Nullable String series,
        long ttlMillis) {
    public enum Kind {
        PUBLISH,
        SET,
        DEL
    }

    public static RedisCommand publish(String channel, String json) {
        return new RedisCommand(Kind.PUBLISH, channel, json, System.nanoTime(), null, 0);
    }

    /** A PUBLISH that a newer one of the same {@code series} on the same channel may replace while queued. */
    public static RedisCommand publishLatest(String channel, String json, String series) {
        return new RedisCommand(Kind.PUBLISH, channel, json, System.nanoTime(), channel + '|' + series, 0);
    }

    /** A SET that expires after {@code ttlMillis} unless set again; a newer SET of the same key replaces it while queued. */
    public static RedisCommand set(String key, String value, long ttlMillis) {
        return new RedisCommand(Kind.SET, key, value, System.nanoTime(), "SET|" + key, ttlMillis);
    }

    public static RedisCommand del(String key) {
        return new RedisCommand(Kind.DEL, key, "", System.nanoTime(), null, 0);
    }
}
