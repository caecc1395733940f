package io.tickstock.engine.indicators;

import io.tickstock.engine.bars.Bar;
import java.util.Map;

/**
 * Relative strength index with Wilder smoothing; TA-Lib RSI (default compatibility). The first value,
 * at bar {@code period}, averages the first {@code period} gains and losses; then
 * {@code avg = (avg * (period - 1) + x) / period}. RSI is 0 when average gain plus loss is within 1e-8
 * of zero (TA-Lib's TA_IS_ZERO). Lookback {@code period}.
 */
public final class Rsi extends IndicatorBase {
    /** The thresholds published in metadata and used by the RSI alerts. */
    public static final double OVERBOUGHT = 70, OVERSOLD = 30;

    private final int period;
    private int count;
    private double previous, gain, loss, value = Double.NaN;

    public Rsi(int period) {
        if (period < 2) throw new IllegalArgumentException("RSI period must be >= 2, was " + period);
        this.period = period;
    }

    /** Feeds one value; returns the RSI (0–100) or NaN within the lookback. */
    public double update(double x) {
        if (count++ == 0) {
            previous = x;
            return Double.NaN;
        }
        double change = x - previous;
        previous = x;
        if (count <= period + 1) {
            if (change < 0) loss -= change;
            else gain += change;
            if (count < period + 1) return Double.NaN;
            loss /= period;
            gain /= period;
        } else {
            loss *= (period - 1);
            gain *= (period - 1);
            if (change < 0) loss -= change;
            else gain += change;
            loss /= period;
            gain /= period;
        }
        double sum = gain + loss;
        return value = (sum > -1e-8 && sum < 1e-8) ? 0.0 : 100.0 * (gain / sum);
    }

    @Override
    public boolean update(Bar bar) {
        return !Double.isNaN(update(bar.close()));
    }

    @Override
    public String name() {
        return "RSI";
    }

    @Override
    public String key() {
        return "RSI_" + period;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("period", period, "overbought_threshold", OVERBOUGHT, "oversold_threshold", OVERSOLD);
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
    public Rsi copy() {
        return (Rsi) shallowCopy();
    }
}
