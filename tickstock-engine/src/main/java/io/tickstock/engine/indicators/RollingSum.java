package io.tickstock.engine.indicators;

/**
 * A window sum kept as TA-Lib keeps it (INT_SMA, stddev_using_precalc_ma): add the newest value, read the
 * total, then subtract the value leaving the window, in that order, so the floating-point result is
 * bit-identical to TA-Lib's. Not thread-safe.
 */
final class RollingSum extends Copyable {
    private double[] window;
    private int next, count;
    private double total;

    RollingSum(int period) {
        this.window = new double[period];
    }

    /**
     * Adds {@code x} and returns the sum of the last {@code period} values, or NaN while fewer were added.
     */
    double add(double x) {
        window[next] = x;
        next = (next + 1) % window.length;
        total += x;
        if (++count < window.length) return Double.NaN;
        double sum = total;
        total -= window[next]; // the oldest value, which the next add overwrites
        return sum;
    }

    /** An independent copy of this state (for checkpoints). */
    RollingSum copy() {
        RollingSum c = (RollingSum) shallowCopy();
        c.window = window.clone();
        return c;
    }
}
