package io.tickstock.engine.indicators;

import io.tickstock.engine.bars.Bar;
import java.util.Map;

/**
 * Average directional movement index, 0–100; TA-Lib ADX: DX {@code = 100 × |−DI − +DI| / (−DI + +DI)} from
 * the Wilder-smoothed directional movement; the first ADX, at bar {@code 2 × period − 1}, is the sum of the
 * {@code period} DX values from bar {@code period} divided by {@code period}, then
 * {@code adx = (adx × (period − 1) + dx) / period}. As TA-Lib, a bar whose range or DI sum is (near) zero
 * contributes no DX and leaves the ADX unchanged. Lookback {@code 2 × period − 1}.
 */
public final class Adx extends IndicatorBase {
    private final int period;
    private DirectionalMovement dm;
    private double sumDx, adx = Double.NaN;

    public Adx(int period) {
        if (period < 2) throw new IllegalArgumentException("ADX period must be >= 2, was " + period);
        this.period = period;
        this.dm = new DirectionalMovement(period);
    }

    /** Feeds one bar (dollars); returns the ADX or NaN within the lookback. */
    public double update(double high, double low, double close) {
        int n = dm.update(high, low, close) - 1; // 0-based bar index
        if (n < period) return Double.NaN;
        double dx = Double.NaN;
        if (dm.hasRange()) {
            double minus = dm.minusDi(), plus = dm.plusDi();
            double sum = minus + plus;
            if (!(sum > -1e-8 && sum < 1e-8)) dx = 100.0 * (Math.abs(minus - plus) / sum);
        }
        if (n < 2 * period - 1) {
            if (!Double.isNaN(dx)) sumDx += dx;
            return Double.NaN;
        }
        if (n == 2 * period - 1) {
            if (!Double.isNaN(dx)) sumDx += dx;
            return adx = sumDx / period;
        }
        if (!Double.isNaN(dx)) adx = ((adx * (period - 1)) + dx) / period;
        return adx;
    }

    @Override
    public boolean update(Bar bar) {
        return !Double.isNaN(update(bar.high(), bar.low(), bar.close()));
    }

    @Override
    public String name() {
        return "ADX";
    }

    @Override
    public String key() {
        return "ADX_" + period;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("period", period);
    }

    @Override
    public int lookback() {
        return 2 * period - 1;
    }

    @Override
    public double value() {
        return adx;
    }

    /** An independent copy of this state (for checkpoints). */
    @Override
    public Adx copy() {
        Adx c = (Adx) shallowCopy();
        c.dm = dm.copy();
        return c;
    }
}
