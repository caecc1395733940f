package io.tickstock.engine.bars;

import io.tickstock.engine.session.NyseCalendar;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The part of the US equity trading day a bar falls in, by its start time in America/New_York and the NYSE calendar
 * ({@link NyseCalendar#regularClose}): pre-market before 09:30, regular 09:30 until the close (16:00, or 13:00 on an
 * early-close day such as the day after Thanksgiving), after-hours from the close; on weekends and holidays nothing is
 * regular (bars before 09:30 count as pre, the others as post).
 */
public enum MarketSession {
    PRE("pre"),
    REGULAR("regular"),
    POST("post");

    /** The contract's name: pre, regular or post. */
    public final String label;

    MarketSession(String label) {
        this.label = label;
    }

    /** How long after the close a closing auction print may come and still be credited to the last regular bar. */
    public static final long AUCTION_WINDOW_MILLIS = 5 * 60_000;

    /**
     * The bar a closing auction print at {@code tradeMillis} belongs to by the vendors' convention: the last
     * regular-hours bar (15:59, or 12:59 on an early-close day) when the print comes within
     * {@value #AUCTION_WINDOW_MILLIS} ms after the day's close; otherwise the print's own minute (-1).
     */
    public static long closingAuctionBar(long tradeMillis) {
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(tradeMillis), NyseCalendar.NEW_YORK);
        LocalTime close = NyseCalendar.regularClose(local.toLocalDate());
        if (close == null) return -1;
        long closeMillis = local.toLocalDate()
                .atTime(close)
                .atZone(NyseCalendar.NEW_YORK)
                .toInstant()
                .toEpochMilli();
        return tradeMillis >= closeMillis && tradeMillis < closeMillis + AUCTION_WINDOW_MILLIS
                ? closeMillis - Bar.MINUTE
                : -1;
    }

    /** Classifies a bar by its start, epoch milliseconds. */
    public static MarketSession of(long barStartMillis) {
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(barStartMillis), NyseCalendar.NEW_YORK);
        LocalTime t = local.toLocalTime();
        if (t.isBefore(NyseCalendar.OPEN)) return PRE;
        LocalTime close = NyseCalendar.regularClose(local.toLocalDate());
        return close != null && t.isBefore(close) ? REGULAR : POST;
    }
}
