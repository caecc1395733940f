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
    PRE("pre"), REGULAR("regular"), POST("post");


    /** The contract's name: pre, regular or post. */
    public final String label;

    MarketSession(String label) {
        this.label = label;
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
