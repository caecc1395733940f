package io.tickstock.engine;

import io.tickstock.contract.IsoTime;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.publish.EventEmitter;
import io.tickstock.engine.session.SessionTrigger;
import io.tickstock.engine.session.StreamingSession;
import io.tickstock.engine.store.SessionHistory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks up the session an interrupted engine left open (no {@code stopped_at}) for this universe, re-warming every
 * series from the session's stored bars, so a restart continues exactly where the killed engine's PostgreSQL rows
 * end. Called by the thread that runs the feed, before the session starts.
 */
final class SessionResumer {
    private static final Logger LOG = LoggerFactory.getLogger(SessionResumer.class);

    /** A session picked up after a restart: where each symbol continues (bar start after its last bar, epoch ms). */
    record Resumed(StreamingSession session, Map<String, Long> resumeAt) {
        /** The earliest bar start any symbol continues from, epoch ms. */
        long earliest() {
            return resumeAt.values().stream().mapToLong(Long::longValue).min().orElse(Long.MIN_VALUE);
        }
    }

    private final SessionHistory history;
    private final String universe;
    private final EventEmitter emitter;
    private final Outputs outputs;
    private final LongSupplier clock;

    /** @param clock wall clock, epoch ms */
    SessionResumer(SessionHistory history, String universe, EventEmitter emitter, Outputs outputs, LongSupplier clock) {
        this.history = history;
        this.universe = universe;
        this.emitter = emitter;
        this.outputs = outputs;
        this.clock = clock;
    }

    /**
     * Closes this universe's open session, if an interrupted run left one, as {@code failed}: a replay without
     * {@code --resume} starts over as a new session.
     */
    void closeOpen() {
        history.openSession(universe).ifPresent(o -> {
            history.abandon(o.sessionId(), clock.getAsLong());
            LOG.info(
                    "session {} ({}) was left open by an interrupted run: closed as failed; this replay starts a new "
                            + "session (--resume continues the old one)",
                    o.sessionId(),
                    o.universe());
        });
    }

    /**
     * Resumes this universe's open session when its newest bar lies in [{@code windowFrom}, {@code windowTo}) and it is
     * of the same kind ({@code replay}, or live: {@code scheduled} and {@code manual} alike): every series is re-warmed from the session's bars in
     * {@code ohlcv_1min} (nothing published), each symbol's last bar writes its rows again (idempotent: fills in rows
     * the interrupted engine lost), and the feed continues after each symbol's last bar; a recovery critical alert
     * (component {@code engine}) says so. Any other open session is closed as {@code failed}.
     *
     * @return the resumed session, or null when there is none to resume
     */
    @Nullable
    Resumed resume(SessionTrigger trigger, long windowFrom, long windowTo, Shards pipeline) {
        Optional<SessionHistory.OpenSession> open = history.openSession(universe);
        if (open.isEmpty()) return null;
        SessionHistory.OpenSession o = open.get();
        List<Bar> bars = history.bars(o.sessionId());
        long last = bars.stream().mapToLong(Bar::startMillis).max().orElse(Long.MIN_VALUE);
        SessionTrigger stored = SessionTrigger.of(o.triggerType());
        boolean sameKind = (trigger == SessionTrigger.REPLAY) == (stored == SessionTrigger.REPLAY);
        if (!sameKind || bars.isEmpty() || last < windowFrom || last >= windowTo) {
            history.abandon(o.sessionId(), clock.getAsLong());
            LOG.warn(
                    "session {} ({}) was left open by an earlier run and cannot be resumed here; marked failed",
                    o.sessionId(),
                    o.universe());
            return null;
        }
        StreamingSession s = new StreamingSession(
                o.sessionId(),
                o.universe(),
                o.symbolCount(),
                stored,
                o.startedAtMillis(),
                o.patterns(),
                o.indicators());
        emitter.session(s);
        Map<String, Long> resumeAt = new HashMap<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            boolean lastOfSymbol =
                    i + 1 == bars.size() || !bars.get(i + 1).symbol().equals(bar.symbol());
            pipeline.warm(bar, lastOfSymbol);
            if (lastOfSymbol) resumeAt.put(bar.symbol(), bar.startMillis() + Bar.MINUTE);
        }
        LOG.info(
                "session {} resumed: {} symbols re-warmed from {} bars; continuing after {}",
                s.id(),
                resumeAt.size(),
                bars.size(),
                IsoTime.format(last + Bar.MINUTE));
        outputs.critical(
                "engine",
                false,
                "Engine restarted: session " + s.id() + " resumed after " + IsoTime.format(last + Bar.MINUTE) + " ("
                        + resumeAt.size() + " symbols re-warmed from " + bars.size() + " stored bars)",
                null);
        return new Resumed(s, resumeAt);
    }
}
