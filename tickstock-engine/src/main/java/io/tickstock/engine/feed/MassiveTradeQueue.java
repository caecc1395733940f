package io.tickstock.engine.feed;

import io.tickstock.contract.LogText;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.trades.ClockSkewGuard;
import io.tickstock.engine.trades.Trade;
import io.tickstock.engine.trades.TradeConditions;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer side of {@link MassiveClient}: takes the raw frames the socket queued, decodes them
 * ({@link MassiveFrames}) into trades handed out one by one, checks each ticker's sequence numbers, passes minute
 * aggregates on and counts malformed frames by reason (the first of each reason logged). A trade stamped too far in the
 * future is refused ({@link ClockSkewGuard}). {@link #poll} runs on one
 * consumer thread; the counters may be read from any thread.
 */
final class MassiveTradeQueue {
    private static final Logger LOG = LoggerFactory.getLogger(MassiveTradeQueue.class);

    private final BlockingQueue<String> frames;
    private final MassiveFrames decoder;
    private final ArrayDeque<Trade> decoded = new ArrayDeque<>();
    private final Map<String, Long> lastSequence = new HashMap<>();
    private final Map<String, Long> malformed = new ConcurrentHashMap<>();
    private final AtomicLong trades = new AtomicLong(),
            sequenceGaps = new AtomicLong(),
            sequenceRegressions = new AtomicLong();
    private volatile Consumer<Bar> aggregates = bar -> {};
    private final ClockSkewGuard future;

    /** @param future refuses trades stamped too far ahead of the wall clock */
    MassiveTradeQueue(BlockingQueue<String> frames, TradeConditions conditions, ClockSkewGuard future) {
        this.frames = frames;
        this.decoder = new MassiveFrames(conditions);
        this.future = future;
    }

    /** Receives the minute aggregates ({@code AM.*} topics) on the {@link #poll} thread. */
    void onAggregates(Consumer<Bar> consumer) {
        this.aggregates = consumer;
    }

    /**
     * The next trade, decoding queued frames as needed; null after {@code timeout} without one.
     *
     * @throws InterruptedException when the consumer thread is interrupted
     */
    @Nullable
    Trade poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (decoded.isEmpty()) {
            String frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame == null) return null;
            decoder.decode(frame, sink);
        }
        return decoded.pollFirst();
    }

    private final MassiveFrames.Sink sink = new MassiveFrames.Sink() {
        @Override
        public void onTrade(Trade trade, long sequence) {
            if (!future.accepts(trade.timeMillis(), trade.symbol())) return;
            trades.incrementAndGet();
            if (sequence >= 0) {
                Long last = lastSequence.put(trade.symbol(), sequence);
                if (last != null && sequence <= last) sequenceRegressions.incrementAndGet();
                else if (last != null && sequence > last + 1) sequenceGaps.incrementAndGet();
            }
            decoded.addLast(trade);
        }

        @Override
        public void onStatus(String status, String message) {}

        @Override
        public void onAggregate(Bar bar) {
            aggregates.accept(bar);
        }

        @Override
        public void onMalformed(String reason) {
            if (malformed.merge(reason, 1L, Long::sum) == 1) {
                LOG.warn(
                        "Massive frame skipped ({}); further frames with this reason are counted only",
                        LogText.quote(reason));
            }
        }
    };

    long trades() {
        return trades.get();
    }

    Map<String, Long> malformed() {
        return Map.copyOf(malformed);
    }

    /** Trades refused as stamped too far ahead of the wall clock. */
    long futureTrades() {
        return future.refused();
    }

    long sequenceGaps() {
        return sequenceGaps.get();
    }

    long sequenceRegressions() {
        return sequenceRegressions.get();
    }
}
