package io.tickstock.app.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.app.health.EngineNotices;
import io.tickstock.app.subscriber.SessionView;
import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a browser that connects mid-session needs: the running session, the latest health, the engine's liveness and
 * the most recent patterns and alerts (bounded). Thread-safe (synchronized; updated by the dispatcher, read on
 * connect and by the status API).
 */
public final class LiveState {
    private final Delivery delivery;
    private @Nullable SessionView session;
    private @Nullable Object health;
    private EngineNotices.@Nullable Status engine;
    private final Deque<StreamItem.Pattern> patterns = new ArrayDeque<>();
    private final Deque<StreamItem.Alert> alerts = new ArrayDeque<>();
    private final Deque<Frames.Stamped<Events.CriticalAlert>> critical = new ArrayDeque<>();
    /** Most engines listed; a new one beyond it replaces the engine heard from longest ago (forged ids cannot fill the heap). */
    static final int MAX_ENGINES = 256;

    private final Map<String, EngineSeen> engines = new TreeMap<>();

    /** With {@link Delivery#DEFAULTS}. */
    public LiveState() {
        this(Delivery.DEFAULTS);
    }

    /** @param delivery how many patterns and alerts a snapshot holds ({@link Delivery#browserHistory}), sent with it */
    public LiveState(Delivery delivery) {
        this.delivery = delivery;
    }

    public synchronized void sessionStarted(SessionView s) {
        session = s.withStatus("active");
    }

    /** Merges the stop into the running session's fields; @return the stopped session as held now */
    public synchronized SessionView sessionStopped(SessionView stop) {
        SessionView running = session;
        session = running == null || !running.sessionId().equals(stop.sessionId())
                ? stop.withStatus("stopped")
                : running.stoppedBy(stop);
        return session;
    }

    /** The latest health object as received (passed through to browsers). */
    public synchronized void health(Object h) {
        health = h;
    }

    /**
     * The latest health object, received at {@code atMillis} (epoch ms); one with an {@code engine_id} also updates
     * that engine's entry in {@link #engines}.
     */
    public synchronized void health(ObjectNode h, long atMillis) {
        health = h;
        String id = h.path("engine_id").asText("");
        if (id.isEmpty()) return;
        EngineSeen before = engines.get(id);
        if (before == null && engines.size() >= MAX_ENGINES) forgetLongestSilentEngine();
        long interval = before == null ? 0 : atMillis - before.atMillis();
        engines.put(id, new EngineSeen(h.path("status").asText("unknown"), atMillis, interval));
    }

    private void forgetLongestSilentEngine() {
        engines.entrySet().stream()
                .min(Comparator.comparingLong(e -> e.getValue().atMillis()))
                .ifPresent(e -> engines.remove(e.getKey()));
    }

    /** An engine's latest health: its status, when it came (epoch ms), and the gap to the one before (0: the first). */
    private record EngineSeen(String status, long atMillis, long intervalMillis) {}

    /**
     * Every engine that sent health, for the status API: {@code engine_id}, its last {@code status}, {@code
     * last_health} (ISO-8601 UTC) and {@code alive} — its last health younger than three of its intervals (60 s
     * until two have come). A lost engine stays listed as not alive.
     */
    public synchronized List<Map<String, Object>> engines(long nowMillis) {
        List<Map<String, Object>> out = new ArrayList<>();
        engines.forEach((id, e) -> {
            long window = e.intervalMillis() > 0 ? 3 * e.intervalMillis() : 60_000;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("engine_id", id);
            m.put("status", e.status());
            m.put("last_health", IsoTime.format(e.atMillis()));
            m.put("alive", nowMillis - e.atMillis() <= window);
            out.add(m);
        });
        return out;
    }

    /** The engine's liveness as the {@code engine_status} frame carries it. */
    public synchronized void engine(EngineNotices.Status e) {
        engine = e;
    }

    public synchronized void pattern(StreamItem.Pattern p) {
        add(patterns, p);
    }

    public synchronized void alert(StreamItem.Alert a) {
        add(alerts, a);
    }

    /** Forgets a pattern a bar correction retracted (same session, symbol, pattern type and bar start). */
    public synchronized void retract(StreamItem.Pattern p) {
        patterns.removeIf(q -> q.key().equals(p.key()));
    }

    public synchronized void critical(Frames.Stamped<Events.CriticalAlert> a) {
        add(critical, a);
    }

    private <T> void add(Deque<T> d, T item) {
        d.addLast(item);
        if (d.size() > delivery.browserHistory()) d.removeFirst();
    }

    public synchronized @Nullable SessionView session() {
        return session;
    }

    public synchronized boolean sessionActive() {
        return session != null && "active".equals(session.status());
    }

    public synchronized @Nullable Object health() {
        return health;
    }

    /**
     * Frames a new client gets first: the delivery settings ({@code dashboard_settings}), session, health, engine status,
     * recent patterns (one batch), alerts, critical alerts, and last {@code snapshot_end} ({@code {patterns, alerts}}:
     * how many it held). Every frame after {@code snapshot_end} is live; the ones before it are history, already
     * counted in the stored totals and published long ago.
     */
    public synchronized List<String> snapshot(long nowMillis) {
        List<String> frames = new ArrayList<>();
        frames.add(Frames.frame("dashboard_settings", delivery));
        if (session != null) frames.add(Frames.session(sessionActive(), session));
        if (health != null) frames.add(Frames.health(health));
        if (engine != null) frames.add(Frames.frame("engine_status", engine));
        if (!patterns.isEmpty())
            frames.add(Frames.batch("streaming_patterns_batch", "patterns", new ArrayList<>(patterns), nowMillis));
        for (StreamItem.Alert a : alerts) frames.add(Frames.frame("indicator_alert", a));
        for (Frames.Stamped<Events.CriticalAlert> a : critical) frames.add(Frames.frame("critical_alert", a));
        frames.add(Frames.frame("snapshot_end", Map.of("patterns", patterns.size(), "alerts", alerts.size())));
        return frames;
    }
}
