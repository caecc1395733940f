package io.tickstock.engine.patterns;

import io.tickstock.engine.bars.Bar;

/**
 * One symbol's recent candles and the pattern state derived from them: the last {@link #CAPACITY} bars as
 * primitive OHLC rings (age 0 is the newest bar, 1 the one before), the candle-average totals laid out by
 * {@link CandleAverages}, memory for stateful patterns (Hikkake), and the threshold margins recorded while
 * one pattern is evaluated. Prices in dollars. Reading a bar older than the history holds is not checked:
 * patterns only read within their lookback. Single-threaded: the shard thread that owns the symbol.
 */
public final class CandleHistory {
    /** How many bars are kept: enough for every TA-Lib pattern, its candle averages and the trend. */
    public static final int CAPACITY = 32;

    private static final int MASK = CAPACITY - 1;
    private final double[] open = new double[CAPACITY],
            high = new double[CAPACITY],
            low = new double[CAPACITY],
            close = new double[CAPACITY];
    private final CandleAverages averages;
    final double[] totals;
    final long[] memory;
    private int newest = -1;
    private long count;
    private double marginSum;
    private int margins;

    CandleHistory(CandleAverages averages) {
        this.averages = averages;
        this.totals = new double[averages.size()];
        this.memory = new long[averages.memorySize()];
    }

    private CandleHistory(CandleHistory from) {
        this.averages = from.averages;
        this.totals = from.totals.clone();
        this.memory = from.memory.clone();
        System.arraycopy(from.open, 0, open, 0, CAPACITY);
        System.arraycopy(from.high, 0, high, 0, CAPACITY);
        System.arraycopy(from.low, 0, low, 0, CAPACITY);
        System.arraycopy(from.close, 0, close, 0, CAPACITY);
        this.newest = from.newest;
        this.count = from.count;
    }

    /** An independent copy (a checkpoint for bar corrections). */
    public CandleHistory copy() {
        return new CandleHistory(this);
    }

    /** Appends the newest bar and updates every candle-average total. */
    public void add(Bar bar) {
        add(bar.open(), bar.high(), bar.low(), bar.close());
    }

    /** Appends the newest candle (dollars) and updates every candle-average total. */
    public void add(double o, double h, double l, double c) {
        newest = (newest + 1) & MASK;
        open[newest] = o;
        high[newest] = h;
        low[newest] = l;
        close[newest] = c;
        count++;
        averages.update(this);
    }

    /** 0-based index of the newest bar in the series ({@code -1} before the first). */
    public long index() {
        return count - 1;
    }

    public double open(int age) {
        return open[(newest - age) & MASK];
    }

    public double high(int age) {
        return high[(newest - age) & MASK];
    }

    public double low(int age) {
        return low[(newest - age) & MASK];
    }

    public double close(int age) {
        return close[(newest - age) & MASK];
    }

    /** TA_CANDLECOLOR: 1 for a white candle (close &ge; open), −1 for black. */
    public int color(int age) {
        return close(age) >= open(age) ? 1 : -1;
    }

    public boolean white(int age) {
        return close(age) >= open(age);
    }

    public boolean black(int age) {
        return close(age) < open(age);
    }

    /** TA_REALBODY. */
    public double realBody(int age) {
        return Math.abs(close(age) - open(age));
    }

    /** TA_UPPERSHADOW. */
    public double upperShadow(int age) {
        return high(age) - (close(age) >= open(age) ? close(age) : open(age));
    }

    /** TA_LOWERSHADOW. */
    public double lowerShadow(int age) {
        return (close(age) >= open(age) ? open(age) : close(age)) - low(age);
    }

    /** The top of the real body, max(open, close). */
    public double bodyTop(int age) {
        return open(age) > close(age) ? open(age) : close(age);
    }

    /** The bottom of the real body, min(open, close). */
    public double bodyBottom(int age) {
        return open(age) < close(age) ? open(age) : close(age);
    }

    /** TA_REALBODYGAPUP: the later candle's body lies wholly above the earlier one's. */
    public boolean realBodyGapUp(int later, int earlier) {
        return bodyBottom(later) > bodyTop(earlier);
    }

    /** TA_REALBODYGAPDOWN. */
    public boolean realBodyGapDown(int later, int earlier) {
        return bodyTop(later) < bodyBottom(earlier);
    }

    /** TA_CANDLEGAPUP: the later candle's low is above the earlier one's high. */
    public boolean candleGapUp(int later, int earlier) {
        return low(later) > high(earlier);
    }

    /** TA_CANDLEGAPDOWN. */
    public boolean candleGapDown(int later, int earlier) {
        return high(later) < low(earlier);
    }

    /** A stateful pattern's per-symbol memory slot (see {@link CandleAverages#reserveMemory}); 0 initially. */
    public long memory(int slot) {
        return memory[slot];
    }

    public void remember(int slot, long value) {
        memory[slot] = value;
    }

    /** TA_CANDLERANGE of one setting for the candle {@code age} bars back. */
    public double range(CandleSetting setting, int age) {
        return setting.range(open(age), high(age), low(age), close(age));
    }

    /** TA_CANDLEAVERAGE of a registered average; {@code age} is the candle used when the period is 0. */
    public double avg(int average, int age) {
        return averages.average(average, this, age);
    }

    /** {@code x < threshold}, recording by how much (see {@link #margin()}). */
    public boolean below(double x, double threshold) {
        if (!(x < threshold)) return false;
        record(threshold > 0 ? (threshold - x) / threshold : 1);
        return true;
    }

    /** {@code x <= threshold}, recording by how much. */
    public boolean atMost(double x, double threshold) {
        if (!(x <= threshold)) return false;
        record(threshold > 0 ? (threshold - x) / threshold : 1);
        return true;
    }

    /** {@code x > threshold}, recording by how much. */
    public boolean above(double x, double threshold) {
        if (!(x > threshold)) return false;
        record(x > 0 ? (x - Math.max(threshold, 0)) / x : 1);
        return true;
    }

    private void record(double m) {
        marginSum += m < 0 ? 0 : m > 1 ? 1 : m;
        margins++;
    }

    /** Forgets the recorded margins (before evaluating the next pattern). */
    void clearMargins() {
        marginSum = 0;
        margins = 0;
    }

    /**
     * The mean fraction by which the candle-setting comparisons recorded since {@link #clearMargins()}
     * cleared their thresholds, in [0, 1]; 1 when none was recorded.
     */
    double margin() {
        return margins == 0 ? 1 : marginSum / margins;
    }

    /**
     * The direction of the move over the {@code window} bars ending {@code age} bars back: net close change
     * divided by the sum of their high−low ranges, in [−1, 1] (+1 a straight rise); 0 without enough bars.
     */
    public double trend(int age, int window) {
        if (count <= age + window || window <= 0) return 0;
        double ranges = 0;
        for (int a = age; a < age + window; a++) ranges += high(a) - low(a);
        if (ranges <= 0) return 0;
        double t = (close(age) - close(age + window)) / ranges;
        return t < -1 ? -1 : t > 1 ? 1 : t;
    }
}
