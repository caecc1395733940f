package io.tickstock.engine.indicators;

import io.tickstock.engine.bars.Bar;
import java.util.Map;

/** Rate of change of the close, percent; TA-Lib ROC: {@code (close / close[period ago] − 1) × 100}, 0 when that close is 0. Lookback {@code period}. */
public final class Roc extends IndicatorBase {
    private final int period;
    private double[] closes;
    private long count;
    private double value = Double.NaN;

    public Roc(int period) {
        if (period < 1) throw new IllegalArgumentException("ROC period must be >= 1, was " + period);
        this.period = period;
        this.closes = new double[period + 1];
    }

    /** Feeds one close; returns the ROC or NaN within the lookback. */
    public double update(double x) {
        closes[(int) (count % closes.length)] = x;
        if (count++ < period) return Double.NaN;
        double then = closes[(int) ((count - 1 - period) % closes.length)];
        return value = then != 0.0 ? ((x / then) - 1.0) * 100.0 : 0.0;
    }

    @Override
    public boolean update(Bar bar) {
        return !Double.isNaN(update(bar.close()));
    }

    @Override
    public String name() {
        return "ROC";
    }

    @Override
    public String key() {
        return "ROC_" + period;
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
        return value;
    }

    /** An independent copy of this state (for checkpoints). */
    @Override
    public Roc copy() {
        Roc c = (Roc) shallowCopy();
        c.closes = closes.clone();
        return c;
    }
}
