package io.tickstock.engine;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.health.StaleSymbols;
import io.tickstock.engine.kafka.LogRecordTimes;
import io.tickstock.engine.kafka.TradeRecords;
import io.tickstock.engine.session.StreamingSession;
import io.tickstock.engine.store.SessionHistory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * their offsets ({@link OffsetCommits}: committed once the rows before them are durable; a partition given up is
 * committed the same way first); a partition taken over is re-warmed from its session's stored bars. A session record starts a
 * partition over in that session. When PostgreSQL cannot say what a take-over or a session record needs (a session,
 * stored bars), that partition is paused, and read again from the same record once PostgreSQL answers: nothing is
 * skipped, the other partitions go on, and the engine keeps its place in the group. Consumer thread only (the listener
 * runs inside {@code poll}).
 */
final class OwnedPartitions implements ConsumerRebalanceListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OwnedPartitions.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final SessionParts parts;
    private final LogSessions sessions;
    private final Map<Integer, LogPartition> owned = new HashMap<>();
    private final StaleSymbols stale = new StaleSymbols(ReplayRunner.STALE_MILLIS);
    private final Set<Integer> assignedBeforeSession = new HashSet<>(); // no session record read since assigned
    private final PausedPartitions paused;
    private final OffsetCommits commits;
    private final LogRecordTimes times;

    OwnedPartitions(
            KafkaConsumer<byte[], byte[]> consumer,
            SessionParts parts,
            SessionHistory history,
            PausedPartitions paused) {
        this.consumer = consumer;
        this.parts = parts;
        this.sessions = new LogSessions(history);
        this.paused = paused;
        this.commits = new OffsetCommits(consumer, parts);
        this.times = new LogRecordTimes(parts.clock(), parts.stats().futureTrades);
    }

    /**
     * Runs one record: a session record starts its partition over in that session (re-warmed when it is the first
     * since the partition was assigned); a malformed one is counted and skipped. When PostgreSQL cannot answer what
     * a session record asks, the partition is paused at that record and read again later.
     */
    void add(ConsumerRecord<byte[], byte[]> r) {
        LogPartition p = owned.get(r.partition());
        if (p == null || paused.contains(r.partition())) return;
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
            StreamingSession s;
            List<Bar> stored;
            try {
                s = sessions.session(d.sessionId());
                stored = storedSinceAssignment(r.partition(), s);
            } catch (IllegalStateException e) { // PostgreSQL cannot answer: this record is read again later
                paused.pause(new TopicPartition(r.topic(), r.partition()), r.offset(), e.getMessage());
                return;
            }
            assignedBeforeSession.remove(r.partition());
            p.close();
            LogPartition fresh = partition(r.partition(), s, stored);
            fresh.add(r.offset(), d);
            owned.put(r.partition(), fresh);
            if (s != null) parts.sessions().attach(s);
            return;
        }
        StreamingSession in = p.session();
        if (times.accepts(d, in == null ? null : in.id()) && p.add(r.offset(), d))
            parts.stats().trades.incrementAndGet();
    }

    /**
     * The bars of {@code s} a previous owner stored for {@code partition}, when this is the first session record read
     * since the partition was assigned: the previous owner may have run the session's first trades without committing
     * past its session record (its first commit comes a second later), and re-running them without a re-warm would
     * publish its bars again. Empty otherwise: a session record read by the engine that owned the partition before it
     * starts a session nobody else has run.
     */
    private List<Bar> storedSinceAssignment(int partition, @Nullable StreamingSession s) {
        if (!assignedBeforeSession.contains(partition) || s == null) return List.of();
        List<Bar> bars = sessions.storedIfUnderway(s, partition, partitionCount());
        if (bars == null) return List.of();
        if (!bars.isEmpty())
            LOG.info(
                    "partition {}: {} bars stored before the hand-over re-warmed ({})", partition, bars.size(), s.id());
        return bars;
    }

    private int partitionCount() {
        return consumer.partitionsFor(TradeRecords.TOPIC).size();
    }

    /** Every {@value PausedPartitions#RETRY_MILLIS} ms, reads the paused partitions again (set up again first). */
    void retryPaused() {
        for (int partition : paused.due()) {
            TopicPartition tp = new TopicPartition(TradeRecords.TOPIC, partition);
            if (!owned.containsKey(partition)
                    && !takeOver(tp, consumer.committed(Set.of(tp)).get(tp)))
                return; // still down: the others wait for the next round
            paused.resume(partition);
        }
    }

    /** Hands every partition's thread what it holds (the end of a poll). */
    void handOff() {
        for (LogPartition p : owned.values()) p.handOff();
        sessions.endPoll();
    }

    /** A checkpoint of every owned partition, unless one waits to be committed; also updates health's symbol count. */
    void checkpoint() {
        parts.stats().activeSymbols(stale.symbols());
        if (!commits.hasPending()) commits.checkpoint(owned.values());
    }

    /** {@link OffsetCommits#commitIfDurable}. */
    void commitIfDurable() {
        commits.commitIfDurable(owned.keySet());
    }

    /** Commits every owned partition's offset once durable (a graceful stop or the session's end). */
    void commitAll() {
        commits.commitSync(List.copyOf(owned.values()));
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
        if (assigned.isEmpty()) return;
        int before = owned.size();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(assigned));
        boolean reachable = true; // after one failed look-up, the rest wait without asking (each costs a timeout)
        for (TopicPartition tp : assigned)
            if (reachable) reachable = takeOver(tp, committed.get(tp));
            else paused.pause(tp, -1, "PostgreSQL did not answer for an earlier partition");
        LOG.info(
                "engine {} assigned partitions {} ({} ready)",
                parts.config().engineId(),
                assigned.stream().map(TopicPartition::partition).sorted().toList(),
                owned.size() - before);
    }

    /**
     * Sets up a partition taken over: its committed offset's session and, while that session is under way, its
     * stored bars (the re-warm). When PostgreSQL cannot answer, the partition is paused before anything is read.
     *
     * @param c the group's committed offset of {@code tp}, null when it has none
     * @return whether it is set up
     */
    private boolean takeOver(TopicPartition tp, @Nullable OffsetAndMetadata c) {
        StreamingSession s;
        List<Bar> bars;
        try {
            s = sessions.session(c == null ? null : c.metadata());
            bars = s == null ? null : sessions.storedIfUnderway(s, tp.partition(), partitionCount());
        } catch (IllegalStateException e) {
            if (!paused.contains(tp.partition())) paused.pause(tp, -1, e.getMessage());
            return false;
        }
        if (s != null && bars != null) parts.sessions().attach(s); // a session under way
        owned.put(tp.partition(), partition(tp.partition(), s, bars == null ? List.of() : bars));
        assignedBeforeSession.add(tp.partition());
        if (s != null && bars != null && !bars.isEmpty())
            LOG.info("partition {}: {} stored bars of session {} re-warmed", tp.partition(), bars.size(), s.id());
        return true;
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
        commits.commitSync(leaving);
        drop(revoked);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
        drop(lost);
    }

    private void drop(Collection<TopicPartition> gone) {
        for (TopicPartition tp : gone) {
            LogPartition p = owned.remove(tp.partition());
            commits.forget(tp);
            assignedBeforeSession.remove(tp.partition());
            paused.remove(tp.partition());
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
