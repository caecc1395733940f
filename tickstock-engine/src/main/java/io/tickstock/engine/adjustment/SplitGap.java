package io.tickstock.engine.adjustment;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A split between two raw bars: one the symbol's factor file records, or an overnight gap that looks like one
 * ({@link SplitGaps#find}). Raw prices jump across it, so nothing is held or measured across it.
 *
 * @param index      the first bar after the split (its symbol's bar list index)
 * @param date       that bar's New York date
 * @param shareRatio new shares per old share (7 for a 7:1 split, 0.1 for a 1:10 reverse split)
 * @param recorded   true when the factor file records it, false when only the prices suggest it
 * @param before     the close before it, dollars
 * @param after      the open after it, dollars
 */
public record SplitGap(int index, LocalDate date, double shareRatio, boolean recorded, double before, double after) {
    /** The open after it ÷ the close before it. */
    public double priceRatio() {
        return after / before;
    }

    /** The ratio as the field writes it, new:old shares ({@code 7:1}, {@code 3:2}, {@code 1:10}). */
    public String split() {
        double r = shareRatio >= 1 ? shareRatio : 1 / shareRatio;
        for (int d = 1; d <= 20; d++) {
            long n = Math.round(r * d);
            if (Math.abs(r * d - n) < 1e-3 * d) return shareRatio >= 1 ? n + ":" + d : d + ":" + n;
        }
        return String.format(Locale.ROOT, "%.4f:1", shareRatio);
    }

    /** A one-line description for a result's warnings. */
    public String describe(String symbol) {
        String move = String.format(
                Locale.ROOT, "close %.2f, next open %.2f, %+.1f%%", before, after, (priceRatio() - 1) * 100);
        return recorded
                ? symbol + ": " + split() + " split on " + date + " (" + move + "); the prices are raw, so no position "
                        + "or forward return spans it"
                : symbol + ": overnight gap on " + date + " (" + move + ") looks like a " + split() + " split and no "
                        + "factor file says otherwise; no position or forward return spans it";
    }
}
