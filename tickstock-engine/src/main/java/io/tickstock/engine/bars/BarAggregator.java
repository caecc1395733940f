package io.tickstock.engine.bars;

import io.tickstock.engine.feed.Trade;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds one-minute bars for every symbol and closes them by watermark: a bar starting at {@code s}
 * closes once the watermark reaches {@code s + 60 s + grace}, whether or not another trade arrives.
 * A minute without eligible trades yields no bar. A trade for a minute that is already closed is late:
 * it is counted and left out (corrections come later). Bars closing on the same watermark are emitted in
 * symbol order, so replays are deterministic. Single-threaded: call from the shard thread only.
 */
public final class BarAggregator {
    private final long graceMillis;
    private final Consumer<Bar> onClose;
    private final Map<String, BarBuilder> builders = new HashMap<>();
    private final Map<String, Long> lastClosedStart = new HashMap<>();
    private long nextCloseAt = Long.MAX_VALUE;
    private long lateTrades, ineligibleTrades;

    /**
     * @param graceMillis how long after a minute ends its bar stays open for stragglers (default 2000)
     * @param onClose     receives each closed bar, on the calling thread
     */
    public BarAggregator(long graceMillis, Consumer<Bar> onClose) {
        this.graceMillis = graceMillis;
        this.onClose = onClose;
    }

    /** Adds one trade (any time order within the open minute). Ineligible and late trades are counted only. */
    public void onTrade(Trade trade) {
        if (!trade.eligible()) {
            ineligibleTrades++;
            return;
        }
        long barStart = Math.floorDiv(trade.timeMillis(), Bar.MINUTE) * Bar.MINUTE;
        BarBuilder b = builders.computeIfAbsent(trade.symbol(), BarBuilder::new);
        if (b.isOpen() && b.startMillis == barStart) {
            b.add(trade.price(), trade.size());
            return;
        }
        Long closed = lastClosedStart.get(trade.symbol());
        if ((closed != null && barStart <= closed) || (b.isOpen() && barStart < b.startMillis)) {
            lateTrades++;
            return;
        }
        if (b.isOpen()) close(b); // a new minute began before the watermark closed the previous one
        b.start(barStart, trade.price(), trade.size());
        nextCloseAt = Math.min(nextCloseAt, barStart + Bar.MINUTE + graceMillis);
    }

    /** Advances event time to {@code watermarkMillis} (epoch ms) and closes every bar that is due. */
    public void onWatermark(long watermarkMillis) {
        if (watermarkMillis < nextCloseAt) return;
        List<BarBuilder> due = new ArrayList<>();
        long next = Long.MAX_VALUE;
        for (BarBuilder b : builders.values()) {
            if (!b.isOpen()) continue;
            long closeAt = b.startMillis + Bar.MINUTE + graceMillis;
            if (closeAt <= watermarkMillis) due.add(b);
            else next = Math.min(next, closeAt);
        }
        nextCloseAt = next;
        due.sort((x, y) -> x.symbol.compareTo(y.symbol));
        for (BarBuilder b : due) close(b);
    }

    /** Closes every open bar (end of replay). */
    public void flush() {
        onWatermark(Long.MAX_VALUE);
    }

    private void close(BarBuilder b) {
        lastClosedStart.put(b.symbol, b.startMillis);
        onClose.accept(b.build());
    }

    /** Trades that arrived after their bar had closed. */
    public long lateTrades() {
        return lateTrades;
    }

    /** Trades excluded by eligibility (LEAN: suspicious). */
    public long ineligibleTrades() {
        return ineligibleTrades;
    }

    /** Symbols that have traded. */
    public int symbolCount() {
        return builders.size();
    }
}
