package io.tickstock.engine.indicators;

import io.tickstock.engine.bars.Bar;
import java.util.Map;

/**
 * Bollinger Bands of the close; TA-Lib BBANDS with an SMA middle band and population standard deviation
 * from the running sum of squares ({@code sqrt(E[x²] − SMA²)}, 0 when that is below 1e-8, as TA-Lib's
 * stddev_using_precalc_ma). Lookback {@code period - 1}. Outputs upper, middle, lower, and two derived
 * values not in TA-Lib: bandwidth {@code (upper − lower) / middle} and percent_b
 * {@code (close − lower) / (upper − lower)} (NaN-free: 0.5 when the bands coincide).
 */
public final class BollingerBands extends IndicatorBase {
    private final int period;
    private final double deviations;
    private RollingSum sum, sumOfSquares;
    private double upper = Double.NaN, middle = Double.NaN, lower = Double.NaN, close = Double.NaN;

    public BollingerBands(int period, double deviations) {
        if (period < 2) throw new IllegalArgumentException("BBANDS period must be >= 2, was " + period);
        this.period = period;
        this.deviations = deviations;
        this.sum = new RollingSum(period);
        this.sumOfSquares = new RollingSum(period);
    }

    /** Feeds one value; returns the middle band or NaN within the lookback. */
    public double update(double x) {
        close = x;
        double mean = sum.add(x) / period;
        double meanOfSquares = sumOfSquares.add(x * x) / period;
        if (Double.isNaN(mean)) return Double.NaN;
        double variance = meanOfSquares - mean * mean;
        double width = (variance < 1e-8 ? 0.0 : Math.sqrt(variance)) * deviations;
        middle = mean;
        upper = mean + width;
        lower = mean - width;
        return middle;
    }

    @Override
    public boolean update(Bar bar) {
        return !Double.isNaN(update(bar.close()));
    }

    @Override
    public String name() {
        return "BBANDS";
    }

    @Override
    public String key() {
        return "BBANDS_" + period + "_" + fmt(deviations);
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("period", period, "nb_dev_up", deviations, "nb_dev_dn", deviations);
    }

    @Override
    public double value() {
        return middle;
    }

    public double upper() {
        return upper;
    }

    public double lower() {
        return lower;
    }

    @Override
    public int lookback() {
        return period - 1;
    }

    @Override
    public String[] outputNames() {
        return new String[] {"upper", "middle", "lower"};
    }

    @Override
    public double output(int k) {
        return k == 0 ? upper : k == 1 ? middle : lower;
    }

    @Override
    public String[] valueNames() {
        return new String[] {"upper", "middle", "lower", "bandwidth", "percent_b"};
    }

    @Override
    public double valueAt(int k) {
        double range = upper - lower;
        return switch (k) {
            case 3 -> middle == 0 ? 0 : range / middle;
            case 4 -> range == 0 ? 0.5 : (close - lower) / range;
            default -> output(k);
        };
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** An independent copy of this state (for checkpoints). */
    @Override
    public BollingerBands copy() {
        BollingerBands c = (BollingerBands) shallowCopy();
        c.sum = sum.copy();
        c.sumOfSquares = sumOfSquares.copy();
        return c;
    }
}
