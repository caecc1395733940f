package io.tickstock.engine.patterns;

import io.tickstock.engine.bars.Bar;

/**
 * The last {@link #CAPACITY} bars of one symbol as primitive OHLC rings; index 0 is the newest bar,
 * 1 the one before. Not thread-safe.
 */
public final class CandleHistory {
    /** How many bars are kept: enough for every TA-Lib pattern's lookback. */
    public static final int CAPACITY = 32;
    private final double[] open = new double[CAPACITY], high = new double[CAPACITY],
            low = new double[CAPACITY], close = new double[CAPACITY];
    private long count;

    /** Appends the newest bar. */
    public void add(Bar bar) {
        int i = (int) (count++ % CAPACITY);
        open[i] = bar.open();
        high[i] = bar.high();
        low[i] = bar.low();
        close[i] = bar.close();
    }

    /** Bars added so far; the newest has 0-based index {@code count() - 1}. */
    public long count() {
        return count;
    }

    private int slot(int ago) {
        if (ago < 0 || ago >= CAPACITY || ago >= count) throw new IndexOutOfBoundsException("bar " + ago + " ago");
        return (int) ((count - 1 - ago) % CAPACITY);
    }

    public double open(int ago) { return open[slot(ago)]; }
    public double high(int ago) { return high[slot(ago)]; }
    public double low(int ago) { return low[slot(ago)]; }
    public double close(int ago) { return close[slot(ago)]; }

    /** TA_REALBODY. */
    public double realBody(int ago) { return Math.abs(close(ago) - open(ago)); }

    /** TA_UPPERSHADOW. */
    public double upperShadow(int ago) { return high(ago) - Math.max(close(ago), open(ago)); }

    /** TA_LOWERSHADOW. */
    public double lowerShadow(int ago) { return Math.min(close(ago), open(ago)) - low(ago); }

    /** TA_CANDLERANGE of one setting for the bar {@code ago} bars back. */
    public double range(CandleSetting setting, int ago) {
        return setting.range(open(ago), high(ago), low(ago), close(ago));
    }
}
