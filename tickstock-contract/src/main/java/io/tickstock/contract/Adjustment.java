package io.tickstock.contract;

import java.util.Locale;

/**
 * How historical prices are adjusted for corporate actions (a backtest job's {@code parameters.adjustment}), as LEAN's {@code DataNormalizationMode} names them.
 * {@link #ADJUSTED} is LEAN's default and TickStock's.
 */
public enum Adjustment {
    /** Prices as traded: a split shows as an overnight gap. */
    RAW,
    /** Raw × split factor: splits removed, dividends not. */
    SPLIT,
    /** Raw × price factor × split factor: splits and dividends removed (total-return prices). */
    ADJUSTED;

    /** The name used on the command line, in jobs and in results: {@code raw}, {@code split} or {@code adjusted}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a wire name.
     *
     * @throws IllegalArgumentException naming the allowed values when {@code name} is none of them
     */
    public static Adjustment parse(String name) {
        for (Adjustment a : values()) if (a.wireName().equals(name.trim().toLowerCase(Locale.ROOT))) return a;
        throw new IllegalArgumentException("adjustment must be raw, split or adjusted, was '" + name + "'");
    }
}
