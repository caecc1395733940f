package io.tickstock.app.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a browser that connects mid-session needs: the running session, the latest health, and the most
 * recent patterns and alerts (bounded). Thread-safe (synchronized; updated by the dispatcher, read on connect).
 */
public final class LiveState {
    private static final int RECENT = 50;
    private @Nullable ObjectNode session;
    private boolean sessionActive;
    private @Nullable JsonNode health, engine;
    private final Deque<ObjectNode> patterns = new ArrayDeque<>(),
            alerts = new ArrayDeque<>(),
            critical = new ArrayDeque<>();

    public synchronized void sessionStarted(ObjectNode s) {
        session = s;
        sessionActive = true;
    }

    /** Merges the stop into the running session's fields; @return the stopped session as held now */
    public synchronized ObjectNode sessionStopped(ObjectNode s) {
        ObjectNode running = session;
        ObjectNode merged = running == null ? s.deepCopy() : running.deepCopy();
        merged.setAll(s);
        merged.put("status", "stopped");
        session = merged;
        sessionActive = false;
        return merged;
    }

    public synchronized void health(JsonNode h) {
        health = h;
    }
    /** The engine's liveness as the {@code engine_status} frame carries it. */
    public synchronized void engine(JsonNode e) {
        engine = e;
    }

    public synchronized void pattern(ObjectNode p) {
        add(patterns, p);
    }

    public synchronized void alert(ObjectNode a) {
        add(alerts, a);
    }

    /** Forgets a pattern a bar correction retracted (same symbol, pattern type and bar timestamp). */
    public synchronized void retract(ObjectNode p) {
        patterns.removeIf(q -> q.path("symbol").equals(p.path("symbol"))
                && q.path("pattern_type").equals(p.path("pattern_type"))
                && q.path("timestamp").equals(p.path("timestamp")));
    }

    public synchronized void critical(ObjectNode a) {
        add(critical, a);
    }

    private static void add(Deque<ObjectNode> d, ObjectNode item) {
        d.addLast(item);
        if (d.size() > RECENT) d.removeFirst();
    }

    public synchronized @Nullable ObjectNode session() {
        return session;
    }

    public synchronized boolean sessionActive() {
        return sessionActive;
    }

    public synchronized @Nullable JsonNode health() {
        return health;
    }

    /** Frames a new client gets first: session, health, engine status, recent patterns (one batch), alerts, critical alerts. */
    public synchronized List<String> snapshot(long nowMillis) {
        List<String> frames = new ArrayList<>();
        if (session != null) frames.add(Frames.session(sessionActive, session));
        if (health != null) frames.add(Frames.health(health));
        if (engine != null) frames.add(Frames.frame("engine_status", engine));
        if (!patterns.isEmpty())
            frames.add(Frames.batch("streaming_patterns_batch", "patterns", new ArrayList<>(patterns), nowMillis));
        for (ObjectNode a : alerts) frames.add(Frames.frame("indicator_alert", a));
        for (ObjectNode a : critical) frames.add(Frames.frame("critical_alert", a));
        return frames;
    }
}
