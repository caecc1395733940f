package io.tickstock.engine.indicators;

import io.tickstock.engine.bars.Bar;
import java.util.Map;

/**
 * Money flow index, 0–100; TA-Lib MFI: typical price {@code (high + low + close) / 3.0} times volume is
 * positive money flow when the typical price rose from the previous bar, negative when it fell (neither
 * when unchanged); MFI {@code = 100 × positive / (positive + negative)} over the last {@code period} flows,
 * 0 when that total is below 1. Sums kept as TA-Lib keeps them (subtract the leaving flow, add the new).
 * Lookback {@code period}.
 */
public final class Mfi extends IndicatorBase {
    private final int period;
    private double[] positive, negative;
    private int slot;
    private long count;
    private double previousTypical, positiveSum, negativeSum, value = Double.NaN;

    public Mfi(int period) {
        if (period < 2) throw new IllegalArgumentException("MFI period must be >= 2, was " + period);
        this.period = period;
        this.positive = new double[period];
        this.negative = new double[period];
    }

    /** Feeds one bar (dollars, shares); returns the MFI or NaN within the lookback. */
    public double update(double high, double low, double close, double volume) {
        double typical = (high + low + close) / 3.0;
        if (count++ == 0) {
            previousTypical = typical;
            return Double.NaN;
        }
        if (count > period + 1) {
            positiveSum -= positive[slot];
            negativeSum -= negative[slot];
        }
        double change = typical - previousTypical;
        previousTypical = typical;
        double flow = typical * volume;
        positive[slot] = change > 0 ? flow : 0.0;
        negative[slot] = change < 0 ? flow : 0.0;
        if (change < 0) negativeSum += flow;
        else if (change > 0) positiveSum += flow;
        slot = (slot + 1) % period;
        if (count <= period) return Double.NaN;
        double total = positiveSum + negativeSum;
        return value = total < 1.0 ? 0.0 : 100.0 * (positiveSum / total);
    }

    @Override
    public boolean update(Bar bar) {
        return !Double.isNaN(update(bar.high(), bar.low(), bar.close(), (double) bar.volume()));
    }

    @Override
    public String name() {
        return "MFI";
    }

    @Override
    public String key() {
        return "MFI_" + period;
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
    public Mfi copy() {
        Mfi c = (Mfi) shallowCopy();
        c.positive = positive.clone();
        c.negative = negative.clone();
        return c;
    }
}
