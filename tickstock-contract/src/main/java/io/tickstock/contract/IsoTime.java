package io.tickstock.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicReferenceArray;

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
    private static final AtomicReferenceArray<Day> DAYS = new AtomicReferenceArray<>(8);

    /** Formats epoch milliseconds (UTC). Without a formatter on the hot path: the date part is cached per day. Thread-safe. */
    public static String format(long epochMillis) {
        long epochDay = Math.floorDiv(epochMillis, 86_400_000L);
        int slot = (int) (epochDay & 7);
        Day day = DAYS.get(slot);
        if (day == null || day.epochDay != epochDay) {
            LocalDate date = LocalDate.ofEpochDay(epochDay);
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
     * Like {@link #parseMillis}, and also a date-time without offset, read as UTC: what Python's
     * {@code datetime.utcnow().isoformat()} writes (the legacy test script's, {@code 2025-01-24T10:15:30.123456}).
     *
     * @throws java.time.format.DateTimeParseException when the text is neither
     */
    public static long parseMillisLenient(String text) {
        try {
            return parseMillis(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException local) {
                throw e;
            }
        }
    }

    /** What {@link #contractMillis} returns for text that is not in the contract's form. */
    public static final long NOT_CONTRACT_FORM = Long.MIN_VALUE;

    /**
     * Parses any ISO-8601 instant ({@code Z} or offset, any fraction) to epoch milliseconds: the contract's own form
     * (every event's timestamp) through {@link #contractMillis}, anything else through
     * {@link java.time.OffsetDateTime#parse}.
     *
     * @throws java.time.format.DateTimeParseException when the text is not an ISO-8601 instant
     */
    public static long parseMillis(String text) {
        if (text.length() == 24) {
            long millis = contractMillis(text, 0);
            if (millis != NOT_CONTRACT_FORM) return millis;
        }
        return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    }

    /**
     * The epoch milliseconds of the contract's form {@code yyyy-MM-ddTHH:mm:ss.SSSZ} (year 1000 or later) in the 24
     * characters of {@code s} from {@code at}, read digit by digit; {@link #NOT_CONTRACT_FORM} when they are not in
     * that form, run past the end, or name a date or time that does not exist. Thread-safe.
     */
    public static long contractMillis(CharSequence s, int at) {
        if (at < 0
                || at + 24 > s.length()
                || s.charAt(at + 4) != '-'
                || s.charAt(at + 7) != '-'
                || s.charAt(at + 10) != 'T'
                || s.charAt(at + 13) != ':'
                || s.charAt(at + 16) != ':'
                || s.charAt(at + 19) != '.'
                || s.charAt(at + 23) != 'Z') {
            return NOT_CONTRACT_FORM;
        }
        int year = digits(s, at, 4),
                month = digits(s, at + 5, 2),
                day = digits(s, at + 8, 2),
                hour = digits(s, at + 11, 2),
                minute = digits(s, at + 14, 2),
                second = digits(s, at + 17, 2),
                milli = digits(s, at + 20, 3);
        if (year < 1000
                || month < 1
                || month > 12
                || day < 1
                || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || milli < 0) {
            return NOT_CONTRACT_FORM;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return ((epochDay * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + milli;
    }

    /** The decimal number of {@code n} ASCII digits at {@code at}, or -1 when one is not a digit. */
    private static int digits(CharSequence s, int at, int n) {
        int v = 0;
        for (int i = at; i < at + n; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }
}
