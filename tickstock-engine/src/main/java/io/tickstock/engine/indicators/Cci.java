package io.tickstock.engine.indicators;

import io.tickstock.engine.bars.Bar;
import java.util.Map;

/**
 * Commodity channel index; TA-Lib CCI: typical price {@code (high + low + close) / 3}, its
 * {@code period}-bar mean and mean absolute deviation, {@code (tp − mean) / (0.015 × deviation)}, 0 when
 * either is 0. The mean deviation needs every value of the window, so this is O(period) per bar; the sums
 * run over TA-Lib's circular buffer in slot order, which keeps the result bit-identical. Lookback
 * {@code period − 1}.
 */
public final class Cci extends IndicatorBase {
    private final int period;
    private double[] window;
    private long count;
    private double value = Double.NaN;

    public Cci(int period) {
        if (period < 2) throw new IllegalArgumentException("CCI period must be >= 2, was " + period);
        this.period = period;
        this.window = new double[period];
    }

    /** Feeds one bar (dollars); returns the CCI or NaN within the lookback. */
    public double update(double high, double low, double close) {
        double typical = (high + low + close) / 3;
        window[(int) (count++ % period)] = typical;
        if (count < period) return Double.NaN;
        double mean = 0;
        for (double x : window) mean += x;
        mean /= period;
        double deviation = 0;
        for (double x : window) deviation += Math.abs(x - mean);
        double distance = typical - mean;
        return value = (distance != 0.0 && deviation != 0.0) ? distance / (0.015 * (deviation / period)) : 0.0;
    }

    @Override
    public boolean update(Bar bar) {
        return !Double.isNaN(update(bar.high(), bar.low(), bar.close()));
    }

    @Override
    public String name() {
        return "CCI";
    }

    @Override
    public String key() {
        return "CCI_" + period;
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
    public Cci copy() {
        Cci c = (Cci) shallowCopy();
        c.window = window.clone();
        return c;
    }
}
