package io.tickstock.engine.bars;

import io.tickstock.engine.trades.Trade;
import io.tickstock.engine.trades.TradeUpdates;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds one-minute bars for every symbol and closes them by watermark: a bar starting at {@code s} closes
 * once the watermark (event time in replay, wall clock live; epoch ms) reaches {@code s + 60 s + grace},
 * whether or not another trade arrives. Bars closing on the same watermark are emitted in symbol order,
 * so replays are deterministic.
 * <ul>
 *   <li>Eligibility: a trade updates only the fields its {@link TradeUpdates} allow; a minute whose trades
 *       update no price yields no bar.</li>
 *   <li>Late trades: a trade for a minute already closed, if that minute ended within the correction window
 *       (default 15 min, Massive's) before the watermark, amends the bar and is emitted as a correction with
 *       its revision (1, 2, …); a minute that had no bar gets one, as revision 1. Older trades are counted
 *       in {@link #lateTrades()} and dropped.</li>
 *   <li>Fill-forward (off by default): a minute without a bar, between two bars of the same symbol, day and
 *       session, or up to the watermark, gets a {@link Bar#filled() filled} bar at the previous close.</li>
 *   <li>Closing auction (on by default, the data vendors' convention): a print marked
 *       {@link TradeUpdates#CLOSING_AUCTION} that comes within five minutes after the close goes to the last
 *       regular-hours bar, so its close is the official close; that bar has closed by then, so it is a correction.</li>
 * </ul>
 * Single-threaded: call from the shard thread only.
 */
public final class BarAggregator {
    /** Receives closed bars and corrections, on the calling thread, in time order per symbol. */
    public interface Sink {
        void onBar(Bar bar);

        void onCorrection(Bar bar, int revision);
    }

    private final long graceMillis, correctionWindowMillis;
    private final boolean fillForward, closingAuctionInLastBar;
    private final Sink sink;
    private final Map<String, SymbolBars> symbols = new HashMap<>();
    private long watermark = Long.MIN_VALUE, nextCloseAt = Long.MAX_VALUE;
    private long lateTrades, ineligibleTrades, corrections, refusedSymbolTrades;
    private final int maxSymbols;

    /**
     * @param graceMillis            how long after a minute ends its bar stays open (default 2000)
     * @param correctionWindowMillis how long after a minute ends a late trade still amends it (default 900000)
     * @param fillForward            whether minutes without trades get filled bars (default false)
     */
    public BarAggregator(long graceMillis, long correctionWindowMillis, boolean fillForward, Sink sink) {
        this(graceMillis, correctionWindowMillis, fillForward, true, Integer.MAX_VALUE, sink);
    }

    /**
     * @param closingAuctionInLastBar whether closing auction prints go to the last regular-hours bar (default true)
     * @param maxSymbols              most symbols kept; the trades of a symbol beyond are refused and counted
     *                                ({@link #refusedSymbolTrades()})
     */
    public BarAggregator(
            long graceMillis,
            long correctionWindowMillis,
            boolean fillForward,
            boolean closingAuctionInLastBar,
            int maxSymbols,
            Sink sink) {
        this.maxSymbols = maxSymbols;
        this.closingAuctionInLastBar = closingAuctionInLastBar;
        this.graceMillis = graceMillis;
        this.correctionWindowMillis = correctionWindowMillis;
        this.fillForward = fillForward;
        this.sink = sink;
    }

    /** Adds one trade (any time order). */
    public void onTrade(Trade trade) {
        if (!trade.eligible()) {
            ineligibleTrades++;
            return;
        }
        long barStart = Math.floorDiv(trade.timeMillis(), Bar.MINUTE) * Bar.MINUTE;
        if (closingAuctionInLastBar && (trade.updates() & TradeUpdates.CLOSING_AUCTION) != 0) {
            long auction = MarketSession.closingAuctionBar(trade.timeMillis());
            if (auction >= 0) barStart = auction; // a late trade of the closed 15:59 bar: a correction
        }
        SymbolBars s = symbols.get(trade.symbol());
        if (s == null) {
            if (symbols.size() >= maxSymbols) {
                refusedSymbolTrades++;
                return;
            }
            s = new SymbolBars(trade.symbol());
            symbols.put(trade.symbol(), s);
        }
        BarBuilder open = s.open;
        if (open != null && open.isOpen() && open.startMillis == barStart) {
            open.add(trade.price(), trade.size(), trade.updates());
            return;
        }
        boolean late = barStart <= s.lastClosedStart || (open != null && open.isOpen() && barStart < open.startMillis);
        if (!late) {
            if (open != null && open.isOpen()) close(s); // a new minute began before the watermark closed this one
            s.open = s.newBuilder(barStart);
            s.open.add(trade.price(), trade.size(), trade.updates());
            nextCloseAt = Math.min(nextCloseAt, barStart + Bar.MINUTE + graceMillis);
            return;
        }
        if (Math.max(watermark, trade.timeMillis()) - (barStart + Bar.MINUTE) > correctionWindowMillis) {
            lateTrades++;
            return;
        }
        amend(s, barStart, trade);
    }

    private void amend(SymbolBars s, long barStart, Trade trade) {
        BarBuilder b = s.closedAt(barStart);
        if (b == null) b = s.insertClosed(barStart);
        boolean hadPrice = b.hasPrice();
        b.add(trade.price(), trade.size(), trade.updates());
        if (!b.hasPrice()) return; // a volume-only minute still has no bar
        corrections++;
        b.revision = hadPrice ? b.revision + 1 : 1;
        sink.onCorrection(b.snapshot(), b.revision);
    }

    /** Advances event time to {@code watermarkMillis} (epoch ms), closing every bar that is due. */
    public void onWatermark(long watermarkMillis) {
        if (watermarkMillis > watermark) watermark = watermarkMillis;
        if (watermarkMillis < nextCloseAt) return;
        List<SymbolBars> due = new ArrayList<>();
        long next = Long.MAX_VALUE;
        for (SymbolBars s : symbols.values()) {
            if (s.open == null || !s.open.isOpen()) continue;
            long closeAt = s.open.startMillis + Bar.MINUTE + graceMillis;
            if (closeAt <= watermarkMillis) due.add(s);
            else next = Math.min(next, closeAt);
        }
        nextCloseAt = next;
        due.sort((x, y) -> x.symbol.compareTo(y.symbol));
        for (SymbolBars s : due) close(s);
        if (fillForward && watermarkMillis != Long.MAX_VALUE) fillUpTo(watermarkMillis);
    }

    /** Closes every open bar (end of replay). */
    public void flush() {
        onWatermark(Long.MAX_VALUE);
    }

    private void close(SymbolBars s) {
        BarBuilder b = Objects.requireNonNull(s.open, "close() of a symbol without an open minute");
        s.open = null;
        s.lastClosedStart = b.startMillis;
        s.closed.addLast(b);
        while (!s.closed.isEmpty() && b.startMillis - s.closed.peekFirst().startMillis > correctionWindowMillis) {
            s.spare = s.closed.pollFirst();
        }
        if (!b.hasPrice()) return;
        Bar bar = b.snapshot();
        if (fillForward) fillGap(s, bar.startMillis() - Bar.MINUTE, bar.session());
        s.lastBar = bar;
        sink.onBar(bar);
    }

    /** Fill-forward: filled bars for every minute after the last bar up to {@code lastMinute}. */
    private void fillGap(SymbolBars s, long lastMinute, MarketSession session) {
        Bar prev = s.lastBar;
        if (prev == null || prev.session() != session) return;
        for (long m = prev.startMillis() + Bar.MINUTE; m <= lastMinute; m += Bar.MINUTE) {
            if (MarketSession.of(m) != session || m - prev.startMillis() > 24 * 60 * Bar.MINUTE) return;
            double c = prev.close();
            Bar filled = new Bar(s.symbol, m, c, c, c, c, 0, c, 0, session, true);
            s.lastBar = filled;
            s.lastClosedStart = Math.max(s.lastClosedStart, m);
            sink.onBar(filled);
        }
    }

    private void fillUpTo(long watermarkMillis) {
        long lastDue = Math.floorDiv(watermarkMillis - graceMillis, Bar.MINUTE) * Bar.MINUTE - Bar.MINUTE;
        List<SymbolBars> all = new ArrayList<>(symbols.values());
        all.sort((x, y) -> x.symbol.compareTo(y.symbol));
        for (SymbolBars s : all) {
            if (s.lastBar == null || (s.open != null && s.open.isOpen() && s.open.startMillis <= lastDue)) continue;
            fillGap(s, lastDue, s.lastBar.session());
        }
    }

    /** Trades older than the correction window, dropped. */
    public long lateTrades() {
        return lateTrades;
    }

    /** Trades refused because their symbol came beyond the most symbols kept. */
    public long refusedSymbolTrades() {
        return refusedSymbolTrades;
    }

    /** Trades excluded by eligibility (LEAN: suspicious; Massive: conditions that update nothing). */
    public long ineligibleTrades() {
        return ineligibleTrades;
    }

    /** Bar corrections emitted. */
    public long corrections() {
        return corrections;
    }

    /** Symbols that have traded. */
    public int symbolCount() {
        return symbols.size();
    }

    /** One symbol's open minute and its recently closed minutes (for corrections). */
    private static final class SymbolBars {
        final String symbol;
        final ArrayDeque<BarBuilder> closed = new ArrayDeque<>();
        @Nullable
        BarBuilder open, spare;
        long lastClosedStart = Long.MIN_VALUE;

        @Nullable
        Bar lastBar;

        SymbolBars(String symbol) {
            this.symbol = symbol;
        }

        BarBuilder newBuilder(long barStart) {
            BarBuilder b = spare != null ? spare : new BarBuilder(symbol);
            spare = null;
            b.start(barStart);
            return b;
        }

        @Nullable
        BarBuilder closedAt(long barStart) {
            for (Iterator<BarBuilder> it = closed.descendingIterator(); it.hasNext(); ) {
                BarBuilder b = it.next();
                if (b.startMillis == barStart) return b;
                if (b.startMillis < barStart) return null;
            }
            return null;
        }

        /** A builder for a minute that closed without a bar, kept in time order. */
        BarBuilder insertClosed(long barStart) {
            BarBuilder b = new BarBuilder(symbol);
            b.start(barStart);
            List<BarBuilder> all = new ArrayList<>(closed);
            int i = 0;
            while (i < all.size() && all.get(i).startMillis < barStart) i++;
            all.add(i, b);
            closed.clear();
            closed.addAll(all);
            return b;
        }
    }
}
