package io.tickstock.engine;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.pipeline.Pipeline;
import io.tickstock.engine.publish.EventEmitter;
import io.tickstock.engine.trades.Trade;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * One session's analytics split over shards (docs/engine.md): shard {@code k} owns the symbols whose hash modulo the
 * shard count is {@code k}, with its own {@link Pipeline} and {@link EventEmitter} ({@link EventEmitter#sibling}), on
 * its own thread ({@link ShardThread}), so a watermark's bar close runs on every shard at once and each shard writes
 * its own messages.
 *
 * <p>Every trade travels with the watermark the engine had reached when it was read (the latest trade time or
 * watermark so far), which its shard applies before the trade: each shard closes the same bars at the same watermarks
 * and finds the same trades late, so the shards publish and store exactly what one pipeline would, in another order
 * across symbols. Trades reach a shard in batches of up to {@value ShardThread#BATCH}, at each watermark, or on {@link
 * #handOff} (a live feed with nothing more waiting): the hand-off costs a live trade at most the time until its feed is
 * momentarily empty.
 *
 * <p>With one shard everything runs on the calling thread through one plain Pipeline. Threads: call every method from
 * the feed's thread; {@code observer} is called from the shard threads, one call at a time.
 */
public final class Shards implements AutoCloseable {
    private final Pipeline[] pipelines;
    private final EventEmitter[] emitters;
    private final ShardThread @Nullable [] threads; // null with one shard: the calling thread runs the pipeline
    private long watermark = Long.MIN_VALUE;

    /**
     * @param count    shards, at least 1
     * @param emitter  the first shard's emitter; the others get its siblings
     * @param observer also sees every closed bar (after the emitter)
     * @throws IllegalArgumentException when {@code count} is below 1
     */
    public Shards(int count, Pipeline.Options options, EventEmitter emitter, Consumer<Bar> observer) {
        if (count < 1) throw new IllegalArgumentException("--shards must be at least 1, was " + count);
        pipelines = new Pipeline[count];
        emitters = new EventEmitter[count];
        Object lock = new Object();
        Consumer<Bar> observed = count == 1
                ? observer
                : bar -> {
                    synchronized (lock) {
                        observer.accept(bar);
                    }
                };
        for (int k = 0; k < count; k++) {
            emitters[k] = k == 0 ? emitter : emitter.sibling();
            pipelines[k] = new Pipeline(
                    options.withMaxSymbols(Math.max(1, (options.maxSymbols() + count - 1) / count)),
                    emitters[k].withBarObserver(observed));
        }
        if (count == 1) {
            threads = null;
        } else {
            threads = new ShardThread[count];
            for (int k = 0; k < count; k++) threads[k] = new ShardThread("shard-" + k, pipelines[k]);
        }
    }

    /** The shard that owns {@code symbol} among {@code count}. */
    public static int shardOf(String symbol, int count) {
        int h = symbol.hashCode();
        return Math.floorMod(h ^ (h >>> 16), count);
    }

    /** Adds a trade; its own time also advances the watermark (event time). */
    public void onTrade(Trade trade) {
        if (threads == null) {
            pipelines[0].onTrade(trade);
            return;
        }
        watermark = Math.max(watermark, trade.timeMillis());
        threads[shardOf(trade.symbol(), threads.length)].add(trade, watermark);
    }

    /** Advances event time without a trade on every shard, closing due bars. */
    public void onWatermark(long epochMillis) {
        if (threads == null) {
            pipelines[0].onWatermark(epochMillis);
            return;
        }
        watermark = Math.max(watermark, epochMillis);
        for (ShardThread t : threads) t.handOff(watermark, null, false);
    }

    /** Hands every shard its waiting trades and the current watermark now (the feed has nothing more waiting). */
    public void handOff() {
        if (threads != null && watermark != Long.MIN_VALUE)
            for (ShardThread t : threads) t.handOff(watermark, null, false);
    }

    /**
     * Closes every open bar on every shard and returns once all have published them (end of input).
     *
     * @throws IllegalStateException when a shard failed
     */
    public void flush() {
        if (threads == null) {
            pipelines[0].flush();
            return;
        }
        await(true);
    }

    /**
     * Hands every shard what it holds and returns once all have run it (no bar is closed that the watermark does not
     * close): a barrier, for measurements and tests.
     *
     * @throws IllegalStateException when a shard failed
     */
    public void drain() {
        if (threads != null) await(false);
    }

    private void await(boolean flush) {
        ShardThread[] all = Objects.requireNonNull(threads);
        CountDownLatch done = new CountDownLatch(all.length);
        for (ShardThread t : all) t.handOff(watermark, done, flush);
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the shards", e);
        }
        for (ShardThread t : all) t.check();
    }

    /**
     * Re-warms a symbol after a restart on the shard that owns it (before its first trade): the bar's analytics run,
     * nothing is published; {@code writeRows} writes the bar's rows again.
     */
    public void warm(Bar bar, boolean writeRows) {
        int k = shardOf(bar.symbol(), pipelines.length);
        pipelines[k].warm(bar, emitters[k].rewarming(writeRows));
    }

    public int count() {
        return pipelines.length;
    }

    public long trades() {
        return sum(Pipeline::trades);
    }

    public long closedBars() {
        return sum(Pipeline::closedBars);
    }

    public long correctedBars() {
        return sum(Pipeline::correctedBars);
    }

    public long lateTrades() {
        return sum(Pipeline::lateTrades);
    }

    /** Trades refused because their symbol came beyond the shards' share of the most symbols kept. */
    public long refusedSymbolTrades() {
        return sum(Pipeline::refusedSymbolTrades);
    }

    public long ineligibleTrades() {
        return sum(Pipeline::ineligibleTrades);
    }

    private long sum(ToLongFunction<Pipeline> count) {
        long n = 0;
        for (Pipeline p : pipelines) n += count.applyAsLong(p);
        return n;
    }

    /** Stops the shard threads after what they hold (call {@link #flush} first to close the open bars). */
    @Override
    public void close() {
        if (threads != null) for (ShardThread t : threads) t.stop();
    }
}
