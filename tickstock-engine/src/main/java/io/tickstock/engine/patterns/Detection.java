package io.tickstock.engine.patterns;

import java.util.Map;

/**
 * A pattern found on the bar that completes it.
 *
 * @param patternType   readable name, e.g. {@code Doji}, {@code Hammer}
 * @param function      the TA-Lib function, e.g. {@code CDLDOJI}
 * @param output        TA-Lib's integer output: ±100 (±200 for confirmed patterns)
 * @param direction     bullish, bearish or neutral
 * @param confidence    in [0, 1], see the detector's formula
 * @param parameters    pattern-specific measurements (dollars or ratios)
 */
public record Detection(
        String patternType,
        String function,
        int output,
        String direction,
        double confidence,
        Map<String, Object> parameters) {}
