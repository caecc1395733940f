package io.tickstock.engine.indicators;

import io.tickstock.engine.bars.Bar;
import java.util.Map;

/**
 * Average true range, dollars; TA-Lib ATR. True ranges start at the second bar; the first ATR, at bar
 * {@code period}, is the mean of the first {@code period} true ranges, then Wilder smoothing
 * {@code atr = (atr × (period − 1) + tr) / period}. Lookback {@code period}. {@link #close()} exposes the
 * bar's close for NATR.
 */
public final class Atr extends IndicatorBase {
    private final int period;
    private int count;
    private double previousClose, close, seedSum, atr = Double.NaN;

    public Atr(int period) {
        if (period < 1) throw new IllegalArgumentException("ATR period must be >= 1, was " + period);
        this.period = period;
    }

    /** Feeds one bar (dollars); returns the ATR or NaN within the lookback. */
    public double update(double high, double low, double close) {
        int n = count++;
        double prior = previousClose;
        previousClose = close;
        this.close = close;
        if (n == 0) return Double.NaN;
        double tr = TrueRange.of(high, low, prior);
        if (period == 1) return atr = tr;
        if (n < period) {
            seedSum += tr;
            return Double.NaN;
        }
        if (n == period) return atr = (seedSum + tr) / period;
        atr *= period - 1;
        atr += tr;
        atr /= period;
        return atr;
    }

    double close() {
        return close;
    }

    @Override
    public boolean update(Bar bar) {
        return !Double.isNaN(update(bar.high(), bar.low(), bar.close()));
    }

    @Override
    public String name() {
        return "ATR";
    }

    @Override
    public String key() {
        return "ATR_" + period;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("period", period);
    }

    @Override
    public int lookback() {
        return period;
    }

    @Override
    public double value() {
        return atr;
    }

    /** An independent copy of this state (for checkpoints). */
    @Override
    public Atr copy() {
        return (Atr) shallowCopy();
    }
}
