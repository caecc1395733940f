package io.tickstock.engine;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.kafka.TradeRecords;
import io.tickstock.engine.pipeline.Pipeline;
import io.tickstock.engine.publish.EventEmitter;
import io.tickstock.engine.session.StreamingSession;
import io.tickstock.engine.trades.Trade;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One partition of the trade log as an engine runs it (docs/scale-out.md): its own pipeline on its own thread ({@link
 * ShardThread}) and its own watermark. A partition holds its symbols' trades in the feed's order and a watermark record
 * (the event time the whole feed had reached) at least once a second, so it runs exactly as a single engine runs those
 * symbols; a partition is the unit an engine is assigned, so engines and partitions scale together.
 *
 * <p><b>Restart and hand-over.</b> A partition that comes from another engine (or a killed one) starts at the group's
 * committed offset, its symbols re-warmed from their stored bars; a trade of a minute already stored is skipped (the
 * resume rule of {@link SessionResumer}: nothing is stored or published twice).
 *
 * <p><b>Offsets.</b> {@link #committable()} is the offset after the newest watermark record whose event time lies
 * before every bar still open: every trade before that record belongs to a closed bar. Committed once the rows handed
 * to the writer by then are durable, it is where a successor starts without losing a trade.
 *
 * <p>Threads: the consumer thread calls every method; the pipeline runs on the partition's thread.
 */
final class LogPartition implements AutoCloseable {
    private final int partition;
    private final @Nullable StreamingSession session;
    private final long graceMillis;
    private final ShardThread thread;
    private final Map<String, Long> resumeAt = new HashMap<>();
    private final ArrayDeque<long[]> marks = new ArrayDeque<>(); // {offset, watermark} of watermark records
    private long watermark = Long.MIN_VALUE, lastOffset = -1, offered = -1, skipped;

    /**
     * @param root     the engine's emitter; the partition writes through a sibling with {@code session} of its own
     * @param session  the session the partition's records belong to (null: not known yet)
     * @param observer also sees every closed bar (partition thread)
     * @param stored   this partition's symbols' bars of the session, by symbol then time (re-warm; may be empty)
     */
    LogPartition(
            int partition,
            Pipeline.Options options,
            EventEmitter root,
            @Nullable StreamingSession session,
            Consumer<Bar> observer,
            List<Bar> stored) {
        this.partition = partition;
        this.session = session;
        this.graceMillis = options.graceMillis();
        EventEmitter emitter = root.sibling(session);
        Pipeline pipeline = new Pipeline(options, emitter.withBarObserver(observer));
        for (int i = 0; i < stored.size(); i++) {
            Bar bar = stored.get(i);
            boolean lastOfSymbol =
                    i + 1 == stored.size() || !stored.get(i + 1).symbol().equals(bar.symbol());
            pipeline.warm(bar, emitter.rewarming(lastOfSymbol));
            if (lastOfSymbol) resumeAt.put(bar.symbol(), bar.startMillis() + Bar.MINUTE);
        }
        this.thread = new ShardThread("partition-" + partition, pipeline); // its queue publishes the warmed state
    }

    int partition() {
        return partition;
    }

    /** The session its records belong to, or null before the first session record. */
    @Nullable
    StreamingSession session() {
        return session;
    }

    /**
     * Runs one record at {@code offset}.
     *
     * @return whether it was a trade that went to the pipeline (not a watermark, not a trade skipped as stored)
     */
    boolean add(long offset, TradeRecords.Decoded record) {
        lastOffset = offset;
        Trade t = record.trade();
        if (record.sessionId() != null) return false; // the runner starts the partition over for the new session
        if (t == null) {
            long w = record.watermarkMillis();
            marks.addLast(new long[] {offset, w});
            if (w > watermark) {
                watermark = w;
                thread.handOff(watermark, null, false);
            }
            return false;
        }
        Long from = resumeAt.get(t.symbol());
        if (from != null && t.timeMillis() < from) {
            skipped++;
            return false;
        }
        watermark = Math.max(watermark, t.timeMillis());
        thread.add(t, watermark);
        return true;
    }

    /** Hands the partition's thread what it holds (the end of a poll). */
    void handOff() {
        if (watermark != Long.MIN_VALUE) thread.handOff(watermark, null, false);
    }

    /** Hands over what it holds; {@code done} is counted down once the pipeline has run it. */
    void drain(CountDownLatch done) {
        thread.handOff(watermark, done, false);
    }

    /** @throws IllegalStateException when the partition's pipeline failed */
    void check() {
        thread.check();
    }

    /**
     * After {@link #drain}: the offset to commit once the rows written so far are durable, or -1 when it has not moved.
     * At the end of the feed ({@link Long#MAX_VALUE} watermark, every bar closed) it is the offset after the last
     * record.
     */
    long committable() {
        long next = -1;
        if (watermark == Long.MAX_VALUE) {
            marks.clear();
            next = lastOffset + 1;
        } else {
            long closedThrough = Math.floorDiv(watermark - graceMillis, Bar.MINUTE) * Bar.MINUTE; // earliest open bar
            while (!marks.isEmpty() && marks.peekFirst()[1] < closedThrough) next = marks.pollFirst()[0] + 1;
        }
        if (next <= offered) return -1;
        offered = next;
        return next;
    }

    /** Whether the feed ended on this partition (the end-of-feed watermark was read). */
    boolean ended() {
        return watermark == Long.MAX_VALUE;
    }

    /** Trades skipped because their minute was already stored. */
    long skipped() {
        return skipped;
    }

    /** Stops the thread after what it was handed; open bars are dropped (the partition's next owner rebuilds them). */
    @Override
    public void close() {
        thread.stop();
    }
}
