package io.tickstock.engine;

import io.tickstock.engine.pipeline.Pipeline;
import io.tickstock.engine.trades.Trade;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One analytics shard's thread ({@link Shards}): takes batches of trades, each with the watermark to apply before it,
 * from a bounded queue ({@value #QUEUED} batches: a feed faster than the shard waits) and runs them through its
 * pipeline. The feed thread fills its own arrays and hands the shard a copy of the filled part (a hand-off with nothing
 * new, no trades and no later watermark, sends nothing), through the queue (happens-before). A failure in
 * the analytics, an exception or an {@link Error}, is kept, the shard then discards what follows (so the feed thread is
 * never left blocked on a full queue), and the feed thread gets it from {@link #check}.
 */
final class ShardThread {
    /** Most trades handed over at once. */
    static final int BATCH = 256;

    static final int QUEUED = 64;
    private static final Logger LOG = LoggerFactory.getLogger(ShardThread.class);

    /**
     * Trades with their watermarks, then a watermark for the end; {@code flush}: then the pipeline's flush; {@code
     * flushed}: counted down once run.
     */
    private static final class Batch {
        final Trade[] trades;
        final long[] watermarks;
        final int size;
        final long endWatermark;
        final @Nullable CountDownLatch flushed;
        final boolean flush;

        Batch(
                Trade[] trades,
                long[] watermarks,
                int size,
                long endWatermark,
                @Nullable CountDownLatch flushed,
                boolean flush) {
            this.flush = flush;
            this.trades = trades;
            this.watermarks = watermarks;
            this.size = size;
            this.endWatermark = endWatermark;
            this.flushed = flushed;
        }
    }

    private static final Batch STOP = new Batch(new Trade[0], new long[0], 0, Long.MIN_VALUE, null, false);

    private final Pipeline pipeline;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread thread;
    private final Trade[] trades = new Trade[BATCH]; // feed thread
    private final long[] watermarks = new long[BATCH];
    private long handedWatermark = Long.MIN_VALUE; // feed thread
    private int size;
    private volatile @Nullable Throwable failure;

    ShardThread(String name, Pipeline pipeline) {
        this.pipeline = pipeline;
        this.thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    /** Adds a trade to apply after {@code watermark}; hands the batch over when full. Feed thread. */
    void add(Trade trade, long watermark) {
        trades[size] = trade;
        watermarks[size] = watermark;
        if (++size == BATCH) handOff(watermark, null, false);
    }

    /**
     * Hands over the waiting trades, then {@code watermark}; with {@code flush}, the pipeline's flush (every open bar
     * closed) after them; {@code done} is counted down when the shard has run them. Feed thread.
     */
    void handOff(long watermark, @Nullable CountDownLatch done, boolean flush) {
        check();
        if (size == 0 && watermark <= handedWatermark && done == null && !flush) return; // nothing new for the shard
        handedWatermark = Math.max(handedWatermark, watermark);
        // the shard gets copies of the filled part; the feed thread keeps filling its own arrays
        put(new Batch(Arrays.copyOf(trades, size), Arrays.copyOf(watermarks, size), size, watermark, done, flush));
        Arrays.fill(trades, 0, size, null);
        size = 0;
    }

    /** @throws IllegalStateException with the shard's failure (exception or error, its class named), if it failed */
    void check() {
        Throwable f = failure;
        if (f != null) throw new IllegalStateException(thread.getName() + " failed: " + f, f);
    }

    /** Ends the thread after the batches queued before. Feed thread. */
    void stop() {
        put(STOP);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(Batch b) {
        try {
            queue.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing trades to " + thread.getName(), e);
        }
    }

    private void run() {
        long applied = Long.MIN_VALUE;
        while (true) {
            Batch b;
            try {
                b = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (b == STOP) return;
            try {
                if (failure == null) applied = apply(b, applied);
            } catch (RuntimeException | Error e) { // an Error too: a dead shard would leave the feed thread blocked
                failure = e;
                LOG.error("{} failed; its symbols get no more analytics this session", thread.getName(), e);
            } finally {
                if (b.flushed != null) b.flushed.countDown();
            }
        }
    }

    /** Runs one batch; returns the watermark applied last. */
    private long apply(Batch b, long applied) {
        for (int i = 0; i < b.size; i++) {
            if (b.watermarks[i] > applied) {
                applied = b.watermarks[i];
                pipeline.onWatermark(applied);
            }
            pipeline.onTrade(b.trades[i]);
        }
        if (b.endWatermark > applied) {
            applied = b.endWatermark;
            pipeline.onWatermark(applied);
        }
        if (b.flush) pipeline.flush();
        return applied;
    }
}
