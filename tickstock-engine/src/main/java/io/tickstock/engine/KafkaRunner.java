package io.tickstock.engine;

import io.tickstock.engine.kafka.KafkaConnection;
import io.tickstock.engine.kafka.TradeRecords;
import io.tickstock.engine.store.SessionHistory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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

    private final SessionParts parts;
    private final SessionHistory history;
    /** Whether the critical alert for dropped rows went out (once per engine). */
    private boolean droppedReported;

    KafkaRunner(SessionParts parts, SessionHistory history) {
        this.parts = parts;
        this.history = history;
    }

    /**
     * Reads the log until {@code stop} says so, then commits what is durable and leaves the group.
     *
     * @param kafka the trade log's servers and client settings
     */
    void run(KafkaConnection kafka, BooleanSupplier stop) {
        PausedPartitions paused;
        LOG.info("engine {} reads {} (group {})", parts.config().engineId(), TradeRecords.TOPIC, TradeRecords.GROUP);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka);
                OwnedPartitions owned = new OwnedPartitions(
                        consumer,
                        parts,
                        history,
                        paused = new PausedPartitions(consumer, parts.clock(), parts.stats().pausedPartitions))) {
            consumer.subscribe(List.of(TradeRecords.TOPIC), owned);
            long nextCommit = 0;
            while (!stop.getAsBoolean()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) owned.add(r);
                owned.handOff();
                holdWhileBacklogged(paused);
                owned.retryPaused();
                owned.commitIfDurable();
                long now = parts.clock().getAsLong();
                parts.stats().progress.beat(now);
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

    /**
     * Stops reading the log while the history writer is backlogged (its spool or queue filling, or a full disk) and
     * reads on when it has caught up; a row dropped anyway freezes the offsets ({@code isDurable}), said once by a
     * critical alert: the trades are read again after a restart.
     */
    private void holdWhileBacklogged(PausedPartitions paused) {
        boolean backlogged = parts.outputs().writerBacklogged();
        if (paused.hold(backlogged))
            LOG.warn(
                    backlogged
                            ? "history writer backlogged: reading of the trade log paused (the log keeps the trades)"
                            : "history writer caught up: reading the trade log again");
        if (!droppedReported && parts.outputs().rowsDropped() > 0) {
            droppedReported = true;
            parts.outputs()
                    .critical(
                            "postgresql",
                            true,
                            parts.outputs().rowsDropped() + " history rows dropped: trade-log offsets are no "
                                    + "longer committed",
                            "Restart the engine: it reads the trades of the dropped rows again from the last committed "
                                    + "offsets; give the spool more room (--spool-max-mb)");
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer(KafkaConnection kafka) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, TradeRecords.GROUP);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "tickstock-" + parts.config().engineId());
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false); // ingest creates it, with its partitions
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000); // a topic created after the engine started is read in 5 s
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000); // a killed engine's partitions move within ~6 s
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(kafka.clientConfig(p));
    }
}
