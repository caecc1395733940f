package io.tickstock.engine.patterns;

/**
 * One candle-setting average inside one pattern, kept as that TA-Lib CDL function keeps it: a period total
 * summed once when the pattern's first output bar is reached, then rolled by
 * {@code total += range(newest) − range(leaving)} after each bar. {@code shift} is how many bars before the
 * evaluated bar the average is taken (1 for TA-Lib's "prior candle" averages such as Hammer's Near).
 * Not thread-safe.
 */
final class CandleAverage {
    private final CandleSetting setting;
    private final int shift;
    private double total;

    CandleAverage(CandleSetting setting, int shift) {
        this.setting = setting;
        this.shift = shift;
    }

    /** Sums the period before the first evaluated bar (the newest bar in {@code h}). */
    void start(CandleHistory h) {
        total = 0;
        for (int ago = shift + setting.avgPeriod; ago > shift; ago--) total += h.range(setting, ago);
    }

    /** TA_CANDLEAVERAGE for the evaluated (newest) bar. */
    double average(CandleHistory h) {
        double base = setting.avgPeriod != 0 ? total / setting.avgPeriod : h.range(setting, shift);
        return setting.factor * base / (setting.rangeType == CandleSetting.RangeType.SHADOWS ? 2.0 : 1.0);
    }

    /** Rolls the total past the evaluated bar. */
    void roll(CandleHistory h) {
        total += h.range(setting, shift) - h.range(setting, shift + setting.avgPeriod);
    }
}
