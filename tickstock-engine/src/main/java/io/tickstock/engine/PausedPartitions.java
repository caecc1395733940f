package io.tickstock.engine;

import io.tickstock.engine.kafka.TradeRecords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trade-log partitions an engine stopped reading because PostgreSQL could not answer what they needed ({@link
 * OwnedPartitions}), each with the offset to read again from, and when to try again: every {@value #RETRY_MILLIS} ms.
 * Consumer thread only.
 */
final class PausedPartitions {
    private static final Logger LOG = LoggerFactory.getLogger(PausedPartitions.class);
    static final long RETRY_MILLIS = 5_000;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final LongSupplier clock;
    private final AtomicInteger gauge;
    private final Map<Integer, Long> offsets = new HashMap<>(); // partition → offset to read again (-1: its position)
    private long nextRetry;
    private boolean held;

    /**
     * @param clock monotonic ms
     * @param gauge set to the number of paused partitions (metric {@code tickstock_trade_log_paused_partitions})
     */
    PausedPartitions(KafkaConsumer<byte[], byte[]> consumer, LongSupplier clock, AtomicInteger gauge) {
        this.consumer = consumer;
        this.clock = clock;
        this.gauge = gauge;
    }

    /**
     * Stops reading {@code tp}; {@code offset} is the record to read again, or -1 for the consumer's position; {@code
     * why} is logged.
     */
    void pause(TopicPartition tp, long offset, @Nullable String why) {
        consumer.pause(List.of(tp));
        offsets.put(tp.partition(), offset);
        gauge.set(offsets.size());
        nextRetry = clock.getAsLong() + RETRY_MILLIS;
        LOG.warn(
                "partition {} paused{}: {}; tried again every {} s",
                tp.partition(),
                offset < 0 ? "" : " at offset " + offset,
                why,
                RETRY_MILLIS / 1000);
    }

    boolean contains(int partition) {
        return offsets.containsKey(partition);
    }

    /** Forgets a partition given up (the consumer forgets its pause itself). */
    void remove(int partition) {
        offsets.remove(partition);
        gauge.set(offsets.size());
    }

    /** The paused partitions when a retry is due (then the next one is {@value #RETRY_MILLIS} ms later), else none. */
    List<Integer> due() {
        if (offsets.isEmpty() || clock.getAsLong() < nextRetry) return List.of();
        nextRetry = clock.getAsLong() + RETRY_MILLIS;
        return List.copyOf(offsets.keySet());
    }

    /**
     * Stops reading every assigned partition while the history writer is backlogged ({@code on}), and reads again
     * those not paused for PostgreSQL when it is no more: the log keeps the trades meanwhile, so no row is dropped.
     *
     * @return whether the state changed
     */
    boolean hold(boolean on) {
        boolean changed = on != held;
        held = on;
        if (on) consumer.pause(consumer.assignment()); // partitions assigned since are held too
        else if (changed) {
            List<TopicPartition> again = new ArrayList<>();
            for (TopicPartition tp : consumer.assignment()) if (!offsets.containsKey(tp.partition())) again.add(tp);
            consumer.resume(again);
        }
        return changed;
    }

    /** Reads {@code partition} again, from the record it was paused at (once the writer is no more backlogged). */
    void resume(int partition) {
        Long offset = offsets.remove(partition);
        gauge.set(offsets.size());
        TopicPartition tp = new TopicPartition(TradeRecords.TOPIC, partition);
        if (offset != null && offset >= 0) consumer.seek(tp, offset);
        if (!held) consumer.resume(List.of(tp));
        LOG.info("partition {} read again", partition);
    }
}
