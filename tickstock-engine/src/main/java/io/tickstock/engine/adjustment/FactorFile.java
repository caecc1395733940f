package io.tickstock.engine.adjustment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A symbol's LEAN factor file ({@code equity/usa/factor_files/<symbol>.csv}): rows
 * {@code yyyyMMdd,price_factor,split_factor,reference_price}, oldest first. A bar dated D (New York) takes the
 * factors of the first row dated on or after D (LEAN's {@code CorporateFactorProvider.GetPriceFactor}): a row covers
 * the days after the previous row's date up to and including its own, the last trading day before the split or
 * dividend. Dates after the last row take factors 1. Immutable; thread-safe.
 */
public final class FactorFile {
    /** One row: the last New York date it covers, the dividend (price) factor and the split factor. */
    public record Row(LocalDate date, double priceFactor, double splitFactor, double referencePrice) {}

    private final List<Row> rows;

    /** @throws IllegalArgumentException when {@code rows} is empty or not in date order */
    public FactorFile(List<Row> rows) {
        if (rows.isEmpty()) throw new IllegalArgumentException("a factor file needs at least one row");
        for (int i = 1; i < rows.size(); i++)
            if (!rows.get(i).date().isAfter(rows.get(i - 1).date()))
                throw new IllegalArgumentException(
                        "factor file rows out of date order at " + rows.get(i).date());
        this.rows = List.copyOf(rows);
    }

    /** The rows, oldest first. */
    public List<Row> rows() {
        return rows;
    }

    /** The row whose factors apply to bars dated {@code day} (New York). */
    public Row at(LocalDate day) {
        int lo = 0, hi = rows.size();
        while (lo < hi) { // first row dated on or after day
            int mid = (lo + hi) >>> 1;
            if (rows.get(mid).date().isBefore(day)) lo = mid + 1;
            else hi = mid;
        }
        return lo < rows.size() ? rows.get(lo) : new Row(day, 1, 1, 0);
    }

    /**
     * The factor file of {@code symbol} under {@code dataDir} ({@code lean/equity/usa/factor_files/<symbol>.csv}),
     * if there is one.
     *
     * @throws IOException naming the file and line when it exists but cannot be read
     */
    public static Optional<FactorFile> find(Path dataDir, String symbol) throws IOException {
        Path file = dataDir.resolve("lean/equity/usa/factor_files").resolve(symbol.toLowerCase(Locale.ROOT) + ".csv");
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /**
     * Reads a factor file.
     *
     * @throws IOException naming the file and line when a row is malformed or the file cannot be read
     */
    public static FactorFile read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file)) {
            n++;
            if (line.isBlank()) continue;
            String[] f = line.trim().split(",", -1);
            try {
                if (f.length < 3) throw new IllegalArgumentException("expected date,price_factor,split_factor");
                Row row = new Row(
                        LocalDate.parse(f[0].trim(), DateTimeFormatter.BASIC_ISO_DATE),
                        Double.parseDouble(f[1].trim()),
                        Double.parseDouble(f[2].trim()),
                        f.length > 3 ? Double.parseDouble(f[3].trim()) : 0);
                if (!(row.priceFactor() > 0) || !(row.splitFactor() > 0))
                    throw new IllegalArgumentException("factors must be positive");
                rows.add(row);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IOException(file + ":" + n + ": not a factor file row (" + e.getMessage() + "): " + line, e);
            }
        }
        try {
            return new FactorFile(rows);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
