package io.tickstock.engine.health;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.function.Supplier;

/**
 * Counters the engine's threads update and the health monitor reads. Thread-safe: the shard thread
 * writes trades, bars and symbols; the publisher writes lag; the monitor reads and resets the lag maximum.
 */
public final class EngineStats {
    public final AtomicLong trades = new AtomicLong();
    public final AtomicLong bars = new AtomicLong();
    /** Patterns published, and when the last one was (epoch ms, 0 before the first). */
    public final AtomicLong patterns = new AtomicLong(), lastPatternMillis = new AtomicLong();
    /** Indicator alerts published. */
    public final AtomicLong alerts = new AtomicLong();
    /** Trade-log records skipped because they did not decode (scale-out engines). */
    public final AtomicLong malformedRecords = new AtomicLong();
    /** Live trades refused as stamped more than the allowed clock skew ahead of the wall clock. */
    public final AtomicLong futureTrades = new AtomicLong();
    /** Live trades dropped as late: of a bar closed longer ago than the correction window (15 min by default). */
    public final AtomicLong lateTrades = new AtomicLong();
    /** Trades refused because their symbol came beyond the most symbols kept ({@code --max-symbols}). */
    public final AtomicLong beyondMaxSymbols = new AtomicLong();
    /** Replayed trades refused as stamped outside the replayed day. */
    public final AtomicLong outsideWindow = new AtomicLong();
    /** The feed thread's pulse, which the heartbeat asserts. */
    public final FeedProgress progress = new FeedProgress();
    /** Trade-log partitions paused because PostgreSQL could not answer what they need (scale-out engines). */
    public final AtomicInteger pausedPartitions = new AtomicInteger();

    private final LongAccumulator maxLagMs = new LongAccumulator(Math::max, 0);
    private volatile int activeSymbols;
    private volatile List<String> staleSymbols = List.of();
    private volatile String connectionStatus = "connected";
    private volatile Supplier<Map<String, Long>> skippedUnread = Map::of;

    /** Records one publication's bar-close-to-acknowledgment time. */
    public void lag(long millis) {
        maxLagMs.accumulate(millis);
    }

    /** The largest lag since the last call, then resets it. */
    public long takeMaxLag() {
        return maxLagMs.getThenReset();
    }

    public int activeSymbols() {
        return activeSymbols;
    }

    public void activeSymbols(int n) {
        activeSymbols = n;
    }

    public List<String> staleSymbols() {
        return staleSymbols;
    }

    public void staleSymbols(List<String> symbols) {
        staleSymbols = List.copyOf(symbols);
    }

    public String connectionStatus() {
        return connectionStatus;
    }

    public void connectionStatus(String status) {
        connectionStatus = status;
    }

    /** Messages not published per channel because nobody subscribed, since start (channels with none left out). */
    public Map<String, Long> skippedUnread() {
        return skippedUnread.get();
    }

    /** Where {@link #skippedUnread()} comes from (the publisher). */
    public void skippedUnread(Supplier<Map<String, Long>> source) {
        this.skippedUnread = source;
    }
}
