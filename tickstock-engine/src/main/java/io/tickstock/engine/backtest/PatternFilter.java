package io.tickstock.engine.backtest;

import io.tickstock.contract.PatternNames;
import io.tickstock.engine.patterns.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which detections a backtest trades: named by TickStock's {@code pattern_type} ({@code BullishEngulfing},
 * {@code Hammer}, {@code Price_Breakout}) or by the TA-Lib function ({@code CDLENGULFING}, both directions),
 * case-insensitive ({@link PatternNames}); {@code all} for every one of the 61 TA-Lib patterns and the 4 price
 * patterns. Immutable.
 */
public record PatternFilter(boolean all, List<String> names) {
    /**
     * The filter of {@code names} ({@code ["all"]} or empty for every pattern).
     *
     * @throws IllegalArgumentException naming the first unknown pattern
     */
    public static PatternFilter of(List<String> names) {
        if (names.isEmpty() || names.stream().anyMatch(n -> n.equalsIgnoreCase("all")))
            return new PatternFilter(true, List.of());
        PatternNames.check(names);
        List<String> out = new ArrayList<>();
        for (String n : names)
            out.add(Objects.requireNonNull(PatternNames.canonical(n)).toUpperCase(Locale.ROOT));
        return new PatternFilter(false, List.copyOf(out));
    }

    /** Whether {@code d} is one of the chosen patterns. */
    public boolean matches(Detection d) {
        return all
                || names.contains(d.patternType().toUpperCase(Locale.ROOT))
                || names.contains(d.function().toUpperCase(Locale.ROOT));
    }
}
