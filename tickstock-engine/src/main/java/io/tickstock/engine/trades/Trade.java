package io.tickstock.engine.trades;

/**
 * One trade print.
 *
 * @param symbol     upper-case ticker
 * @param timeMillis SIP/exchange time, Unix epoch milliseconds (UTC)
 * @param price      dollars
 * @param size       shares
 * @param updates    which bar fields it may update, {@link TradeUpdates} flags (LEAN: ALL unless flagged
 *                   suspicious, then NONE; Massive: from its conditions)
 */
public record Trade(String symbol, long timeMillis, double price, long size, int updates) {
    /** A trade that may update every field (or none, when not eligible). */
    public Trade(String symbol, long timeMillis, double price, long size, boolean eligible) {
        this(symbol, timeMillis, price, size, eligible ? TradeUpdates.ALL : TradeUpdates.NONE);
    }

    /** Whether it updates any field of a bar. */
    public boolean eligible() {
        return updates != TradeUpdates.NONE;
    }
}
