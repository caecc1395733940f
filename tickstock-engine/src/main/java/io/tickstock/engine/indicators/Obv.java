package io.tickstock.engine.indicators;

import io.tickstock.engine.bars.Bar;
import java.util.Map;

/**
 * On-balance volume, shares; TA-Lib OBV: starts at the first bar's volume (not 0, as TA-Lib), then adds the
 * volume of an up close and subtracts that of a down close. Lookback 0; cumulative from the first bar fed
 * (the session start in the live engine).
 */
public final class Obv extends IndicatorBase {
    private boolean started;
    private double previousClose, obv = Double.NaN;

    /** Feeds one bar; returns the OBV. */
    public double update(double close, double volume) {
        if (!started) {
            started = true;
            previousClose = close;
            return obv = volume;
        }
        if (close > previousClose) obv += volume;
        else if (close < previousClose) obv -= volume;
        previousClose = close;
        return obv;
    }

    @Override
    public boolean update(Bar bar) {
        update(bar.close(), (double) bar.volume());
        return true;
    } // TA-Lib's volume is a double (exact below 2^53)

    @Override
    public String name() {
        return "OBV";
    }

    @Override
    public String key() {
        return "OBV";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of();
    }

    @Override
    public int lookback() {
        return 0;
    }

    @Override
    public double value() {
        return obv;
    }

    /** An independent copy of this state (for checkpoints). */
    @Override
    public Obv copy() {
        return (Obv) shallowCopy();
    }
}
