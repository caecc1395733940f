package io.tickstock.app;

import io.tickstock.app.store.History;
import io.tickstock.app.stream.LiveState;
import io.tickstock.app.subscriber.Inbound;
import io.tickstock.app.subscriber.SessionView;
import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the app reloads from PostgreSQL after a gap in its Redis subscription (a reconnect, or messages dropped by the
 * full inbound queue): the latest session as PostgreSQL has it, and that session's patterns and indicator alerts from
 * two minutes before the newest of each it had received (the whole session when none was); the streaming buffer
 * delivers each once. {@link #seen} and {@link #run} are called by the dispatcher thread.
 */
final class ReconnectReload implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ReconnectReload.class);
    /** The channel name of events reloaded from PostgreSQL. */
    static final String CHANNEL = "postgresql:reload";

    private static final long OVERLAP_MILLIS = 120_000;
    private static final int LIMIT = 5_000;

    private final History history;
    private final LiveState state;
    private final LongSupplier clock;
    private final Consumer<Inbound> session, event;
    private long lastPatternMillis = -1, lastAlertMillis = -1;
    private final AtomicLong patterns = new AtomicLong(), alerts = new AtomicLong();

    /**
     * @param session where a changed session goes (the buffer)
     * @param event   where reloaded patterns and alerts go (the app's event handler, as if received)
     */
    ReconnectReload(
            History history, LiveState state, LongSupplier clock, Consumer<Inbound> session, Consumer<Inbound> event) {
        this.history = history;
        this.state = state;
        this.clock = clock;
        this.session = session;
        this.event = event;
    }

    /** Notes the bar time of a received pattern or alert (the reload starts before the newest). */
    void seen(Inbound e) {
        // the reader wrote every time in the contract's form
        if (e.event() instanceof Inbound.Pattern p)
            lastPatternMillis = Math.max(
                    lastPatternMillis, IsoTime.parseMillis(p.detection().timestamp()));
        else if (e.event() instanceof Inbound.Alert a)
            lastAlertMillis =
                    Math.max(lastAlertMillis, IsoTime.parseMillis(a.alert().timestamp()));
    }

    @Override
    public void run() {
        try {
            SessionView s = history.latestSession();
            if (s == null) return;
            String sid = s.sessionId();
            boolean active = "active".equals(s.status());
            SessionView known = state.session();
            long now = clock.getAsLong();
            if (known == null || !sid.equals(known.sessionId()) || state.sessionActive() != active) {
                Inbound.Event changed = active ? new Inbound.SessionStarted(s) : new Inbound.SessionStopped(s);
                session.accept(new Inbound(CHANNEL, changed, now));
            }
            List<Events.PatternDetection> missed = history.patternDetections(sid, since(lastPatternMillis), LIMIT);
            for (Events.PatternDetection d : missed)
                event.accept(new Inbound(CHANNEL, new Inbound.Pattern(d), now, now));
            patterns.addAndGet(missed.size());
            List<Events.IndicatorAlert> missedAlerts = history.alerts(sid, since(lastAlertMillis), LIMIT);
            for (Events.IndicatorAlert a : missedAlerts)
                event.accept(new Inbound(CHANNEL, new Inbound.Alert(a), now, now));
            alerts.addAndGet(missedAlerts.size());
            LOG.info(
                    "reloaded session {}, {} patterns and {} alerts from PostgreSQL after a gap in the Redis subscription",
                    sid,
                    missed.size(),
                    missedAlerts.size());
        } catch (SQLException | RuntimeException e) {
            LOG.warn("reload from PostgreSQL after a gap in the Redis subscription failed: {}", e.getMessage());
        }
    }

    private static long since(long last) {
        return last < 0 ? 0 : last - OVERLAP_MILLIS;
    }

    /** Patterns reloaded so far. */
    long patterns() {
        return patterns.get();
    }
    /** Alerts reloaded so far. */
    long alerts() {
        return alerts.get();
    }
}
