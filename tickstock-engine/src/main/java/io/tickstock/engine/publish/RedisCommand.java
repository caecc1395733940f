package io.tickstock.engine.publish;

/**
 * One Redis operation queued for the publisher: PUBLISH, SET or DEL.
 *
 * @param queuedNanos {@link System#nanoTime()} when queued, for the processing-lag measurement
 */
public record RedisCommand(Kind kind, String target, String payload, long queuedNanos) {
    public enum Kind { PUBLISH, SET, DEL }

    public static RedisCommand publish(String channel, String json) {
        return new RedisCommand(Kind.PUBLISH, channel, json, System.nanoTime());
    }

    public static RedisCommand set(String key, String value) {
        return new RedisCommand(Kind.SET, key, value, System.nanoTime());
    }

    public static RedisCommand del(String key) {
        return new RedisCommand(Kind.DEL, key, null, System.nanoTime());
    }
}
