package io.tickstock.contract;

import java.util.regex.Pattern;

/**
 * What the contract and its tables accept, checked where data enters (feed decoders, the app's message reader,
 * REST and WebSocket parameters) so that a value PostgreSQL or a consumer would refuse is counted and skipped
 * at the edge instead of reaching SQL. Sources: the JSON Schemas' symbol pattern, {@code VARCHAR(10)} symbols
 * and {@code NUMERIC(14,4)} prices in the engine's tables (the contract's tables).
 */
public final class Limits {
    private Limits() {}

    /** A symbol: upper case, 1 to 10 characters, a letter first, then letters, digits or dots ({@code BRK.B}, {@code SPY.2}). */
    public static final Pattern SYMBOL = Pattern.compile("[A-Z][A-Z0-9.]{0,9}");
    /** {@link #SYMBOL} as text, for messages. */
    public static final String SYMBOL_FORM = "[A-Z][A-Z0-9.]{0,9}";
    /** Prices are below this many dollars (NUMERIC(14,4) holds up to 9,999,999,999.9999). */
    public static final double MAX_PRICE = 1e10;
    /** Sizes and volumes are at most this many shares (far above any real print; volumes are BIGINT). */
    public static final long MAX_SIZE = 10_000_000_000L;
    /** Times are epoch milliseconds between 1970 and 2200. */
    public static final long MAX_TIME_MILLIS = 7_258_118_400_000L;

    /**
     * Whether {@code s} has the contract's symbol form ({@link #SYMBOL}), without a regex: called once per trade.
     */
    public static boolean isSymbol(String s) {
        if (s == null) return false;
        int n = s.length();
        if (n < 1 || n > 10) return false;
        char first = s.charAt(0);
        if (first < 'A' || first > 'Z') return false;
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.')) return false;
        }
        return true;
    }

    /** A price the tables can hold: finite, above 0 and below {@link #MAX_PRICE} dollars. */
    public static boolean isPrice(double p) {
        return p > 0 && p < MAX_PRICE;
    }

    /** A size or volume: 0 to {@link #MAX_SIZE} shares. */
    public static boolean isSize(long s) {
        return s >= 0 && s <= MAX_SIZE;
    }

    /** An epoch-millisecond time between 1970 and 2200. */
    public static boolean isTime(long millis) {
        return millis >= 0 && millis < MAX_TIME_MILLIS;
    }
}
