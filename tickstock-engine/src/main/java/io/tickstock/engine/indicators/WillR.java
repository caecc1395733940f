package io.tickstock.engine.indicators;

import io.tickstock.engine.bars.Bar;
import java.util.Map;

/**
 * Williams' %R, −100…0; TA-Lib WILLR: {@code (highest − close) / ((highest − lowest) / −100)} over the last
 * {@code period} bars' highs and lows, 0 when they are equal. Lookback {@code period − 1}.
 */
public final class WillR extends IndicatorBase {
    private final int period;
    private RollingExtremes window;
    private double value = Double.NaN;

    public WillR(int period) {
        if (period < 2) throw new IllegalArgumentException("WILLR period must be >= 2, was " + period);
        this.period = period;
        this.window = new RollingExtremes(period);
    }

    /** Feeds one bar (dollars); returns %R or NaN within the lookback. */
    public double update(double high, double low, double close) {
        if (!window.add(high, low)) return Double.NaN;
        double highest = window.highest();
        double diff = (highest - window.lowest()) / -100.0;
        return value = diff != 0.0 ? (highest - close) / diff : 0.0;
    }

    @Override
    public boolean update(Bar bar) {
        return !Double.isNaN(update(bar.high(), bar.low(), bar.close()));
    }

    @Override
    public String name() {
        return "WILLR";
    }

    @Override
    public String key() {
        return "WILLR_" + period;
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
    public WillR copy() {
        WillR c = (WillR) shallowCopy();
        c.window = window.copy();
        return c;
    }
}
