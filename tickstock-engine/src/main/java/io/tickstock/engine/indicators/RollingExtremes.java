package io.tickstock.engine.indicators;

/**
 * The highest high and lowest low of the last {@code period} bars, kept with two monotonic deques:
 * amortized O(1) per bar and exact (the values TA-Lib's rescanning finds). Not thread-safe.
 */
final class RollingExtremes extends Copyable {
    private final int period;
    private long[] maxIndex, minIndex;
    private double[] maxValue, minValue;
    private int maxHead, maxSize, minHead, minSize;
    private long count;

    RollingExtremes(int period) {
        this.period = period;
        maxIndex = new long[period];
        minIndex = new long[period];
        maxValue = new double[period];
        minValue = new double[period];
    }

    /** Adds one bar's high and low; returns true once {@code period} bars have been added. */
    boolean add(double high, double low) {
        long i = count++;
        long oldest = i - period + 1;
        while (maxSize > 0 && maxIndex[maxHead] < oldest) {
            maxHead = (maxHead + 1) % period;
            maxSize--;
        }
        while (minSize > 0 && minIndex[minHead] < oldest) {
            minHead = (minHead + 1) % period;
            minSize--;
        }
        while (maxSize > 0 && maxValue[(maxHead + maxSize - 1) % period] <= high) maxSize--;
        while (minSize > 0 && minValue[(minHead + minSize - 1) % period] >= low) minSize--;
        int m = (maxHead + maxSize++) % period;
        maxIndex[m] = i;
        maxValue[m] = high;
        int n = (minHead + minSize++) % period;
        minIndex[n] = i;
        minValue[n] = low;
        return count >= period;
    }

    double highest() {
        return maxValue[maxHead];
    }

    double lowest() {
        return minValue[minHead];
    }

    /** An independent copy of this state (for checkpoints). */
    RollingExtremes copy() {
        RollingExtremes c = (RollingExtremes) shallowCopy();
        c.maxIndex = maxIndex.clone();
        c.minIndex = minIndex.clone();
        c.maxValue = maxValue.clone();
        c.minValue = minValue.clone();
        return c;
    }
}
