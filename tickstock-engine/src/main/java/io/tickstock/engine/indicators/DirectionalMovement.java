package io.tickstock.engine.indicators;

/**
 * Wilder's smoothed directional movement and true range as TA-Lib's ADX, PLUS_DI and MINUS_DI keep them:
 * the first {@code period − 1} moves (from the second bar) are summed, then each bar
 * {@code s = s − s / period + x}. +DM counts an up-move larger than the down-move (and positive), −DM the
 * reverse. Not thread-safe.
 */
final class DirectionalMovement extends Copyable {
    private final int period;
    private int count;
    private double previousHigh, previousLow, previousClose;
    private double plusDm, minusDm, trueRange;

    DirectionalMovement(int period) {
        this.period = period;
    }

    /**
     * Feeds one bar (dollars).
     *
     * @return how many bars have been fed (the first bar only sets the previous high, low and close)
     */
    int update(double high, double low, double close) {
        int n = count++;
        if (n > 0) {
            double up = high - previousHigh, down = previousLow - low;
            double tr = TrueRange.of(high, low, previousClose);
            if (n < period) {
                if (down > 0 && up < down) minusDm += down;
                else if (up > 0 && up > down) plusDm += up;
                trueRange += tr;
            } else {
                minusDm -= minusDm / period;
                plusDm -= plusDm / period;
                if (down > 0 && up < down) minusDm += down;
                else if (up > 0 && up > down) plusDm += up;
                trueRange = trueRange - (trueRange / period) + tr;
            }
        }
        previousHigh = high;
        previousLow = low;
        previousClose = close;
        return count;
    }

    /** Whether the smoothed true range is non-zero (TA-Lib's TA_IS_ZERO with 1e-8). */
    boolean hasRange() {
        return !(trueRange > -1e-8 && trueRange < 1e-8);
    }

    /** +DI in percent (call only when {@link #hasRange()}). */
    double plusDi() {
        return 100.0 * (plusDm / trueRange);
    }

    /** −DI in percent (call only when {@link #hasRange()}). */
    double minusDi() {
        return 100.0 * (minusDm / trueRange);
    }

    /** An independent copy of this state (for checkpoints). */
    DirectionalMovement copy() {
        return (DirectionalMovement) shallowCopy();
    }
}
