package io.tickstock.engine.indicators;

import io.tickstock.engine.bars.Bar;
import java.util.Map;

/**
 * Slow stochastic oscillator, 0–100; TA-Lib STOCH with SMA smoothing (TA-Lib's default MA type): fast %K
 * {@code (close − lowest) / ((highest − lowest) / 100)} over {@code fastK} bars (0 when flat), slow %K its
 * {@code slowK}-bar SMA, slow %D the {@code slowD}-bar SMA of slow %K. Outputs slowk, slowd. Lookback
 * {@code fastK − 1 + slowK − 1 + slowD − 1} (8 for 5/3/3).
 */
public final class Stoch extends IndicatorBase {
    private final int fastK, slowK, slowD;
    private RollingExtremes window;
    private RollingSum slowKSum, slowDSum;
    private double k = Double.NaN, d = Double.NaN;

    public Stoch(int fastK, int slowK, int slowD) {
        if (fastK < 1 || slowK < 1 || slowD < 1) throw new IllegalArgumentException("STOCH periods must be >= 1");
        this.fastK = fastK;
        this.slowK = slowK;
        this.slowD = slowD;
        this.window = new RollingExtremes(fastK);
        this.slowKSum = new RollingSum(slowK);
        this.slowDSum = new RollingSum(slowD);
    }

    /** Feeds one bar (dollars); returns slow %K or NaN within the lookback. */
    public double update(double high, double low, double close) {
        if (!window.add(high, low)) return Double.NaN;
        double fast = FastK.of(close, window.highest(), window.lowest());
        double sk = slowKSum.add(fast) / slowK;
        if (Double.isNaN(sk)) return Double.NaN;
        double sd = slowDSum.add(sk) / slowD;
        if (Double.isNaN(sd)) return Double.NaN;
        d = sd;
        return k = sk;
    }

    @Override
    public boolean update(Bar bar) {
        return !Double.isNaN(update(bar.high(), bar.low(), bar.close()));
    }

    @Override
    public String name() {
        return "STOCH";
    }

    @Override
    public String key() {
        return "STOCH_" + fastK + "_" + slowK + "_" + slowD;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("fastk_period", fastK, "slowk_period", slowK, "slowd_period", slowD);
    }

    @Override
    public int lookback() {
        return fastK - 1 + slowK - 1 + slowD - 1;
    }

    @Override
    public double value() {
        return k;
    }

    @Override
    public String[] outputNames() {
        return new String[] {"slowk", "slowd"};
    }

    @Override
    public double output(int i) {
        return i == 0 ? k : d;
    }

    /** An independent copy of this state (for checkpoints). */
    @Override
    public Stoch copy() {
        Stoch c = (Stoch) shallowCopy();
        c.window = window.copy();
        c.slowKSum = slowKSum.copy();
        c.slowDSum = slowDSum.copy();
        return c;
    }
}
