package io.tickstock.contract;

/** Redis keys of the integration contract. */
public final class RedisKeys {
    private RedisKeys() {}

    /** Epoch seconds as a float string, written every 15 s while the engine runs. */
    public static final String PRODUCER_HEARTBEAT = "tickstock:producer:heartbeat";
    /**
     * The same heartbeat per engine (an addition: several engines may run): {@code tickstock:producer:heartbeat:<id>}
     * with the heartbeat's TTL.
     */
    public static String producerHeartbeat(String engineId) {
        return PRODUCER_HEARTBEAT + ':' + engineId;
    }

    /** JSON {@code session} object of the running session; deleted at stop. */
    public static final String CURRENT_SESSION = "tickstock:streaming:session:current";
}
