package io.tickstock.engine.session;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The NYSE trading calendar, New York time with its daylight-saving changes: regular hours 09:30–16:00,
 * 13:00 closes on early-close days, pre-market from 04:00 and after-hours until 20:00 (17:00 after an early
 * close). Holidays and early closes come from the resource {@code nyse-calendar.csv} beside this class
 * ({@code date,kind,close,note}; kind {@code holiday} or {@code early_close}), tabled for 2024–2027 from NYSE Group's
 * announcements ("NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar", 2024-11-08, and the
 * 2024 calendar), including the 2025-01-09 closure for the national day of mourning: a new year is a data edit.
 * Outside the years the file covers every weekday counts as a full trading day ({@link #covers} tells). Immutable
 * and thread-safe.
 */
public final class NyseCalendar {
    /** The exchange's time zone: the one {@code America/New_York} constant of the engine. */
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    public static final LocalTime PRE_OPEN = LocalTime.of(4, 0),
            OPEN = LocalTime.of(9, 30),
            CLOSE = LocalTime.of(16, 0),
            EARLY_CLOSE = LocalTime.of(13, 0),
            POST_CLOSE = LocalTime.of(20, 0),
            EARLY_POST_CLOSE = LocalTime.of(17, 0);

    private record Table(Set<LocalDate> holidays, Map<LocalDate, LocalTime> earlyCloses, int firstYear, int lastYear) {}

    private static final Table TABLE = load("nyse-calendar.csv");

    /** @throws IllegalStateException naming the line when the resource is missing or a row does not parse */
    private static Table load(String resource) {
        Set<LocalDate> holidays = new HashSet<>();
        Map<LocalDate, LocalTime> early = new HashMap<>();
        int first = Integer.MAX_VALUE, last = Integer.MIN_VALUE;
        CsvMapper csv = new CsvMapper();
        try (InputStream in = NyseCalendar.class.getResourceAsStream(resource);
                MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(in)) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                LocalDate date = LocalDate.parse(row.get("date"));
                switch (String.valueOf(row.get("kind"))) {
                    case "holiday" -> holidays.add(date);
                    case "early_close" -> early.put(date, LocalTime.parse(row.get("close")));
                    default ->
                        throw new IllegalArgumentException(
                                "kind must be holiday or early_close, was " + row.get("kind"));
                }
                first = Math.min(first, date.getYear());
                last = Math.max(last, date.getYear());
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the NYSE calendar " + resource + ": " + e.getMessage(), e);
        }
        return new Table(Set.copyOf(holidays), Map.copyOf(early), first, last);
    }

    /** One trading day's windows, as New York date-times. */
    public record TradingDay(
            LocalDate date, ZonedDateTime preOpen, ZonedDateTime open, ZonedDateTime close, ZonedDateTime postClose) {
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

    /** Whether the holiday table covers this date's year (2024–2027). */
    public boolean covers(LocalDate date) {
        return date.getYear() >= TABLE.firstYear() && date.getYear() <= TABLE.lastYear();
    }

    public boolean isHoliday(LocalDate date) {
        return TABLE.holidays().contains(date);
    }

    /**
     * The regular session's close on {@code date} (16:00, 13:00 on early-close days), or null on weekends and holidays:
     * what {@link io.tickstock.engine.bars.MarketSession} asks to tag a bar. Static: the calendar is one table.
     */
    public static @Nullable LocalTime regularClose(LocalDate date) {
        DayOfWeek w = date.getDayOfWeek();
        if (w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY || TABLE.holidays().contains(date)) return null;
        return TABLE.earlyCloses().getOrDefault(date, CLOSE);
    }

    /** A weekday that is not a holiday. */
    public boolean isTradingDay(LocalDate date) {
        DayOfWeek w = date.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !isHoliday(date);
    }

    /** The date's windows, empty on weekends and holidays. */
    public Optional<TradingDay> tradingDay(LocalDate date) {
        if (!isTradingDay(date)) return Optional.empty();
        LocalTime close = TABLE.earlyCloses().getOrDefault(date, CLOSE);
        LocalTime post = close.equals(CLOSE) ? POST_CLOSE : EARLY_POST_CLOSE;
        return Optional.of(new TradingDay(
                date,
                date.atTime(PRE_OPEN).atZone(NEW_YORK),
                date.atTime(OPEN).atZone(NEW_YORK),
                date.atTime(close).atZone(NEW_YORK),
                date.atTime(post).atZone(NEW_YORK)));
    }

    /** The trading day whose window (regular, or extended) contains the instant, if any. */
    public Optional<TradingDay> dayAt(long epochMillis, boolean extendedHours) {
        LocalDate date = Instant.ofEpochMilli(epochMillis).atZone(NEW_YORK).toLocalDate();
        return tradingDay(date)
                .filter(d -> epochMillis >= d.startMillis(extendedHours) && epochMillis < d.endMillis(extendedHours));
    }

    /** The next window start (regular open, or pre-open) at or after the instant, epoch ms. */
    public long nextStartMillis(long epochMillis, boolean extendedHours) {
        LocalDate date = Instant.ofEpochMilli(epochMillis).atZone(NEW_YORK).toLocalDate();
        for (int i = 0; i < 15; i++, date = date.plusDays(1)) {
            Optional<TradingDay> day = tradingDay(date);
            if (day.isPresent() && day.get().startMillis(extendedHours) >= epochMillis)
                return day.get().startMillis(extendedHours);
        }
        throw new IllegalStateException("no trading day within 15 days of " + Instant.ofEpochMilli(epochMillis));
    }
}
