package io.tickstock.engine.patterns;

/**
 * One TA-Lib CDL function, evaluated on the newest bar of a {@link CandleHistory}. Instances are stateless
 * (per-symbol state lives in the history), built once by {@link CandlePatterns} and shared by all symbols
 * and threads.
 */
public abstract class CandlePattern {
    private final String function, bullishName, bearishName;
    private final PatternKind kind;
    private final int candles, lookback;

    /**
     * @param function    the TA-Lib function name, e.g. {@code CDLENGULFING}
     * @param bullishName readable name for a positive output, e.g. {@code BullishEngulfing}
     * @param bearishName readable name for a negative output (same as bullish for one-sided patterns)
     * @param kind        reversal, continuation or indecision (used by the confidence's trend term)
     * @param candles     how many candles the pattern spans
     * @param lookback    TA-Lib's lookback with the default candle settings
     */
    protected CandlePattern(
            String function, String bullishName, String bearishName, PatternKind kind, int candles, int lookback) {
        this.function = function;
        this.bullishName = bullishName;
        this.bearishName = bearishName;
        this.kind = kind;
        this.candles = candles;
        this.lookback = lookback;
    }

    /** TA-Lib's lookback: the 0-based index of the first bar with an output. */
    public final int lookback() {
        return lookback;
    }

    /** The TA-Lib function name, e.g. {@code CDLHAMMER}. */
    public final String function() {
        return function;
    }

    public final PatternKind kind() {
        return kind;
    }

    /** How many candles the pattern spans (1–5). */
    public final int candles() {
        return candles;
    }

    /** The readable {@code pattern_type} for a non-zero output. */
    public final String name(int output) {
        return output < 0 ? bearishName : bullishName;
    }

    /**
     * The first bar index on which {@link #output} must be called: the lookback, earlier for patterns that
     * carry state into their first output (TA-Lib's Hikkake scans the three bars before it).
     */
    public int firstBar() {
        return lookback;
    }

    /**
     * TA-Lib's integer output for the newest bar of {@code h}: 0, ±100, or ±200 for confirmed patterns.
     * Called once per bar from {@link #firstBar()} on; results before the lookback are discarded.
     */
    public abstract int output(CandleHistory h);
}
