package io.tickstock.contract;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The contract's timestamp form: ISO-8601 UTC with milliseconds and {@code Z}
 * ({@code 2025-10-05T10:15:00.000Z}). Thread-safe.
 */
public final class IsoTime {
    private IsoTime() {}

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private record Day(long epochDay, String prefix) {}

    /** Recent days formatted ("yyyy-MM-ddT"), by epoch day mod 8: a bar's day and the wall clock's day both stay cached. */
    private static final java.util.concurrent.atomic.AtomicReferenceArray<Day> DAYS = new java.util.concurrent.atomic.AtomicReferenceArray<>(8);

    /** Formats epoch milliseconds (UTC). Without a formatter on the hot path: the date part is cached per day. Thread-safe. */
    public static String format(long epochMillis) {
        long epochDay = Math.floorDiv(epochMillis, 86_400_000L);
        int slot = (int) (epochDay & 7);
        Day day = DAYS.get(slot);
        if (day == null || day.epochDay != epochDay) {
            java.time.LocalDate date = java.time.LocalDate.ofEpochDay(epochDay);
            if (date.getYear() < 1000 || date.getYear() > 9999) return FORMAT.format(Instant.ofEpochMilli(epochMillis));
            day = new Day(epochDay, date + "T");
            DAYS.set(slot, day);
        }
        int ms = (int) Math.floorMod(epochMillis, 86_400_000L);
        char[] t = new char[13];
        two(t, 0, ms / 3_600_000);
        t[2] = ':';
        two(t, 3, ms / 60_000 % 60);
        t[5] = ':';
        two(t, 6, ms / 1000 % 60);
        t[8] = '.';
        int milli = ms % 1000;
        t[9] = (char) ('0' + milli / 100);
        t[10] = (char) ('0' + milli / 10 % 10);
        t[11] = (char) ('0' + milli % 10);
        t[12] = 'Z';
        return day.prefix.concat(new String(t));
    }

    private static void two(char[] t, int at, int v) {
        t[at] = (char) ('0' + v / 10);
        t[at + 1] = (char) ('0' + v % 10);
    }

    /** Formats an instant, truncated to milliseconds. */
    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /**
     * Parses any ISO-8601 instant ({@code Z} or offset, any fraction) to epoch milliseconds.
     *
     * @throws java.time.format.DateTimeParseException when the text is not an ISO-8601 instant
     */
    public static long parseMillis(String text) {
        return java.time.OffsetDateTime.parse(text).toInstant().toEpochMilli();
    }
}
