package io.tickstock.engine.indicators;

import io.tickstock.engine.bars.Bar;
import java.util.Map;

/** Simple moving average of the close; TA-Lib SMA, lookback {@code period - 1}. */
public final class Sma extends IndicatorBase {
    private final int period;
    private RollingSum sum;
    private double value = Double.NaN;

    public Sma(int period) {
        if (period < 2) throw new IllegalArgumentException("SMA period must be >= 2, was " + period);
        this.period = period;
        this.sum = new RollingSum(period);
    }

    /** Feeds one value; returns the SMA or NaN within the lookback. */
    public double update(double x) {
        return value = sum.add(x) / period;
    }

    @Override
    public boolean update(Bar bar) {
        return !Double.isNaN(update(bar.close()));
    }

    @Override
    public String name() {
        return "SMA";
    }

    @Override
    public String key() {
        return "SMA_" + period;
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
        return value;
    }

    /** An independent copy of this state (for checkpoints). */
    @Override
    public Sma copy() {
        Sma c = (Sma) shallowCopy();
        c.sum = sum.copy();
        return c;
    }
}
