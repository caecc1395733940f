package io.tickstock.contract;

/**
 * The legacy envelope that older TickStock consumers read beside the contract's events: a pattern as
 * {@code pattern_detected} on {@link Channels#LEGACY_PATTERNS} and health as {@code system_health} on
 * {@link Channels#LEGACY_HEALTH}, source {@code TickStockPL}, times in epoch seconds.
 */
public final class LegacyEvents {
    private LegacyEvents() {}

    /** Legacy pattern payload; {@code pattern}, never {@code pattern_name}; times are epoch seconds. */
    public record PatternData(
            String symbol,
            String pattern,
            double confidence,
            String flowId,
            String tier,
            double priceChange,
            double currentPrice,
            long volume,
            double timestamp) {}

    /** Channel {@link Channels#LEGACY_PATTERNS}: {@code event_type pattern_detected}, source TickStockPL. */
    public record PatternEvent(String eventType, String source, double timestamp, PatternData data) {
        public PatternEvent(double timestamp, PatternData data) {
            this("pattern_detected", "TickStockPL", timestamp, data);
        }
    }

    /** Channel {@link Channels#LEGACY_HEALTH}: {@code event_type system_health} mirroring a health event. */
    public record HealthEvent(String eventType, String source, double timestamp, Events.Health data) {
        public HealthEvent(double timestamp, Events.Health data) {
            this("system_health", "TickStockPL", timestamp, data);
        }
    }
}
