package io.tickstock.engine.indicators;

import io.tickstock.engine.bars.Bar;
import java.util.Map;

/**
 * Stochastic RSI, 0–100; TA-Lib STOCHRSI with SMA %D: the fast stochastic (STOCHF) of RSI({@code period})
 * — %K {@code (rsi − min) / ((max − min) / 100)} over {@code fastK} RSI values, %D its {@code fastD}-bar
 * SMA. Outputs fastk, fastd. Lookback {@code period + fastK − 1 + fastD − 1} (20 for 14/5/3).
 */
public final class StochRsi extends IndicatorBase {
    private final int period, fastK, fastD;
    private Rsi rsi;
    private RollingExtremes window;
    private RollingSum fastDSum;
    private double k = Double.NaN, d = Double.NaN;

    public StochRsi(int period, int fastK, int fastD) {
        if (fastK < 1 || fastD < 1) throw new IllegalArgumentException("STOCHRSI periods must be >= 1");
        this.period = period;
        this.fastK = fastK;
        this.fastD = fastD;
        this.rsi = new Rsi(period);
        this.window = new RollingExtremes(fastK);
        this.fastDSum = new RollingSum(fastD);
    }

    /** Feeds one close; returns %K or NaN within the lookback. */
    public double update(double close) {
        double r = rsi.update(close);
        if (Double.isNaN(r) || !window.add(r, r)) return Double.NaN;
        double fast = FastK.of(r, window.highest(), window.lowest());
        double slow = fastDSum.add(fast) / fastD;
        if (Double.isNaN(slow)) return Double.NaN;
        d = slow;
        return k = fast;
    }

    @Override
    public boolean update(Bar bar) {
        return !Double.isNaN(update(bar.close()));
    }

    @Override
    public String name() {
        return "STOCHRSI";
    }

    @Override
    public String key() {
        return "STOCHRSI_" + period + "_" + fastK + "_" + fastD;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("period", period, "fastk_period", fastK, "fastd_period", fastD);
    }

    @Override
    public int lookback() {
        return period + fastK - 1 + fastD - 1;
    }

    @Override
    public double value() {
        return k;
    }

    @Override
    public String[] outputNames() {
        return new String[] {"fastk", "fastd"};
    }

    @Override
    public double output(int i) {
        return i == 0 ? k : d;
    }

    /** An independent copy of this state (for checkpoints). */
    @Override
    public StochRsi copy() {
        StochRsi c = (StochRsi) shallowCopy();
        c.rsi = rsi.copy();
        c.window = window.copy();
        c.fastDSum = fastDSum.copy();
        return c;
    }
}
