package io.tickstock.contract;

/** Redis keys of CONTRACT.md. */
public final class RedisKeys {
    private RedisKeys() {}

    /** Epoch seconds as a float string, written every 15 s while the engine runs. */
    public static final String PRODUCER_HEARTBEAT = "tickstock:producer:heartbeat";
    /** JSON {@code session} object of the running session; deleted at stop. */
    public static final String CURRENT_SESSION = "tickstock:streaming:session:current";
}
