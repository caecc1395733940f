package io.tickstock.engine.session;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The NYSE trading calendar, New York time with its daylight-saving changes: regular hours 09:30–16:00,
 * 13:00 closes on early-close days, pre-market from 04:00 and after-hours until 20:00 (17:00 after an early
 * close). Holidays and early closes are tabled for 2024–2027 from NYSE Group's announcements ("NYSE Group
 * Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar", 2024-11-08, and the 2024 calendar),
 * including the 2025-01-09 closure for the national day of mourning. Outside those years every weekday
 * counts as a full trading day ({@link #covers} tells). Immutable and thread-safe.
 */
public final class NyseCalendar {
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    public static final LocalTime PRE_OPEN = LocalTime.of(4, 0), OPEN = LocalTime.of(9, 30), CLOSE = LocalTime.of(16, 0),
            EARLY_CLOSE = LocalTime.of(13, 0), POST_CLOSE = LocalTime.of(20, 0), EARLY_POST_CLOSE = LocalTime.of(17, 0);
    private static final int FIRST_YEAR = 2024, LAST_YEAR = 2027;

    private static final Set<LocalDate> HOLIDAYS = Set.of(
            // 2024
            d(2024, 1, 1), d(2024, 1, 15), d(2024, 2, 19), d(2024, 3, 29), d(2024, 5, 27), d(2024, 6, 19),
            d(2024, 7, 4), d(2024, 9, 2), d(2024, 11, 28), d(2024, 12, 25),
            // 2025 (January 9: national day of mourning for President Carter)
            d(2025, 1, 1), d(2025, 1, 9), d(2025, 1, 20), d(2025, 2, 17), d(2025, 4, 18), d(2025, 5, 26),
            d(2025, 6, 19), d(2025, 7, 4), d(2025, 9, 1), d(2025, 11, 27), d(2025, 12, 25),
            // 2026 (Independence Day observed Friday July 3)
            d(2026, 1, 1), d(2026, 1, 19), d(2026, 2, 16), d(2026, 4, 3), d(2026, 5, 25), d(2026, 6, 19),
            d(2026, 7, 3), d(2026, 9, 7), d(2026, 11, 26), d(2026, 12, 25),
            // 2027 (Juneteenth observed June 18, Independence Day July 5, Christmas December 24)
            d(2027, 1, 1), d(2027, 1, 18), d(2027, 2, 15), d(2027, 3, 26), d(2027, 5, 31), d(2027, 6, 18),
            d(2027, 7, 5), d(2027, 9, 6), d(2027, 11, 25), d(2027, 12, 24));

    /** 13:00 closes: the day before Independence Day, the day after Thanksgiving, Christmas Eve (when trading). */
    private static final Map<LocalDate, LocalTime> EARLY_CLOSES = Map.of(
            d(2024, 7, 3), EARLY_CLOSE, d(2024, 11, 29), EARLY_CLOSE, d(2024, 12, 24), EARLY_CLOSE,
            d(2025, 7, 3), EARLY_CLOSE, d(2025, 11, 28), EARLY_CLOSE, d(2025, 12, 24), EARLY_CLOSE,
            d(2026, 11, 27), EARLY_CLOSE, d(2026, 12, 24), EARLY_CLOSE,
            d(2027, 11, 26), EARLY_CLOSE);

    /** One trading day's windows, as New York date-times. */
    public record TradingDay(LocalDate date, ZonedDateTime preOpen, ZonedDateTime open, ZonedDateTime close,
                             ZonedDateTime postClose) {
        public boolean earlyClose() {
            return close.toLocalTime().isBefore(CLOSE);
        }

        /** Regular hours, or 04:00 to the end of after-hours with {@code extendedHours}; [start, end) in epoch ms. */
        public long startMillis(boolean extendedHours) {
            return (extendedHours ? preOpen : open).toInstant().toEpochMilli();
        }

        public long endMillis(boolean extendedHours) {
            return (extendedHours ? postClose : close).toInstant().toEpochMilli();
        }
    }

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    /** Whether the holiday table covers this date's year (2024–2027). */
    public boolean covers(LocalDate date) {
        return date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
    }

    public boolean isHoliday(LocalDate date) {
        return HOLIDAYS.contains(date);
    }

    /** A weekday that is not a holiday. */
    public boolean isTradingDay(LocalDate date) {
        DayOfWeek w = date.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !isHoliday(date);
    }

    /** The date's windows, empty on weekends and holidays. */
    public Optional<TradingDay> tradingDay(LocalDate date) {
        if (!isTradingDay(date)) return Optional.empty();
        LocalTime close = EARLY_CLOSES.getOrDefault(date, CLOSE);
        LocalTime post = close.equals(CLOSE) ? POST_CLOSE : EARLY_POST_CLOSE;
        return Optional.of(new TradingDay(date, date.atTime(PRE_OPEN).atZone(NEW_YORK), date.atTime(OPEN).atZone(NEW_YORK),
                date.atTime(close).atZone(NEW_YORK), date.atTime(post).atZone(NEW_YORK)));
    }

    /** The trading day whose window (regular, or extended) contains the instant, if any. */
    public Optional<TradingDay> dayAt(long epochMillis, boolean extendedHours) {
        LocalDate date = java.time.Instant.ofEpochMilli(epochMillis).atZone(NEW_YORK).toLocalDate();
        return tradingDay(date).filter(d -> epochMillis >= d.startMillis(extendedHours) && epochMillis < d.endMillis(extendedHours));
    }

    /** The next window start (regular open, or pre-open) at or after the instant, epoch ms. */
    public long nextStartMillis(long epochMillis, boolean extendedHours) {
        LocalDate date = java.time.Instant.ofEpochMilli(epochMillis).atZone(NEW_YORK).toLocalDate();
        for (int i = 0; i < 15; i++, date = date.plusDays(1)) {
            Optional<TradingDay> day = tradingDay(date);
            if (day.isPresent() && day.get().startMillis(extendedHours) >= epochMillis) return day.get().startMillis(extendedHours);
        }
        throw new IllegalStateException("no trading day within 15 days of " + java.time.Instant.ofEpochMilli(epochMillis));
    }
}
