package io.tickstock.engine;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.health.StaleSymbols;
import io.tickstock.engine.kafka.TradeRecords;
import io.tickstock.engine.session.SessionTrigger;
import io.tickstock.engine.session.StreamingSession;
import io.tickstock.engine.store.SessionHistory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partitions of the trade log one engine owns ({@link KafkaRunner}), as its rebalance listener keeps them, and
 * their offsets: a checkpoint (every partition drained, the committable offsets taken with each partition's session id
 * as metadata, the writer's durability mark) is committed once the mark is durable; a partition given up is committed
 * the same way first; a partition taken over is re-warmed from its session's stored bars. A session record starts a
 * partition over in that session. Consumer thread only (the listener runs inside {@code poll}).
 */
final class OwnedPartitions implements ConsumerRebalanceListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OwnedPartitions.class);
    private static final long DURABLE_WAIT_MILLIS = 30_000;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final SessionParts parts;
    private final SessionHistory history;
    private final Map<String, StreamingSession> sessions = new HashMap<>();
    private final Map<Integer, LogPartition> owned = new HashMap<>();
    private final StaleSymbols stale = new StaleSymbols(ReplayRunner.STALE_MILLIS);
    private final java.util.Set<Integer> assignedBeforeSession =
            new java.util.HashSet<>(); // no session record read yet
    private final Map<String, Map<Integer, List<Bar>>> storedThisPoll = new HashMap<>(); // session → partition → bars
    private Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    private long pendingMark;

    OwnedPartitions(KafkaConsumer<byte[], byte[]> consumer, SessionParts parts, SessionHistory history) {
        this.consumer = consumer;
        this.parts = parts;
        this.history = history;
    }

    /** The session {@code id}, or null (logged) when PostgreSQL has no such session. */
    private @Nullable StreamingSession session(@Nullable String id) {
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

    /** Runs one record: a session record starts its partition over in that session; a malformed one is counted. */
    void add(ConsumerRecord<byte[], byte[]> r) {
        LogPartition p = owned.get(r.partition());
        if (p == null) return;
        TradeRecords.Decoded d;
        try {
            d = TradeRecords.decode(r.key(), r.value());
        } catch (IllegalArgumentException e) {
            long n = parts.stats().malformedRecords.incrementAndGet(); // metric tickstock_trade_log_malformed_total
            if (n <= 10 || n % 10_000 == 0)
                LOG.warn("skipped record {}@{} ({} so far): {}", r.partition(), r.offset(), n, e.getMessage());
            return;
        }
        if (d.sessionId() != null) { // a new session: the partition starts over in it
            StreamingSession s = session(d.sessionId());
            p.close();
            LogPartition fresh = partition(r.partition(), s, storedSinceAssignment(r.partition(), s));
            fresh.add(r.offset(), d);
            owned.put(r.partition(), fresh);
            if (s != null) parts.sessions().attach(s);
            return;
        }
        if (p.add(r.offset(), d)) parts.stats().trades.incrementAndGet();
    }

    /**
     * The bars of {@code s} a previous owner stored for {@code partition}, when this is the first session record read
     * since the partition was assigned: the previous owner may have run the session's first trades without committing
     * past its session record (its first commit comes a second later), and re-running them without a re-warm would
     * publish its bars again. Empty otherwise: a session record read by the engine that owned the partition before it
     * starts a session nobody else has run.
     */
    private List<Bar> storedSinceAssignment(int partition, @Nullable StreamingSession s) {
        if (!assignedBeforeSession.remove(partition) || s == null || !history.isOpen(s.id())) return List.of();
        List<Bar> bars = storedThisPoll
                .computeIfAbsent(
                        s.id(),
                        id -> byPartition(
                                id, consumer.partitionsFor(TradeRecords.TOPIC).size()))
                .getOrDefault(partition, List.of());
        if (!bars.isEmpty())
            LOG.info(
                    "partition {}: {} bars of session {} stored before the hand-over re-warmed",
                    partition,
                    bars.size(),
                    s.id());
        return bars;
    }

    /** Hands every partition's thread what it holds (the end of a poll). */
    void handOff() {
        for (LogPartition p : owned.values()) p.handOff();
        storedThisPoll.clear();
    }

    /** Drains {@code which}, adds their committable offsets to the pending commit and takes the writer's mark. */
    void checkpoint(Collection<LogPartition> which) {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(which.size());
        for (LogPartition p : which) p.drain(done);
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while draining the partitions", e);
        }
        for (LogPartition p : which) {
            p.check();
            long offset = p.committable();
            StreamingSession s = p.session();
            if (offset >= 0)
                pending.put(
                        new TopicPartition(TradeRecords.TOPIC, p.partition()),
                        new OffsetAndMetadata(offset, s == null ? "" : s.id()));
        }
        pendingMark = parts.outputs().durableMark();
    }

    /** A checkpoint of every owned partition, unless one waits to be committed; also updates health's symbol count. */
    void checkpoint() {
        parts.stats().activeSymbols(stale.symbols());
        if (pending.isEmpty()) checkpoint(owned.values());
    }

    /** Commits the waiting checkpoint once its rows are durable; a failed commit is kept for the next call. */
    void commitIfDurable() {
        if (pending.isEmpty() || !parts.outputs().isDurable(pendingMark)) return;
        try {
            consumer.commitSync(pending);
            LOG.debug("committed {}", pending);
            pending = new HashMap<>();
        } catch (org.apache.kafka.common.KafkaException e) { // a rebalance under way, a timeout: kept for the next try
            pending.keySet().removeIf(tp -> !owned.containsKey(tp.partition()));
            LOG.debug("offset commit deferred ({}); retried after the next poll", e.getMessage());
        }
    }

    /** Commits every owned partition's offset once durable (a graceful stop or the session's end). */
    void commitAll() {
        commitSync(List.copyOf(owned.values()));
    }

    private void commitSync(List<LogPartition> which) {
        if (which.isEmpty()) return;
        checkpoint(which);
        long until = parts.clock().getAsLong() + DURABLE_WAIT_MILLIS;
        while (!parts.outputs().isDurable(pendingMark)) {
            if (parts.clock().getAsLong() > until) {
                LOG.warn(
                        "rows not durable after {} s: offsets not committed; a successor re-reads them",
                        DURABLE_WAIT_MILLIS / 1000);
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (LogPartition p : which) {
            TopicPartition tp = new TopicPartition(TradeRecords.TOPIC, p.partition());
            OffsetAndMetadata o = pending.remove(tp);
            if (o != null) offsets.put(tp, o);
        }
        if (offsets.isEmpty()) return;
        try {
            consumer.commitSync(offsets);
        } catch (org.apache.kafka.common.KafkaException e) {
            LOG.warn(
                    "offsets of partitions given up not committed ({}); their next owner re-reads from the last commit",
                    e.getMessage());
        }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
        if (assigned.isEmpty()) return;
        int count = consumer.partitionsFor(TradeRecords.TOPIC).size();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(java.util.Set.copyOf(assigned));
        int warmed = 0;
        for (TopicPartition tp : assigned) {
            OffsetAndMetadata c = committed.get(tp);
            StreamingSession s = session(c == null ? null : c.metadata());
            List<Bar> bars = List.of();
            if (s != null && history.isOpen(s.id())) { // a session under way: re-warm what it stored
                bars = storedThisPoll
                        .computeIfAbsent(s.id(), id -> byPartition(id, count))
                        .getOrDefault(tp.partition(), List.of());
                parts.sessions().attach(s);
            }
            warmed += bars.size();
            owned.put(tp.partition(), partition(tp.partition(), s, bars));
            assignedBeforeSession.add(tp.partition());
        }
        LOG.info(
                "engine {} assigned partitions {} ({} stored bars re-warmed)",
                parts.config().engineId(),
                assigned.stream().map(TopicPartition::partition).sorted().toList(),
                warmed);
    }

    private Map<Integer, List<Bar>> byPartition(String sessionId, int count) {
        Map<Integer, List<Bar>> bars = new HashMap<>();
        for (Bar bar : history.bars(sessionId))
            bars.computeIfAbsent(TradeRecords.partitionOf(bar.symbol(), count), k -> new ArrayList<>())
                    .add(bar);
        return bars;
    }

    private LogPartition partition(int partition, @Nullable StreamingSession s, List<Bar> stored) {
        return new LogPartition(
                partition,
                parts.config().analytics(),
                parts.emitter(),
                s,
                bar -> stale.onBar(bar.symbol(), bar.startMillis()),
                stored);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
        List<LogPartition> leaving = new ArrayList<>();
        for (TopicPartition tp : revoked) {
            LogPartition p = owned.get(tp.partition());
            if (p != null) leaving.add(p);
        }
        commitSync(leaving);
        drop(revoked);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
        drop(lost);
    }

    private void drop(Collection<TopicPartition> gone) {
        for (TopicPartition tp : gone) {
            LogPartition p = owned.remove(tp.partition());
            pending.remove(tp);
            assignedBeforeSession.remove(tp.partition());
            if (p != null) p.close();
        }
        if (!gone.isEmpty())
            LOG.info(
                    "engine {} gave up partitions {}",
                    parts.config().engineId(),
                    gone.stream().map(TopicPartition::partition).sorted().toList());
    }

    @Override
    public void close() {
        for (LogPartition p : owned.values()) p.close();
        owned.clear();
    }
}
