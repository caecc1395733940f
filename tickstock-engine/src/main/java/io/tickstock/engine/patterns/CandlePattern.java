package io.tickstock.engine.patterns;

/**
 * A TA-Lib candlestick pattern evaluated on each new bar. Implementations hold per-symbol state
 * (their candle averages): one instance per symbol. Not thread-safe.
 */
public interface CandlePattern {
    /** TA-Lib's lookback: the 0-based index of the first bar that gets an output. */
    int lookback();

    /**
     * Evaluates the newest bar of {@code history} (call once per bar, after adding it).
     *
     * @return the detection, or null when TA-Lib outputs 0 or the bar is within the lookback
     */
    Detection evaluate(CandleHistory history);

    /** Clamps to [0, 1]. */
    static double unit(double x) {
        return x < 0 ? 0 : x > 1 ? 1 : x;
    }
}
