package io.tickstock.engine;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.kafka.TradeRecords;
import io.tickstock.engine.session.SessionTrigger;
import io.tickstock.engine.session.StreamingSession;
import io.tickstock.engine.store.SessionHistory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an engine reading the trade log ({@link OwnedPartitions}) asks PostgreSQL: the session a session id names
 * (cached for the engine's life: a session's row does not change what the engine needs of it), and a partition's
 * stored bars of a session under way (the re-warm; one query per session and poll, shared by every partition of that
 * poll). Every method throws {@link IllegalStateException} with the reason when PostgreSQL cannot answer; the caller
 * pauses the partition and asks again later. Consumer thread only.
 */
final class LogSessions {
    private static final Logger LOG = LoggerFactory.getLogger(LogSessions.class);

    private final SessionHistory history;
    private final Map<String, StreamingSession> sessions = new HashMap<>();
    private final Map<String, Map<Integer, List<Bar>>> storedThisPoll = new HashMap<>(); // session → partition → bars

    LogSessions(SessionHistory history) {
        this.history = history;
    }

    /**
     * The session {@code id} names, or null for no id, or (logged) when PostgreSQL has no such session.
     *
     * @throws IllegalStateException when PostgreSQL cannot be read
     */
    @Nullable
    StreamingSession session(@Nullable String id) {
        if (id == null || id.isBlank()) return null;
        StreamingSession known = sessions.get(id);
        if (known != null) return known;
        Optional<SessionHistory.OpenSession> found = history.session(id);
        if (found.isEmpty()) {
            LOG.error("session {} of the trade log is not in PostgreSQL; its rows are stored without a session", id);
            return null;
        }
        SessionHistory.OpenSession o = found.get();
        StreamingSession s = new StreamingSession(
                o.sessionId(),
                o.universe(),
                o.symbolCount(),
                SessionTrigger.of(o.triggerType()),
                o.startedAtMillis(),
                0,
                0);
        sessions.put(id, s);
        return s;
    }

    /**
     * The bars of session {@code s} stored for the symbols of {@code partition}, by symbol then time; null when the
     * session has stopped (nothing to resume).
     *
     * @param partitions the topic's partition count (symbols map to partitions as ingest's keys do)
     * @throws IllegalStateException when PostgreSQL cannot be read
     */
    @Nullable
    List<Bar> storedIfUnderway(StreamingSession s, int partition, int partitions) {
        Map<Integer, List<Bar>> byPartition = storedThisPoll.get(s.id());
        if (byPartition == null) {
            if (!history.isOpen(s.id())) return null;
            byPartition = new HashMap<>();
            for (Bar bar : history.bars(s.id()))
                byPartition
                        .computeIfAbsent(TradeRecords.partitionOf(bar.symbol(), partitions), k -> new ArrayList<>())
                        .add(bar);
            storedThisPoll.put(s.id(), byPartition);
        }
        return byPartition.getOrDefault(partition, List.of());
    }

    /** Forgets this poll's stored bars (the end of a poll: the next hand-over reads them fresh). */
    void endPoll() {
        storedThisPoll.clear();
    }
}
