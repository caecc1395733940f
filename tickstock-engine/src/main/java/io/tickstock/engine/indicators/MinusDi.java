package io.tickstock.engine.indicators;

import io.tickstock.engine.bars.Bar;
import java.util.Map;

/** Minus directional indicator, percent; TA-Lib MINUS_DI: {@code 100 × −DM / TR}, both Wilder-smoothed (0 without range). Lookback {@code period}. */
public final class MinusDi extends Copyable implements Indicator {
    private final int period;
    private DirectionalMovement dm;
    private double value = Double.NaN;

    public MinusDi(int period) {
        if (period < 2) throw new IllegalArgumentException("MINUS_DI period must be >= 2, was " + period);
        this.period = period;
        this.dm = new DirectionalMovement(period);
    }

    @Override public boolean update(Bar bar) {
        if (dm.update(bar.high(), bar.low(), bar.close()) <= period) return false;
        value = dm.hasRange() ? dm.minusDi() : 0.0;
        return true;
    }
    @Override public String name() { return "MINUS_DI"; }
    @Override public String key() { return "MINUS_DI_" + period; }
    @Override public Map<String, Object> parameters() { return Map.of("period", period); }
    @Override public int lookback() { return period; }
    @Override public double value() { return value; }

    /** An independent copy of this state (for checkpoints). */
    @Override public MinusDi copy() {
        MinusDi c = shallowCopy();
        c.dm = dm.copy();
        return c;
    }
}
