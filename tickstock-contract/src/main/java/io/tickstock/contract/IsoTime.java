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

    /** Formats epoch milliseconds (UTC). */
    public static String format(long epochMillis) {
        return FORMAT.format(Instant.ofEpochMilli(epochMillis));
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
