package io.tickstock.engine.store;

import java.util.function.BooleanSupplier;

/**
 * Waits on a {@link HistoryWriter} from a feed that can wait (a replay, a process about to end), never from a live
 * one. Polls every 10 ms (the backpressure) or 100 ms (the end) on the calling thread.
 */
public final class HistoryBarrier {
    private HistoryBarrier() {}

    /**
     * Backpressure for a replay: when the writer is more than half full, waits until it is under a quarter full, so
     * that the rows the pipeline still holds fit in the other half rather than being dropped. While PostgreSQL is down
     * that lasts until it returns, so the caller decides at every poll whether to go on waiting (an operator's stop).
     *
     * @param keepWaiting called at every poll while waiting (a liveness beat, the stop command); false ends the wait
     * @return false when {@code keepWaiting} ended the wait or the thread was interrupted, true otherwise
     */
    public static boolean awaitRoom(HistoryWriter writer, BooleanSupplier keepWaiting) {
        if (writer.fill() <= 0.5) return true;
        while (writer.fill() > 0.25) {
            if (!keepWaiting.getAsBoolean()) return false;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Waits until every row queued so far is committed to PostgreSQL, as long as rows keep being written: gives up
     * after {@code stallMillis} without one (PostgreSQL down), or when a row was dropped, leaving the rest in the spool
     * for the next start. For a process about to end, whose rows would otherwise wait past the close's 10 s.
     *
     * @return whether every row is stored
     * @throws InterruptedException when interrupted while waiting
     */
    public static boolean awaitStored(HistoryWriter writer, long stallMillis) throws InterruptedException {
        long mark = writer.durableMark(), seen = writer.written(), progressAt = System.nanoTime();
        while (!writer.isDurable(mark)) {
            if (writer.dropped() > 0) return false;
            if (writer.written() != seen) {
                seen = writer.written();
                progressAt = System.nanoTime();
            } else if (System.nanoTime() - progressAt > stallMillis * 1_000_000L) return false;
            Thread.sleep(100);
        }
        return true;
    }
}
