package io.tickstock.engine;

import io.tickstock.contract.Channels;
import io.tickstock.contract.Events;
import io.tickstock.contract.RedisKeys;
import io.tickstock.engine.health.Heartbeat;
import io.tickstock.engine.publish.EventEmitter;
import io.tickstock.engine.publish.RedisCommand;
import io.tickstock.engine.session.FinalStatus;
import io.tickstock.engine.session.StreamingSession;
import io.tickstock.engine.store.HistoryRow;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running session: announcing it (the {@code streaming_sessions} row, {@code streaming_session_started}, the
 * current-session key with the heartbeat's TTL) and ending it (the row's totals and final status,
 * {@code streaming_session_stopped}, the key deleted). {@link #current} may be read from any thread; start and stop
 * are called by the thread that runs the feed.
 */
final class SessionLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(SessionLifecycle.class);

    private final Outputs outputs;
    private final EventEmitter emitter;
    private final Heartbeat heartbeat;
    private final LongSupplier clock;
    private volatile @Nullable StreamingSession current;
    private volatile boolean attached; // a session another process announced and ends (scale-out)

    /** @param clock wall clock, epoch ms */
    SessionLifecycle(Outputs outputs, EventEmitter emitter, Heartbeat heartbeat, LongSupplier clock) {
        this.outputs = outputs;
        this.emitter = emitter;
        this.heartbeat = heartbeat;
        this.clock = clock;
    }

    /** The running session, or null. */
    @Nullable
    StreamingSession current() {
        return current;
    }

    /** The running session when this engine announced it (its heartbeat keeps the current-session key), or null. */
    @Nullable
    StreamingSession announced() {
        return attached ? null : current;
    }

    /**
     * Attributes this engine's output to a session {@code tickstock ingest} announced and will end (scale-out): nothing
     * is published or written for the session itself.
     */
    void attach(StreamingSession s) {
        attached = true;
        current = s;
        emitter.session(s);
    }

    /** Ends {@link #attach}. */
    void detach() {
        emitter.session(null);
        current = null;
        attached = false;
    }

    /** Announces a session; a resumed one only sets the current-session key again (it was announced before). */
    void start(StreamingSession s, boolean resumed) {
        current = s;
        emitter.session(s);
        outputs.send(heartbeat.sessionKey(s));
        if (resumed) return;
        Events.SessionStart start = s.start();
        outputs.write(new HistoryRow.SessionStarted(start, s.startedAtMillis()));
        outputs.publish(Channels.SESSION_STARTED, new Events.SessionStarted(outputs.now(), start));
        LOG.info(
                "session {} started ({} symbols, {}, {})",
                s.id(),
                start.symbolCount(),
                start.universe(),
                start.triggerType());
    }

    /** Ends a session with {@code finalStatus}; returns its totals. */
    Events.SessionEnd stop(StreamingSession s, FinalStatus finalStatus) {
        long stoppedAt = clock.getAsLong();
        Events.SessionEnd end = s.end(stoppedAt, finalStatus);
        outputs.write(new HistoryRow.SessionStopped(end, stoppedAt));
        outputs.send(RedisCommand.del(RedisKeys.CURRENT_SESSION));
        outputs.publish(Channels.SESSION_STOPPED, new Events.SessionStopped(outputs.now(), end));
        emitter.session(null);
        current = null;
        LOG.info(
                "session {} {}: {} patterns, {} indicator values",
                s.id(),
                finalStatus.label,
                end.totalPatterns(),
                end.totalIndicators());
        return end;
    }
}
