package io.tickstock.contract;

import java.util.List;

/**
 * Redis pub/sub channel names of the integration contract. Each constant's Javadoc names the canonical {@code type}
 * carried on it.
 */
public final class Channels {
    private Channels() {}

    /** {@code streaming_session_started}. */
    public static final String SESSION_STARTED = "tickstock:streaming:session_started";
    /** {@code streaming_session_stopped}. */
    public static final String SESSION_STOPPED = "tickstock:streaming:session_stopped";
    /** {@code streaming_health}, every health interval and on status change. */
    public static final String HEALTH = "tickstock:streaming:health";
    /** {@code streaming_pattern} or {@code streaming_patterns_batch}: every detection. */
    public static final String PATTERNS_STREAMING = "tickstock:patterns:streaming";
    /** Same shapes as {@link #PATTERNS_STREAMING}, only detections with confidence &ge; 0.8. */
    public static final String PATTERNS_DETECTED = "tickstock:patterns:detected";
    /** {@code streaming_indicator} or {@code streaming_indicators_batch}. */
    public static final String INDICATORS_STREAMING = "tickstock:indicators:streaming";
    /** {@code indicator_alert}: on the bar where a threshold is crossed. */
    public static final String ALERTS_INDICATORS = "tickstock:alerts:indicators";
    /** {@code critical_alert}: a component fails, and again when it recovers. */
    public static final String ALERTS_CRITICAL = "tickstock:alerts:critical";
    /** {@code persistence_batch}: after each batch written to PostgreSQL. */
    public static final String PERSISTENCE = "tickstock:streaming:persistence";
    /** {@code streaming_bar} and {@code streaming_bar_correction}. */
    public static final String BARS_STREAMING = "tickstock:bars:streaming";
    /** Legacy envelope {@code event_type: pattern_detected} (the legacy envelope). */
    public static final String LEGACY_PATTERNS = "tickstock.events.patterns";
    /** Legacy envelope {@code event_type: system_health}. */
    public static final String LEGACY_HEALTH = "tickstock.health.status";

    /**
     * Operator commands to the engine (TickStock addition): {@code session_command} with {@code action}
     * {@code start} or {@code stop}; published by the app's admin endpoint and {@code tickstock session}.
     */
    public static final String ENGINE_COMMANDS = "tickstock:engine:commands";

    /** {@code backtest_job} requests (the job protocol of docs/backtesting.md, on the legacy backtesting channels). */
    public static final String JOBS_BACKTEST = "tickstock.jobs.backtest";
    /** {@code cancel_job} requests: {@code {"type":"cancel_job","job_id":…}}. */
    public static final String JOBS_CANCEL = "tickstock.jobs.cancel";
    /** {@code backtest_progress}: at least every second while a job runs. */
    public static final String BACKTEST_PROGRESS = "tickstock.events.backtesting.progress";
    /** {@code backtest_result}: a job's end (completed, failed or cancelled) with its results. */
    public static final String BACKTEST_RESULTS = "tickstock.events.backtesting.results";

    /** The backtesting events a consumer subscribes to (the legacy dashboard's backtesting channels): progress and results. */
    public static final List<String> BACKTESTING = List.of(BACKTEST_PROGRESS, BACKTEST_RESULTS);

    /** Every channel of the contract, in the order of the integration contract. */
    public static final List<String> ALL = List.of(
            SESSION_STARTED,
            SESSION_STOPPED,
            HEALTH,
            PATTERNS_STREAMING,
            PATTERNS_DETECTED,
            INDICATORS_STREAMING,
            ALERTS_INDICATORS,
            ALERTS_CRITICAL,
            PERSISTENCE,
            BARS_STREAMING,
            LEGACY_PATTERNS,
            LEGACY_HEALTH);
}
