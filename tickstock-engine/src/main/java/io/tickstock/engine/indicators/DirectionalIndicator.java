package io.tickstock.engine.indicators;

import io.tickstock.engine.bars.Bar;
import java.util.Map;

/**
 * A directional indicator in percent, {@code 100 × DM / TR} with both Wilder-smoothed (0 without range);
 * TA-Lib PLUS_DI and MINUS_DI. Lookback {@code period}.
 */
abstract class DirectionalIndicator extends IndicatorBase {
    private final String name;
    final int period;
    private DirectionalMovement dm;
    private double value = Double.NaN;

    DirectionalIndicator(String name, int period) {
        if (period < 2) throw new IllegalArgumentException(name + " period must be >= 2, was " + period);
        this.name = name;
        this.period = period;
        this.dm = new DirectionalMovement(period);
    }

    /** +DI or −DI of the movement. */
    abstract double of(DirectionalMovement dm);

    @Override
    public boolean update(Bar bar) {
        if (dm.update(bar.high(), bar.low(), bar.close()) <= period) return false;
        value = dm.hasRange() ? of(dm) : 0.0;
        return true;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String key() {
        return name + "_" + period;
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

    @Override
    public DirectionalIndicator copy() {
        DirectionalIndicator c = (DirectionalIndicator) shallowCopy();
        c.dm = dm.copy();
        return c;
    }
}
