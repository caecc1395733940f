package io.tickstock.engine.session;

import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One streaming session: a random UUID, the universe it covers, when and how it started (epoch ms, wall
 * clock), and running totals of the distinct patterns and indicator values it published: what its rows in
 * {@code intraday_patterns} and {@code intraday_indicators} count (a revised value or pattern replaces its row and is
 * not counted again; a retracted pattern is subtracted). Totals are thread-safe.
 */
public final class StreamingSession {
    private final String id;
    private final String universe;
    private final int symbolCount;
    private final SessionTrigger trigger;
    private final long startedAtMillis;
    private final AtomicLong patterns = new AtomicLong(), indicators = new AtomicLong();

    public StreamingSession(String universe, int symbolCount, SessionTrigger trigger, long startedAtMillis) {
        this(UUID.randomUUID().toString(), universe, symbolCount, trigger, startedAtMillis, 0, 0);
    }

    /** A session resumed after a restart: its id, start and the totals it had reached. */
    public StreamingSession(
            String id,
            String universe,
            int symbolCount,
            SessionTrigger trigger,
            long startedAtMillis,
            long patterns,
            long indicators) {
        this.id = id;
        this.patterns.set(patterns);
        this.indicators.set(indicators);
        this.universe = universe;
        this.symbolCount = symbolCount;
        this.trigger = trigger;
        this.startedAtMillis = startedAtMillis;
    }

    public String id() {
        return id;
    }

    public long startedAtMillis() {
        return startedAtMillis;
    }

    public SessionTrigger trigger() {
        return trigger;
    }

    public void countPattern() {
        patterns.incrementAndGet();
    }

    /** A pattern counted earlier was retracted (its row deleted). */
    public void uncountPattern() {
        patterns.decrementAndGet();
    }

    public void countIndicator() {
        indicators.incrementAndGet();
    }

    /** The contract's {@code session} object of session_started. */
    public Events.SessionStart start() {
        return new Events.SessionStart(
                id, universe, IsoTime.format(startedAtMillis), symbolCount, "active", trigger.label);
    }

    /** The contract's {@code session} object of session_stopped. */
    public Events.SessionEnd end(long stoppedAtMillis, FinalStatus finalStatus) {
        return new Events.SessionEnd(
                id,
                IsoTime.format(stoppedAtMillis),
                (stoppedAtMillis - startedAtMillis) / 1000,
                patterns.get(),
                indicators.get(),
                finalStatus.label);
    }
}
