package io.tickstock.engine.indicators;

import io.tickstock.engine.bars.Bar;
import java.util.Map;

/**
 * Moving average convergence/divergence of the close; TA-Lib MACD. Reproduces TA-Lib's alignment quirk:
 * the fast EMA is not seeded from the first bar but with the SMA of the {@code fast} closes ending at bar
 * {@code slow - 1}, so both EMAs start there; the signal is an EMA of the MACD line seeded with its first
 * {@code signal} values. Lookback {@code slow + signal - 2} (33 for 12/26/9). Outputs macd, signal,
 * histogram (= macd − signal).
 */
public final class Macd extends IndicatorBase {
    private final int fastPeriod, slowPeriod, signalPeriod;
    private Ema fast, slow, signal;
    private int count;
    private double macd = Double.NaN, signalValue = Double.NaN, histogram = Double.NaN;

    /** @throws IllegalArgumentException unless 2 &le; fast &lt; slow and signal &ge; 2 */
    public Macd(int fastPeriod, int slowPeriod, int signalPeriod) {
        if (fastPeriod >= slowPeriod) throw new IllegalArgumentException("MACD fast period must be below slow period");
        this.fastPeriod = fastPeriod;
        this.slowPeriod = slowPeriod;
        this.signalPeriod = signalPeriod;
        this.fast = new Ema(fastPeriod);
        this.slow = new Ema(slowPeriod);
        this.signal = new Ema(signalPeriod);
    }

    /** Feeds one value; returns the MACD line or NaN within the lookback. */
    public double update(double x) {
        count++;
        double s = slow.update(x);
        double f = count > slowPeriod - fastPeriod ? fast.update(x) : Double.NaN;
        if (Double.isNaN(s)) return Double.NaN;
        double line = f - s;
        signalValue = signal.update(line);
        if (Double.isNaN(signalValue)) return Double.NaN;
        macd = line;
        histogram = macd - signalValue;
        return macd;
    }

    @Override
    public boolean update(Bar bar) {
        return !Double.isNaN(update(bar.close()));
    }

    @Override
    public String name() {
        return "MACD";
    }

    @Override
    public String key() {
        return "MACD_" + fastPeriod + "_" + slowPeriod + "_" + signalPeriod;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("fast_period", fastPeriod, "slow_period", slowPeriod, "signal_period", signalPeriod);
    }

    @Override
    public double value() {
        return macd;
    }

    public double signal() {
        return signalValue;
    }

    public double histogram() {
        return histogram;
    }

    @Override
    public int lookback() {
        return slowPeriod + signalPeriod - 2;
    }

    @Override
    public String[] outputNames() {
        return new String[] {"macd", "signal", "hist"};
    }

    @Override
    public double output(int k) {
        return k == 0 ? macd : k == 1 ? signalValue : histogram;
    }

    @Override
    public String[] valueNames() {
        return new String[] {"macd", "signal", "histogram"};
    }

    /** An independent copy of this state (for checkpoints). */
    @Override
    public Macd copy() {
        Macd c = (Macd) shallowCopy();
        c.fast = fast.copy();
        c.slow = slow.copy();
        c.signal = signal.copy();
        return c;
    }
}
