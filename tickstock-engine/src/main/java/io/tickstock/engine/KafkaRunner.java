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
 * {@code engine --source kafka} (docs/scale-out.md): one member of the consumer group {@value TradeRecords#GROUP} reading the trade
 * log, with cooperative-sticky assignment. It attaches to the newest open session (which {@code tickstock ingest}
 * started and will stop), runs each assigned partition as a {@link LogPartition}, and commits each partition's offset
 * at most once a second, only once the rows of the trades before it are durable in PostgreSQL; a partition it gives up
 * in a rebalance is committed the same way first. A session ends for the engine when PostgreSQL says it stopped
 * (ingest stops it once the group has committed the end of the log). Runs on the calling thread (the consumer thread).
 */
final class KafkaRunner {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaRunner.class);
    private static final long COMMIT_EVERY_MILLIS = 1_000, SESSION_CHECK_MILLIS = 1_000;
    private static final long DURABLE_WAIT_MILLIS = 30_000;

    private final SessionParts parts;
    private final SessionHistory history;

    KafkaRunner(SessionParts parts, SessionHistory history) {
        this.parts = parts;
        this.history = history;
    }

    /**
     * Serves session after session until {@code stop} says so.
     *
     * @param bootstrap Kafka bootstrap servers, host:port[,host:port…]
     */
    void run(String bootstrap, BooleanSupplier stop) throws InterruptedException {
        String last = null;
        while (!stop.getAsBoolean()) {
            StreamingSession s = awaitSession(last, stop);
            if (s == null) return;
            last = s.id();
            parts.sessions().attach(s);
            LOG.info("engine {} reads {} for session {}", parts.config().engineId(), TradeRecords.TOPIC, s.id());
            try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap);
                    Partitions owned = new Partitions(consumer, s)) {
                consumer.subscribe(List.of(TradeRecords.TOPIC), owned);
                consume(consumer, owned, s, stop);
                owned.commitAll();
            } finally {
                parts.sessions().detach();
            }
        }
    }

    /** The newest open session other than {@code last}, polled twice a second; null when stopped first. */
    private @Nullable StreamingSession awaitSession(@Nullable String last, BooleanSupplier stop)
            throws InterruptedException {
        long logged = 0;
        while (!stop.getAsBoolean()) {
            Optional<SessionHistory.OpenSession> open = history.newestOpenSession();
            if (open.isPresent() && !open.get().sessionId().equals(last)) {
                SessionHistory.OpenSession o = open.get();
                return new StreamingSession(
                        o.sessionId(),
                        o.universe(),
                        o.symbolCount(),
                        SessionTrigger.of(o.triggerType()),
                        o.startedAtMillis(),
                        o.patterns(),
                        o.indicators());
            }
            if (parts.clock().getAsLong() - logged >= 60_000) {
                logged = parts.clock().getAsLong();
                LOG.info("waiting for a session: start one with 'tickstock ingest'");
            }
            Thread.sleep(500);
        }
        return null;
    }

    private void consume(
            KafkaConsumer<byte[], byte[]> consumer, Partitions owned, StreamingSession s, BooleanSupplier stop) {
        long nextCommit = 0, nextCheck = 0;
        while (!stop.getAsBoolean()) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) owned.add(r);
            owned.handOff();
            long now = parts.clock().getAsLong();
            owned.commitIfDurable();
            if (now >= nextCommit) {
                nextCommit = now + COMMIT_EVERY_MILLIS;
                owned.checkpoint();
            }
            if (now >= nextCheck) {
                nextCheck = now + SESSION_CHECK_MILLIS;
                if (!history.isOpen(s.id())) {
                    LOG.info(
                            "session {} stopped; engine {} leaves it",
                            s.id(),
                            parts.config().engineId());
                    return;
                }
            }
        }
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
        private final StreamingSession session;
        private final Map<Integer, LogPartition> owned = new HashMap<>();
        private final StaleSymbols stale = new StaleSymbols(ReplayRunner.STALE_MILLIS);
        private Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
        private long pendingMark, malformed;

        Partitions(KafkaConsumer<byte[], byte[]> consumer, StreamingSession session) {
            this.consumer = consumer;
            this.session = session;
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
                if (offset >= 0)
                    pending.put(
                            new TopicPartition(TradeRecords.TOPIC, p.partition()),
                            new OffsetAndMetadata(offset, session.id()));
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
            Map<Integer, List<Bar>> stored = new HashMap<>();
            for (TopicPartition tp : assigned) stored.put(tp.partition(), new ArrayList<>());
            for (Bar bar : history.bars(session.id())) {
                List<Bar> mine = stored.get(TradeRecords.partitionOf(bar.symbol(), count));
                if (mine != null) mine.add(bar);
            }
            for (TopicPartition tp : assigned) {
                var emitter = parts.emitter().sibling();
                owned.put(
                        tp.partition(),
                        new LogPartition(
                                tp.partition(),
                                parts.config().analytics(),
                                emitter,
                                emitter.withBarObserver(bar -> stale.onBar(bar.symbol(), bar.startMillis())),
                                stored.getOrDefault(tp.partition(), List.of())));
            }
            LOG.info(
                    "engine {} assigned partitions {} ({} stored bars re-warmed)",
                    parts.config().engineId(),
                    assigned.stream().map(TopicPartition::partition).sorted().toList(),
                    stored.values().stream().mapToInt(List::size).sum());
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
