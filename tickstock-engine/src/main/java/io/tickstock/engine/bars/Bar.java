package io.tickstock.engine.bars;

/**
 * A closed one-minute OHLCV bar.
 *
 * @param symbol     upper-case ticker
 * @param startMillis bar start, epoch milliseconds (a minute boundary, UTC)
 * @param open       first eligible trade price, dollars
 * @param high       highest eligible price
 * @param low        lowest eligible price
 * @param close      last eligible price
 * @param volume     shares traded in eligible trades
 * @param vwap       volume-weighted average price, dollars
 * @param tradeCount eligible trades in the bar
 * @param session    pre-market, regular or after-hours
 * @param filled     true for a fill-forward bar: a minute without eligible trades, OHLC the previous close,
 *                   volume 0 (only when fill-forward is enabled)
 */
public record Bar(
        String symbol,
        long startMillis,
        double open,
        double high,
        double low,
        double close,
        long volume,
        double vwap,
        long tradeCount,
        MarketSession session,
        boolean filled) {
    /** A bar built from trades or read from a bar file (not filled). */
    public Bar(
            String symbol,
            long startMillis,
            double open,
            double high,
            double low,
            double close,
            long volume,
            double vwap,
            long tradeCount,
            MarketSession session) {
        this(symbol, startMillis, open, high, low, close, volume, vwap, tradeCount, session, false);
    }

    /** One minute in milliseconds. */
    public static final long MINUTE = 60_000L;

    /** Bar end (exclusive), epoch milliseconds. */
    public long endMillis() {
        return startMillis + MINUTE;
    }
}
