package io.tickstock.engine.analyze;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.bars.MarketSession;
import io.tickstock.engine.session.NyseCalendar;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads bars from a CSV file with the header {@code timestamp,open,high,low,close,volume} (case-insensitive;
 * further columns ignored). {@code timestamp} is an ISO-8601 date ({@code 2024-06-03}, the bar of that New
 * York day), a date-time with offset ({@code 2024-06-03T13:30:00Z}) or a local date-time (New York time).
 * Prices in dollars, volume in shares (decimals are rounded). Rows must be in time order. Read with
 * jackson-dataformat-csv (RFC 4180: a quoted field may hold commas and quotes).
 */
public final class BarCsvFile {
    public static final String HEADER = "timestamp,open,high,low,close,volume";
    private static final CsvMapper CSV = new CsvMapper();

    private BarCsvFile() {}

    /** Whether the file's first line is a bar CSV header. */
    public static boolean looksLike(Path path) {
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            return header != null && header.trim().toLowerCase(Locale.ROOT).startsWith(HEADER);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Reads a CSV of OHLCV bars (header {@code timestamp,open,high,low,close,volume}).
     *
     * @param symbol the symbol the bars get (the file does not name one)
     * @return the bars and whether the timestamps were plain dates (daily bars)
     * @throws IOException naming file, line and reason for the first unreadable row
     */
    public static Bars read(Path path, String symbol) throws IOException {
        List<Bar> bars = new ArrayList<>();
        boolean dates = false;
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.trim().toLowerCase(Locale.ROOT).startsWith(HEADER)) {
                throw new IOException(path + " line 1: expected the header '" + HEADER + "'");
            }
            long previous = Long.MIN_VALUE;
            MappingIterator<String[]> rows = CSV.readerForArrayOf(String.class)
                    .with(CsvParser.Feature.WRAP_AS_ARRAY)
                    .readValues(r);
            for (int n = 2; ; n++) { // one row per line: bar files have no multi-line fields
                String[] f;
                try {
                    if (!rows.hasNextValue()) break;
                    f = rows.nextValue();
                } catch (IOException | RuntimeException e) {
                    throw new IOException(path + " line " + n + ": not CSV (" + e.getMessage() + ")", e);
                }
                if (f.length == 1 && f[0].isBlank()) continue;
                try {
                    if (f.length < 6) throw new IllegalArgumentException("expected 6 columns, found " + f.length);
                    String ts = f[0].trim();
                    boolean date = ts.length() == 10;
                    dates |= date;
                    long start = time(ts);
                    if (start <= previous)
                        throw new IllegalArgumentException("timestamp " + ts + " is not after the previous row's");
                    previous = start;
                    double o = price(f[1], "open"),
                            h = price(f[2], "high"),
                            l = price(f[3], "low"),
                            c = price(f[4], "close");
                    if (h < Math.max(o, c) || l > Math.min(o, c))
                        throw new IllegalArgumentException("high/low do not contain open and close");
                    double v = Double.parseDouble(f[5].trim());
                    if (!(v >= 0)) throw new IllegalArgumentException("volume must be >= 0, was " + f[5].trim());
                    bars.add(new Bar(
                            symbol,
                            start,
                            o,
                            h,
                            l,
                            c,
                            Math.round(v),
                            c,
                            0,
                            date ? MarketSession.REGULAR : MarketSession.of(start)));
                } catch (RuntimeException e) {
                    throw new IOException(path + " line " + n + ": " + e.getMessage(), e);
                }
            }
        }
        return new Bars(symbol, bars, dates);
    }

    private static long time(String ts) {
        try {
            if (ts.length() == 10)
                return LocalDate.parse(ts)
                        .atStartOfDay(NyseCalendar.NEW_YORK)
                        .toInstant()
                        .toEpochMilli();
            try {
                return OffsetDateTime.parse(ts).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(ts)
                        .atZone(NyseCalendar.NEW_YORK)
                        .toInstant()
                        .toEpochMilli();
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("timestamp '" + ts + "' is not an ISO-8601 date or date-time");
        }
    }

    private static double price(String s, String column) {
        try {
            double p = Double.parseDouble(s.trim());
            if (!(p > 0) || Double.isInfinite(p))
                throw new IllegalArgumentException(column + " must be a positive number, was '" + s.trim() + "'");
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " must be a number, was '" + s.trim() + "'");
        }
    }
}
