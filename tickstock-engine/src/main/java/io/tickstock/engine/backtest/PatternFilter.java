package io.tickstock.engine.backtest;

import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.CandlePatterns;
import io.tickstock.engine.patterns.Detection;
import io.tickstock.engine.patterns.PricePatterns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which detections a backtest trades: named by TickStock's {@code pattern_type} ({@code BullishEngulfing},
 * {@code Hammer}, {@code Price_Breakout}) or by the TA-Lib function ({@code CDLENGULFING}, both directions),
 * case-insensitive; {@code all} for every one of the 61 TA-Lib patterns and the 4 price patterns. Immutable.
 */
public record PatternFilter(boolean all, List<String> names) {
    /** Every known name (upper case) → its canonical spelling: pattern types and TA-Lib functions. */
    private static final Map<String, String> KNOWN = known();

    private static Map<String, String> known() {
        Map<String, String> m = new TreeMap<>();
        for (CandlePattern p : CandlePatterns.taLib().all()) {
            m.put(p.function(), p.function());
            m.put(p.name(100).toUpperCase(Locale.ROOT), p.name(100));
            m.put(p.name(-100).toUpperCase(Locale.ROOT), p.name(-100));
        }
        for (String n : PricePatterns.NAMES) m.put(n.toUpperCase(Locale.ROOT), n);
        return m;
    }

    /**
     * The filter of {@code names} ({@code ["all"]} or empty for every pattern).
     *
     * @throws IllegalArgumentException naming the first unknown pattern
     */
    public static PatternFilter of(List<String> names) {
        if (names.isEmpty() || names.stream().anyMatch(n -> n.equalsIgnoreCase("all")))
            return new PatternFilter(true, List.of());
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String canonical = KNOWN.get(n.trim().toUpperCase(Locale.ROOT));
            if (canonical == null)
                throw new IllegalArgumentException(
                        "patterns: unknown pattern '" + n.trim()
                                + "' (a pattern_type such as BullishEngulfing or Hammer, a TA-Lib function such as CDLENGULFING, or all)");
            out.add(canonical.toUpperCase(Locale.ROOT));
        }
        return new PatternFilter(false, List.copyOf(out));
    }

    /** Whether {@code d} is one of the chosen patterns. */
    public boolean matches(Detection d) {
        return all
                || names.contains(d.patternType().toUpperCase(Locale.ROOT))
                || names.contains(d.function().toUpperCase(Locale.ROOT));
    }
}
