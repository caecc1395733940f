package io.tickstock.engine;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.health.StaleSymbols;
import io.tickstock.engine.kafka.TradeRecords;
import io.tickstock.engine.session.SessionTrigger;
import io.tickstock.engine.session.StreamingSession;
import io.tickstock.engine.store.SessionHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code engine --source kafka} (docs/scale-out.md): one member of the consumer group {@value TradeRecords#GROUP}
 * reading the trade log, with cooperative-sticky assignment, until stopped. Each assigned partition runs as a {@link
 * LogPartition}. Sessions come from the log: {@code tickstock ingest} writes a session record to every partition before
 * a session's first trade, and each commit carries the partition's session id as its metadata, so a partition taken
 * over mid-session is re-warmed from that session's stored bars and its rows go to that session. Offsets are committed
 * at most once a second, and only once the rows of the trades before them are durable in PostgreSQL; a partition given
 * up in a rebalance is committed the same way first. Runs on the calling thread (the consumer thread).
 */
final class KafkaRunner {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaRunner.class);
    private static final long COMMIT_EVERY_MILLIS = 1_000;
    private static final long DURABLE_WAIT_MILLIS = 30_000;

    private final SessionParts parts;
    private final SessionHistory history;
    private final Map<String, StreamingSession> sessions = new HashMap<>(); // consumer thread

    KafkaRunner(SessionParts parts, SessionHistory history) {
        this.parts = parts;
        this.history = history;
    }

    /**
     * Reads the log until {@code stop} says so, then commits what is durable and leaves the group.
     *
     * @param bootstrap Kafka bootstrap servers, host:port[,host:port…]
     */
    void run(String bootstrap, BooleanSupplier stop) {
        LOG.info("engine {} reads {} (group {})", parts.config().engineId(), TradeRecords.TOPIC, TradeRecords.GROUP);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap);
                Partitions owned = new Partitions(consumer)) {
            consumer.subscribe(List.of(TradeRecords.TOPIC), owned);
            long nextCommit = 0;
            while (!stop.getAsBoolean()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) owned.add(r);
                owned.handOff();
                owned.commitIfDurable();
                long now = parts.clock().getAsLong();
                if (now >= nextCommit) {
                    nextCommit = now + COMMIT_EVERY_MILLIS;
                    owned.checkpoint();
                }
            }
            owned.commitAll();
        } finally {
            parts.sessions().detach();
        }
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

    private KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, TradeRecords.GROUP);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "tickstock-" + parts.config().engineId());
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000); // a killed engine's partitions move within ~6 s
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    /**
     * The partitions this engine owns, as the rebalance listener keeps them, and their offsets: a checkpoint (every
     * partition drained, the committable offsets taken, the writer's mark) is committed once the mark is durable.
     */
    private final class Partitions implements ConsumerRebalanceListener, AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final Map<Integer, LogPartition> owned = new HashMap<>();
        private final StaleSymbols stale = new StaleSymbols(ReplayRunner.STALE_MILLIS);
        private Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
        private long pendingMark, malformed;

        Partitions(KafkaConsumer<byte[], byte[]> consumer) {
            this.consumer = consumer;
        }

        void add(ConsumerRecord<byte[], byte[]> r) {
            LogPartition p = owned.get(r.partition());
            if (p == null) return;
            TradeRecords.Decoded d;
            try {
                d = TradeRecords.decode(r.key(), r.value());
            } catch (IllegalArgumentException e) {
                malformed++;
                LOG.warn("skipped record {}@{} ({} so far): {}", r.partition(), r.offset(), malformed, e.getMessage());
                return;
            }
            if (d.sessionId() != null) { // a new session: the partition starts over in it
                StreamingSession s = session(d.sessionId());
                p.close();
                LogPartition fresh = partition(r.partition(), s, List.of());
                fresh.add(r.offset(), d);
                owned.put(r.partition(), fresh);
                if (s != null) parts.sessions().attach(s);
                return;
            }
            if (p.add(r.offset(), d)) parts.stats().trades.incrementAndGet();
        }

        void handOff() {
            for (LogPartition p : owned.values()) p.handOff();
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

        void checkpoint() {
            if (pending.isEmpty()) checkpoint(owned.values());
        }

        void commitIfDurable() {
            if (pending.isEmpty() || !parts.outputs().isDurable(pendingMark)) return;
            try {
                consumer.commitSync(pending);
                LOG.debug("committed {}", pending);
                pending = new HashMap<>();
            } catch (
                    org.apache.kafka.common.KafkaException
                            e) { // a rebalance under way, a timeout: kept for the next try
                pending.keySet().removeIf(tp -> !owned.containsKey(tp.partition()));
                LOG.info("offset commit deferred ({}); retried after the next poll", e.getMessage());
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
            Map<String, Map<Integer, List<Bar>>> stored = new HashMap<>(); // session → partition → bars
            int warmed = 0;
            for (TopicPartition tp : assigned) {
                OffsetAndMetadata c = committed.get(tp);
                StreamingSession s = session(c == null ? null : c.metadata());
                List<Bar> bars = List.of();
                if (s != null && history.isOpen(s.id())) { // a session under way: re-warm what it stored
                    bars = stored.computeIfAbsent(s.id(), id -> byPartition(id, count))
                            .getOrDefault(tp.partition(), List.of());
                    parts.sessions().attach(s);
                }
                warmed += bars.size();
                owned.put(tp.partition(), partition(tp.partition(), s, bars));
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
}
