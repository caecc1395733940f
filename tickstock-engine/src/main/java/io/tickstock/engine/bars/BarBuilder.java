package io.tickstock.engine.bars;

/** Accumulates the trades of one symbol's current minute. Mutable, reused; not thread-safe. */
final class BarBuilder {
    final String symbol;
    long startMillis = Long.MIN_VALUE;
    double open, high, low, close, notional;
    long volume, count;

    BarBuilder(String symbol) {
        this.symbol = symbol;
    }

    boolean isOpen() {
        return count > 0;
    }

    void start(long barStart, double price, long size) {
        startMillis = barStart;
        open = high = low = close = price;
        volume = size;
        notional = price * size;
        count = 1;
    }

    void add(double price, long size) {
        if (price > high) high = price;
        if (price < low) low = price;
        close = price;
        volume += size;
        notional += price * size;
        count++;
    }

    Bar build() {
        double vwap = volume > 0 ? notional / volume : close;
        Bar bar = new Bar(symbol, startMillis, open, high, low, close, volume, vwap, count, MarketSession.of(startMillis));
        count = 0;
        return bar;
    }
}
