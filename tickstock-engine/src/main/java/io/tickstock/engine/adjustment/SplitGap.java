package io.tickstock.engine.adjustment;

import java.time.LocalDate;

/**
 * An overnight gap in raw bars that looks like a split: the open of bar {@code index} against the close of the bar
 * before it, on an earlier New York day, moved by more than {@value SplitGaps#MIN_GAP} and lies near a split ratio.
 *
 * @param index       the first bar after the gap (its symbol's bar list index)
 * @param date        that bar's New York date
 * @param priceRatio  its open ÷ the previous close
 * @param split       the split ratio it is near, new shares:old shares ({@code 7:1}, {@code 1:10})
 * @param before      the previous close, dollars
 * @param after       the open after the gap, dollars
 */
public record SplitGap(int index, LocalDate date, double priceRatio, String split, double before, double after) {
    /** A one-line description for a result's warnings. */
    public String describe(String symbol) {
        return String.format(
                java.util.Locale.ROOT,
                "%s: overnight gap of %+.1f%% on %s (close %.2f, open %.2f) is near a %s split; its prices "
                        + "are raw, so no position or forward return is held across it",
                symbol,
                (priceRatio - 1) * 100,
                date,
                before,
                after,
                split);
    }
}
