package io.tickstock.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The canonical message shapes of the integration contract as records, serialized by {@link Json} with snake_case
 * names. Every top-level {@code timestamp} is the publication time; every nested bar {@code timestamp}
 * is the bar start (minute boundary, UTC). Times are {@link IsoTime} strings; prices in dollars;
 * volumes are integer share counts; confidences fractions in [0, 1].
 */
public final class Events {
    private Events() {}

    // ---- session -------------------------------------------------------------------------------

    /** The running session, as published at start and kept under {@link RedisKeys#CURRENT_SESSION}. */
    public record SessionStart(
            String sessionId, String universe, String startedAt, int symbolCount, String status, String triggerType) {}

    /** Channel {@link Channels#SESSION_STARTED}, type {@code streaming_session_started}. */
    public record SessionStarted(String type, String timestamp, SessionStart session) {
        public SessionStarted(String timestamp, SessionStart session) {
            this("streaming_session_started", timestamp, session);
        }
    }

    /** The totals of a finished session; {@code finalStatus} is completed, stopped or failed. */
    public record SessionEnd(
            String sessionId,
            String stoppedAt,
            long durationSeconds,
            long totalPatterns,
            long totalIndicators,
            String finalStatus) {}

    /** Channel {@link Channels#SESSION_STOPPED}, type {@code streaming_session_stopped}. */
    public record SessionStopped(String type, String timestamp, SessionEnd session) {
        public SessionStopped(String timestamp, SessionEnd session) {
            this("streaming_session_stopped", timestamp, session);
        }
    }

    // ---- bars ----------------------------------------------------------------------------------

    /** OHLCV of the bar a pattern was detected on. */
    public record BarData(double open, double high, double low, double close, long volume) {}

    /**
     * A closed 1-minute bar; {@code session} is pre, regular or post (New York time); {@code filled} marks a
     * fill-forward bar (a minute without trades, at the previous close, volume 0).
     */
    public record Bar(
            String symbol,
            String timestamp,
            String timeframe,
            double open,
            double high,
            double low,
            double close,
            long volume,
            double vwap,
            long tradeCount,
            String session,
            @Nullable String sessionId,
            boolean filled) {}

    /**
     * Channel {@link Channels#BARS_STREAMING}: type {@code streaming_bar}, or {@code streaming_bar_correction}
     * with {@code revision} &ge; 1 (omitted on first publication).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BarEvent(
            String type,
            String timestamp,
            Bar bar,
            @Nullable Integer revision) {
        public static BarEvent closed(String timestamp, Bar bar) {
            return new BarEvent("streaming_bar", timestamp, bar, null);
        }

        public static BarEvent correction(String timestamp, Bar bar, int revision) {
            return new BarEvent("streaming_bar_correction", timestamp, bar, revision);
        }
    }

    /** {@link Channels#BARS_STREAMING}'s batch form ({@code streaming_bars_batch}): the bars one shard closed at once. */
    public record BarBatch(String type, String timestamp, List<Bar> bars, int count, String batchTimestamp) {
        public BarBatch(String timestamp, List<Bar> bars) {
            this("streaming_bars_batch", timestamp, bars, bars.size(), timestamp);
        }
    }

    // ---- patterns ------------------------------------------------------------------------------

    /**
     * One detection; {@code direction} is bullish, bearish or neutral. {@code barData} is always set by the engine
     * and null only in a producer's message without it (the seeds' own test patterns).
     */
    public record PatternDetection(
            String symbol,
            String patternType,
            double confidence,
            String timestamp,
            String timeframe,
            String direction,
            @Nullable BarData barData,
            Map<String, Object> parameters,
            Map<String, Object> metadata) {}

    /** Channels {@link Channels#PATTERNS_STREAMING} / {@link Channels#PATTERNS_DETECTED}, single form. */
    public record PatternEvent(String type, String timestamp, PatternDetection detection) {
        public PatternEvent(String timestamp, PatternDetection detection) {
            this("streaming_pattern", timestamp, detection);
        }
    }

    /** Batch form ({@code streaming_patterns_batch}, at most 50 detections). */
    public record PatternBatch(
            String type, String timestamp, List<PatternDetection> patterns, int count, String batchTimestamp) {
        public PatternBatch(String timestamp, List<PatternDetection> patterns) {
            this("streaming_patterns_batch", timestamp, patterns, patterns.size(), timestamp);
        }
    }

    // ---- indicators ----------------------------------------------------------------------------

    /**
     * One indicator value at a bar; {@code value} is the primary output, {@code values} every output.
     * An instance is identified by {@code indicator} plus its parameters in {@code metadata}.
     */
    public record IndicatorCalculation(
            String symbol,
            String indicator,
            double value,
            Map<String, Double> values,
            String timestamp,
            String timeframe,
            Map<String, Object> metadata) {}

    /** Channel {@link Channels#INDICATORS_STREAMING}, single form. */
    public record IndicatorEvent(String type, String timestamp, IndicatorCalculation calculation) {
        public IndicatorEvent(String timestamp, IndicatorCalculation calculation) {
            this("streaming_indicator", timestamp, calculation);
        }
    }

    /** Batch form ({@code streaming_indicators_batch}). */
    public record IndicatorBatch(
            String type, String timestamp, List<IndicatorCalculation> indicators, int count, String batchTimestamp) {
        public IndicatorBatch(String timestamp, List<IndicatorCalculation> indicators) {
            this("streaming_indicators_batch", timestamp, indicators, indicators.size(), timestamp);
        }
    }

    // ---- alerts --------------------------------------------------------------------------------

    /** A threshold crossing; {@code data} holds indicator, value, threshold, direction. */
    public record IndicatorAlert(
            String symbol,
            String alertType,
            String timestamp,
            Map<String, Object> data,
            String severity,
            @Nullable String sessionId) {}

    /**
     * Channel {@link Channels#ALERTS_INDICATORS}, type {@code indicator_alert}, with the flat duplicates
     * {@code alert_type, symbol, session_id, data} for Phase 5 consumers.
     */
    public record IndicatorAlertEvent(
            String type,
            String timestamp,
            IndicatorAlert alert,
            String alertType,
            String symbol,
            @Nullable String sessionId,
            Map<String, Object> data) {
        public IndicatorAlertEvent(String timestamp, IndicatorAlert alert) {
            this(
                    "indicator_alert",
                    timestamp,
                    alert,
                    alert.alertType(),
                    alert.symbol(),
                    alert.sessionId(),
                    alert.data());
        }
    }

    /**
     * A component failure ({@code recovery} null) or its recovery ({@code severity} info, recovery set);
     * {@code component} is always set by the engine, null only when another producer omits it.
     */
    public record CriticalAlert(
            String severity,
            String message,
            String timestamp,
            @Nullable String component,
            @Nullable String actionRequired,
            @Nullable String recovery) {}

    /** Channel {@link Channels#ALERTS_CRITICAL}, with flat duplicates {@code message, severity}. */
    public record CriticalAlertEvent(
            String type, String timestamp, CriticalAlert alert, String message, String severity) {
        public CriticalAlertEvent(String timestamp, CriticalAlert alert) {
            this("critical_alert", timestamp, alert, alert.message(), alert.severity());
        }
    }

    // ---- health --------------------------------------------------------------------------------

    /** Ticks/s over the interval, bars in the last minute, lag in ms; messages skipped per unread channel (added). */
    public record DataFlow(
            double ticksPerSecond,
            long barsPerMinute,
            long processingLagMs,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> skippedUnread) {
        public DataFlow(double ticksPerSecond, long barsPerMinute, long processingLagMs) {
            this(ticksPerSecond, barsPerMinute, processingLagMs, Map.of());
        }
    }

    /** Process CPU in percent of one machine (0-100), memory (RSS when known, else heap) in MB. */
    public record ResourceUsage(double cpuPercent, long memoryMb, int threadsActive) {}

    /** Symbols without a trade for the stale threshold. */
    public record StaleSymbols(int count, List<String> symbols) {}

    /** A health snapshot, status by the integration contract's thresholds; {@code engineId} names the engine (added, optional). */
    public record Health(
            String status,
            String timestamp,
            @Nullable String sessionId,
            int activeSymbols,
            String connectionStatus,
            DataFlow dataFlow,
            ResourceUsage resourceUsage,
            StaleSymbols staleSymbols,
            List<String> issues,
            double ticksPerSecond,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String engineId) {}

    /**
     * Channel {@link Channels#HEALTH}, type {@code streaming_health}, with flat duplicates
     * {@code status, active_symbols, ticks_per_second, session_id} for Phase 5 consumers.
     */
    public record HealthEvent(
            String type,
            String timestamp,
            Health health,
            String status,
            int activeSymbols,
            double ticksPerSecond,
            @Nullable String sessionId) {
        public HealthEvent(String timestamp, Health health) {
            this(
                    "streaming_health",
                    timestamp,
                    health,
                    health.status(),
                    health.activeSymbols(),
                    health.ticksPerSecond(),
                    health.sessionId());
        }
    }

    // ---- persistence ---------------------------------------------------------------------------

    /** One batch written to PostgreSQL. */
    public record PersistenceBatch(
            String table,
            int rows,
            String firstTimestamp,
            String lastTimestamp,
            long durationMs,
            @Nullable String sessionId) {}

    /** Channel {@link Channels#PERSISTENCE}, type {@code persistence_batch}. */
    public record PersistenceEvent(String type, String timestamp, PersistenceBatch batch) {
        public PersistenceEvent(String timestamp, PersistenceBatch batch) {
            this("persistence_batch", timestamp, batch);
        }
    }

    /**
     * Channel {@link Channels#ENGINE_COMMANDS}: an operator's {@code action} ({@code start} or {@code stop})
     * on the live session; {@code requested_by} names the user or tool.
     */
    public record SessionCommand(String type, String timestamp, String action, String requestedBy) {
        public SessionCommand(String timestamp, String action, String requestedBy) {
            this("session_command", timestamp, action, requestedBy);
        }
    }
}
