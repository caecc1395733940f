package io.tickstock.engine.trades;

/**
 * Which fields of a bar a trade may update, as bit flags (Massive's consolidated update rules). A trade
 * with {@link #NONE} is ineligible: it builds no bar.
 */
public final class TradeUpdates {
    public static final int NONE = 0;
    /** May set the bar's high and low. */
    public static final int HIGH_LOW = 1;
    /** May set the bar's open (first such trade) and close (last). */
    public static final int OPEN_CLOSE = 2;
    /** Counts in the bar's volume and VWAP. */
    public static final int VOLUME = 4;
    /**
     * May set open, high, low and close only when the minute has no trade allowed to set them (LEAN's
     * flagged prints: a minute made of them alone still gets its bar, as in LEAN's own bars).
     */
    public static final int PRICE_FALLBACK = 8;
    /**
     * Not an update but where the trade goes: the primary listing's closing auction print, which data vendors'
     * minute bars credit to the last regular-hours bar (its close becomes the official close) although it is stamped
     * just after the close ({@link io.tickstock.engine.bars.MarketSession#closingAuctionBar}).
     */
    public static final int CLOSING_AUCTION = 16;

    public static final int ALL = HIGH_LOW | OPEN_CLOSE | VOLUME;

    private TradeUpdates() {}

    /** Readable form for logs and tests, e.g. {@code high_low|volume}. */
    public static String describe(int updates) {
        if (updates == NONE) return "none";
        StringBuilder s = new StringBuilder();
        if ((updates & HIGH_LOW) != 0) s.append("high_low|");
        if ((updates & OPEN_CLOSE) != 0) s.append("open_close|");
        if ((updates & VOLUME) != 0) s.append("volume|");
        return s.substring(0, s.length() - 1);
    }
}
