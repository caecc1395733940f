package io.tickstock.engine.feed;

import io.tickstock.contract.Limits;
import io.tickstock.engine.session.NyseCalendar;
import io.tickstock.engine.trades.LeanSaleConditions;
import io.tickstock.engine.trades.Trade;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads one LEAN tick trade zip ({@code tick/<symbol>/<yyyyMMdd>_trade.zip}, LEAN's layout)
 * of rows {@code time_ms_since_midnight,price_decicents,size,exchange,sale_condition,suspicious}
 * with times in America/New_York. Times become epoch milliseconds (fractions of a millisecond dropped),
 * prices dollars; the suspicious flag and sale-condition bits decide the bar fields a print updates
 * ({@link LeanSaleConditions}). A malformed line is counted,
 * logged ({@link MalformedLines}) and skipped. Not thread-safe.
 */
public final class LeanTickFile implements TradeSource {
    /** The exchange's time zone, in which LEAN stores times. */
    private static final LeanSaleConditions RULES = LeanSaleConditions.bundled();

    private final Path path;
    private final String symbol;
    private final long midnightMillis;
    private final BufferedReader reader;
    private long lineNumber;
    private final MalformedLines malformed;

    /**
     * Opens a tick zip; the symbol comes from the parent folder, the date from the file name.
     *
     * @throws IOException when the file cannot be opened or holds no CSV entry
     * @throws IllegalArgumentException when the name does not start with {@code yyyyMMdd}, or the folder's name is not
     *                                  a symbol of the contract's form
     */
    public LeanTickFile(Path path) throws IOException {
        this(path, symbolOf(path), dateOf(path), unzip(path));
    }

    /**
     * The name of the folder holding {@code file} (LEAN's symbol or resolution folder).
     *
     * @throws IllegalArgumentException when the path has no folder
     */
    public static String folderName(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        Path name = folder == null ? null : folder.getFileName();
        if (name == null) throw new IllegalArgumentException(file + ": expected a LEAN path …/<symbol>/<file>.zip");
        return name.toString();
    }

    private static String symbolOf(Path path) {
        String symbol = folderName(path).toUpperCase(Locale.ROOT);
        if (!Limits.isSymbol(symbol)) {
            throw new IllegalArgumentException(path + ": symbol '" + symbol
                    + "' (from the folder name) is outside the contract's form " + Limits.SYMBOL_FORM);
        }
        return symbol;
    }

    /** The same CSV already in memory (benchmarks: decoding without disk and unzip). */
    public LeanTickFile(String symbol, LocalDate date, Reader csv) {
        this(
                Path.of(symbol + "_" + date.format(DateTimeFormatter.BASIC_ISO_DATE) + "_trade.csv"),
                symbol,
                date,
                new BufferedReader(csv, 1 << 16));
    }

    private LeanTickFile(Path path, String symbol, LocalDate date, BufferedReader reader) {
        this.path = path;
        this.symbol = symbol;
        this.midnightMillis =
                date.atStartOfDay(NyseCalendar.NEW_YORK).toInstant().toEpochMilli();
        this.reader = reader;
        this.malformed = new MalformedLines(path);
    }

    private static BufferedReader unzip(Path path) throws IOException {
        ZipInputStream zip = new ZipInputStream(Files.newInputStream(path));
        ZipEntry entry = zip.getNextEntry();
        if (entry == null) {
            zip.close();
            throw new IOException(path + ": empty zip, expected one CSV file");
        }
        return new BufferedReader(new InputStreamReader(zip, StandardCharsets.US_ASCII), 1 << 16);
    }

    /** The trading date encoded in a LEAN file name ({@code yyyyMMdd_...}). */
    public static LocalDate dateOf(Path path) {
        String name = path.getFileName().toString();
        if (name.length() < 8) throw new IllegalArgumentException(path + ": name must start with yyyyMMdd");
        return LocalDate.parse(name.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
    }

    public String symbol() {
        return symbol;
    }

    @Override
    public @Nullable Trade next() throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            Trade trade = parse(line);
            if (trade != null) return trade;
        }
        return null;
    }

    private @Nullable Trade parse(String line) {
        try {
            int c1 = line.indexOf(','), c2 = line.indexOf(',', c1 + 1), c3 = line.indexOf(',', c2 + 1);
            int c4 = line.indexOf(',', c3 + 1), c5 = line.indexOf(',', c4 + 1);
            if (c5 < 0) throw new IllegalArgumentException("expected 6 fields");
            double msOfDay = Double.parseDouble(line.substring(0, c1));
            long priceDeciCents = Long.parseLong(line.substring(c1 + 1, c2));
            long size = Long.parseLong(line.substring(c2 + 1, c3));
            if (!Limits.isPrice(priceDeciCents / 10_000.0)
                    || !Limits.isSize(size)
                    || !(msOfDay >= 0 && msOfDay < 86_400_000)) {
                throw new IllegalArgumentException("time, price or size out of range");
            }
            boolean suspicious = line.charAt(c5 + 1) == '1';
            long flags = c5 > c4 + 1 ? Long.parseLong(line.substring(c4 + 1, c5).trim(), 16) : 0;
            return new Trade(
                    symbol,
                    midnightMillis + (long) msOfDay,
                    priceDeciCents / 10_000.0,
                    size,
                    RULES.updates(flags, suspicious));
        } catch (RuntimeException e) {
            malformed.skip(lineNumber, e, line);
            return null;
        }
    }

    @Override
    public long malformed() {
        return malformed.count();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
