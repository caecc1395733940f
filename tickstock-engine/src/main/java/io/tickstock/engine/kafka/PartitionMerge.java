package io.tickstock.engine.kafka;

import io.tickstock.engine.trades.Trade;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Merges the partitions of the trade log an engine reads into one stream in event-time order, so that the engine's
 * analytics see what one engine reading the feed directly would see (no trade found late because another partition
 * was read ahead). Each partition's records are buffered; the earliest buffered trade is released once every other
 * partition has either a buffered trade at or after it or a watermark at or after it (a partition's later trades are
 * never before its watermark: ingest writes a watermark only for event time its feed has reached). After each {@link
 * #drain} the merged watermark — the earliest time any partition may still deliver — goes to the sink when it moved.
 *
 * <p>A partition that never gets a record holds the merge back: ingest writes watermarks to every partition at least
 * once a second, so this lasts a second at most. Not thread-safe: the consumer thread.
 */
public final class PartitionMerge {
    /** Where merged trades and watermarks go, in order. */
    public interface Sink {
        void trade(Trade trade);

        /** Event time every partition has reached, epoch ms; {@link Long#MAX_VALUE}: every partition ended. */
        void watermark(long epochMillis);
    }

    private static final class Partition {
        final ArrayDeque<Trade> trades = new ArrayDeque<>();
        long watermark = Long.MIN_VALUE;
    }

    private final Map<Integer, Partition> partitions = new HashMap<>();
    private long emittedWatermark = Long.MIN_VALUE;

    /** Starts reading {@code assigned} (already assigned ones keep their buffers). */
    public void assign(Collection<Integer> assigned) {
        for (int p : assigned) partitions.computeIfAbsent(p, k -> new Partition());
    }

    /** Stops reading {@code revoked}; their buffered trades are dropped (another engine reads them from its offset). */
    public void revoke(Collection<Integer> revoked) {
        for (int p : revoked) partitions.remove(p);
    }

    /**
     * Buffers one record of {@code partition}.
     *
     * @throws IllegalArgumentException when the partition is not assigned
     */
    public void add(int partition, TradeRecords.Decoded record) {
        Partition p = partitions.get(partition);
        if (p == null) throw new IllegalArgumentException("partition " + partition + " is not assigned");
        Trade t = record.trade();
        if (t != null) p.trades.add(t);
        else p.watermark = Math.max(p.watermark, record.watermarkMillis());
    }

    /** Hands {@code sink} every trade that can be released now, in event-time order, then the merged watermark. */
    public void drain(Sink sink) {
        if (partitions.isEmpty()) return;
        while (true) {
            Partition earliest = null;
            long bound = Long.MAX_VALUE; // the least watermark among partitions with nothing buffered
            for (Partition p : partitions.values()) {
                Trade head = p.trades.peek();
                if (head == null) bound = Math.min(bound, p.watermark);
                else if (earliest == null
                        || head.timeMillis() < earliest.trades.element().timeMillis()) earliest = p;
            }
            if (earliest == null || earliest.trades.element().timeMillis() > bound) break;
            sink.trade(earliest.trades.remove());
        }
        long merged = Long.MAX_VALUE;
        for (Partition p : partitions.values()) {
            Trade head = p.trades.peek();
            merged = Math.min(merged, head == null ? p.watermark : head.timeMillis());
        }
        if (merged > emittedWatermark && merged != Long.MIN_VALUE) {
            emittedWatermark = merged;
            sink.watermark(merged);
        }
    }

    /** Trades buffered, not yet released. */
    public int buffered() {
        int n = 0;
        for (Partition p : partitions.values()) n += p.trades.size();
        return n;
    }
}
