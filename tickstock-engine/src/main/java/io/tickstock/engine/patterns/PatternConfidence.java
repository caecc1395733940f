package io.tickstock.engine.patterns;

/**
 * The confidence published with a candlestick detection, in [0, 1]:
 * <pre>
 *   confidence = 0.4 + 0.1 × (strength − 1) + 0.3 × margin + 0.2 × trend
 * </pre>
 * <ul>
 *   <li>{@code strength} = |TA-Lib output| / 100: 1, or 2 for a confirmed pattern (Hikkake ±200);</li>
 *   <li>{@code margin} in [0, 1]: the mean fraction by which the bar clears each candle-setting threshold
 *       of the pattern (a body 0 against a Doji threshold clears it fully, a body just under it barely);
 *       1 for patterns without candle-setting thresholds;</li>
 *   <li>{@code trend} in [0, 1]: how strongly the 10 bars before the pattern moved the way the pattern
 *       expects — down before a bullish reversal, up before a bullish continuation (mirror for bearish) —
 *       measured as net close change over the sum of high−low ranges; 0 when they moved the other way and
 *       always 0 for indecision patterns.</li>
 * </ul>
 * So a bare pattern scores 0.4, a clean one in the right context up to 0.9 (1.0 when confirmed); 0.8 and
 * above (the immediate-delivery threshold) needs both a clear shape and a supporting trend.
 */
public final class PatternConfidence {
    /** Bars before the pattern's first candle that define the preceding trend. */
    public static final int TREND_WINDOW = 10;

    private PatternConfidence() {}

    /**
     * The confidence of one detection.
     *
     * @param output TA-Lib's output (non-zero)
     * @param margin threshold clearance in [0, 1]
     * @param trend  trend support in [0, 1]
     * @return the confidence in [0, 1]
     */
    public static double of(int output, double margin, double trend) {
        double strength = Math.min(2, Math.abs(output) / 100);
        double c = 0.4 + 0.1 * (strength - 1) + 0.3 * clamp(margin) + 0.2 * clamp(trend);
        return clamp(c);
    }

    /** The trend support for a pattern of {@code kind} with {@code output}, from the signed trend in [−1, 1]. */
    public static double trendSupport(PatternKind kind, int output, double trend) {
        return switch (kind) {
            case INDECISION -> 0;
            case REVERSAL -> Math.max(0, output > 0 ? -trend : trend);
            case CONTINUATION -> Math.max(0, output > 0 ? trend : -trend);
        };
    }

    private static double clamp(double x) {
        return x < 0 ? 0 : x > 1 ? 1 : x;
    }
}
