package io.tickstock.engine.bars;

import io.tickstock.engine.trades.TradeUpdates;

/**
 * Accumulates the trades of one symbol's minute under the trade update rules ({@link TradeUpdates}): only
 * open/close trades set the open and close, only high/low trades the high and low, only volume trades the
 * volume and VWAP. A minute whose trades update no price (e.g. only odd lots) builds no bar. Mutable,
 * reused; not thread-safe.
 */
final class BarBuilder {
    final String symbol;
    long startMillis = Long.MIN_VALUE;
    /** Corrections emitted for this minute so far. */
    int revision;

    private double open, high, low, close, notional;
    private double firstPrice, lastPrice;
    private double fallbackOpen, fallbackHigh, fallbackLow, fallbackClose;
    private boolean hasOpenClose, hasHighLow, hasFallback;
    private long volume, count;

    BarBuilder(String symbol) {
        this.symbol = symbol;
    }

    /** Whether a minute is being built (it has at least one eligible trade). */
    boolean isOpen() {
        return count > 0;
    }

    void start(long barStart) {
        startMillis = barStart;
        revision = 0;
        hasOpenClose = hasHighLow = hasFallback = false;
        notional = 0;
        volume = 0;
        count = 0;
    }

    /** Adds one eligible trade (dollars, shares) with its {@link TradeUpdates} flags. */
    void add(double price, long size, int updates) {
        count++;
        if ((updates & (TradeUpdates.HIGH_LOW | TradeUpdates.OPEN_CLOSE)) != 0) {
            if (!hasOpenClose && !hasHighLow) firstPrice = price;
            lastPrice = price;
        }
        if ((updates & TradeUpdates.OPEN_CLOSE) != 0) {
            if (!hasOpenClose) open = price;
            close = price;
            hasOpenClose = true;
        }
        if ((updates & TradeUpdates.HIGH_LOW) != 0) {
            if (!hasHighLow || price > high) high = price;
            if (!hasHighLow || price < low) low = price;
            hasHighLow = true;
        }
        if ((updates & TradeUpdates.PRICE_FALLBACK) != 0) {
            if (!hasFallback) fallbackOpen = fallbackHigh = fallbackLow = price;
            fallbackHigh = Math.max(fallbackHigh, price);
            fallbackLow = Math.min(fallbackLow, price);
            fallbackClose = price;
            hasFallback = true;
        }
        if ((updates & TradeUpdates.VOLUME) != 0) {
            volume += size;
            notional += price * size;
        }
    }

    /** Whether the minute has a price (some trade may update open/close or high/low). */
    boolean hasPrice() {
        return hasOpenClose || hasHighLow || hasFallback;
    }

    /** The bar so far; call only when {@link #hasPrice()}. Does not reset the builder. */
    Bar snapshot() {
        if (!hasOpenClose && !hasHighLow) {
            double vwap = volume > 0 ? notional / volume : fallbackClose;
            return new Bar(
                    symbol,
                    startMillis,
                    fallbackOpen,
                    fallbackHigh,
                    fallbackLow,
                    fallbackClose,
                    volume,
                    vwap,
                    count,
                    MarketSession.of(startMillis));
        }
        double o = hasOpenClose ? open : firstPrice, c = hasOpenClose ? close : lastPrice;
        double h = hasHighLow ? Math.max(high, Math.max(o, c)) : Math.max(o, c);
        double l = hasHighLow ? Math.min(low, Math.min(o, c)) : Math.min(o, c);
        double vwap = volume > 0 ? notional / volume : c;
        return new Bar(symbol, startMillis, o, h, l, c, volume, vwap, count, MarketSession.of(startMillis));
    }
}
