package io.tickstock.engine;

import io.tickstock.engine.kafka.TradeRecords;
import io.tickstock.engine.session.StreamingSession;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trade-log offsets an engine commits ({@link OwnedPartitions}): a checkpoint drains the partitions, takes their
 * committable offsets (each with its partition's session id as metadata) and the history writer's durability mark;
 * it is committed only once every row handed to the writer before the mark is in PostgreSQL, and never after a row was
 * dropped ({@code HistoryWriter#isDurable}): the trades behind an unwritten row are read again after a restart.
 * Consumer thread only.
 */
final class OffsetCommits {
    private static final Logger LOG = LoggerFactory.getLogger(OffsetCommits.class);
    private static final long DURABLE_WAIT_MILLIS = 30_000;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final SessionParts parts;
    private Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    private long pendingMark;

    OffsetCommits(KafkaConsumer<byte[], byte[]> consumer, SessionParts parts) {
        this.consumer = consumer;
        this.parts = parts;
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Drains {@code which}, adds their committable offsets to the pending commit and takes the writer's mark. */
    void checkpoint(Collection<LogPartition> which) {
        CountDownLatch done = new CountDownLatch(which.size());
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

    /** Commits the waiting checkpoint once its rows are durable; a failed commit is kept for the next call. */
    void commitIfDurable(Set<Integer> owned) {
        if (pending.isEmpty() || !parts.outputs().isDurable(pendingMark)) return;
        try {
            consumer.commitSync(pending);
            LOG.debug("committed {}", pending);
            pending = new HashMap<>();
        } catch (KafkaException e) { // a rebalance under way, a timeout: kept for the next try
            pending.keySet().removeIf(tp -> !owned.contains(tp.partition()));
            LOG.debug("offset commit deferred ({}); retried after the next poll", e.getMessage());
        }
    }

    /** Checkpoints {@code which} and commits their offsets once durable, waiting up to 30 s (a partition given up). */
    void commitSync(List<LogPartition> which) {
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
        } catch (KafkaException e) {
            LOG.warn(
                    "offsets of partitions given up not committed ({}); their next owner re-reads from the last commit",
                    e.getMessage());
        }
    }

    /** Forgets a partition given up. */
    void forget(TopicPartition tp) {
        pending.remove(tp);
    }
}
