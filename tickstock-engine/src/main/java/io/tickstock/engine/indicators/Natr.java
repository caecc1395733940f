package io.tickstock.engine.indicators;

import io.tickstock.engine.bars.Bar;
import java.util.Map;

/** Normalized ATR, percent of the close; TA-Lib NATR: {@code ATR / close × 100} (0 for a zero close). Lookback {@code period}. */
public final class Natr extends IndicatorBase {
    private final int period;
    private Atr atr;
    private double value = Double.NaN;

    public Natr(int period) {
        this.period = period;
        this.atr = new Atr(period);
    }

    /** Feeds one bar (dollars); returns the NATR (percent) or NaN within the lookback. */
    public double update(double high, double low, double close) {
        double a = atr.update(high, low, close);
        if (Double.isNaN(a)) return Double.NaN;
        return value = (close > -1e-8 && close < 1e-8) ? 0.0 : (a / close) * 100.0;
    }

    @Override
    public boolean update(Bar bar) {
        return !Double.isNaN(update(bar.high(), bar.low(), bar.close()));
    }

    @Override
    public String name() {
        return "NATR";
    }

    @Override
    public String key() {
        return "NATR_" + period;
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
    public Natr copy() {
        Natr c = (Natr) shallowCopy();
        c.atr = atr.copy();
        return c;
    }
}
