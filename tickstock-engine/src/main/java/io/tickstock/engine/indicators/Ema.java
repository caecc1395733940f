package io.tickstock.engine.indicators;

import io.tickstock.engine.bars.Bar;
import java.util.Map;

/**
 * Exponential moving average of the close; TA-Lib EMA (default compatibility): seeded with the SMA of
 * the first {@code period} values, then {@code ema += (x - ema) * k} with {@code k = 2 / (period + 1)};
 * lookback {@code period - 1}.
 */
public final class Ema extends IndicatorBase {
    private final int period;
    private final double k;
    private int count;
    private double seedSum, ema = Double.NaN;

    public Ema(int period) {
        if (period < 2) throw new IllegalArgumentException("EMA period must be >= 2, was " + period);
        this.period = period;
        this.k = 2.0 / (period + 1);
    }

    /** Feeds one value; returns the EMA or NaN within the lookback. */
    public double update(double x) {
        if (++count < period) {
            seedSum += x;
            return Double.NaN;
        }
        if (count == period) return ema = (seedSum + x) / period;
        return ema = ((x - ema) * k) + ema;
    }

    @Override
    public boolean update(Bar bar) {
        return !Double.isNaN(update(bar.close()));
    }

    @Override
    public String name() {
        return "EMA";
    }

    @Override
    public String key() {
        return "EMA_" + period;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("period", period);
    }

    @Override
    public int lookback() {
        return period - 1;
    }

    @Override
    public double value() {
        return ema;
    }

    /** An independent copy of this state (for checkpoints). */
    @Override
    public Ema copy() {
        return (Ema) shallowCopy();
    }
}
