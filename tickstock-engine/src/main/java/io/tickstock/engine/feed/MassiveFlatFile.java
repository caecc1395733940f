package io.tickstock.engine.feed;

import io.tickstock.contract.Limits;
import io.tickstock.engine.trades.Trade;
import io.tickstock.engine.trades.TradeConditions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Massive (Polygon) daily trades flat file, {@code us_stocks_sip/trades_v1/YYYY/MM/YYYY-MM-DD.csv.gz}
 * (plain {@code .csv} too), header
 * {@code ticker,conditions,correction,exchange,id,participant_timestamp,price,sequence_number,sip_timestamp,size,tape,trf_id,trf_timestamp}.
 * The trade time is the SIP timestamp (Unix nanoseconds) truncated to milliseconds; the conditions (a
 * quoted comma-separated list, or empty for a regular sale) decide, through {@link TradeConditions}, which
 * minute-bar fields the trade updates. Massive sorts the files by ticker, then time, so one reader gives
 * time order per ticker; pass {@code symbol} to read one ticker, or use {@link #timeOrdered} for a merged,
 * time-ordered stream of several (each ticker decompresses the file up to its section: fine for a few
 * tickers, slow for thousands). A malformed line is counted, logged ({@link MalformedLines}) and
 * skipped. Not thread-safe.
 */
public final class MassiveFlatFile implements TradeSource {
    static final String HEADER = "ticker,conditions,correction,exchange,id,participant_timestamp,price,"
            + "sequence_number,sip_timestamp,size,tape,trf_id,trf_timestamp";

    private final Path path;
    private final @Nullable String symbol;
    private final TradeConditions conditions;
    private final BufferedReader reader;
    private long lineNumber;
    private final MalformedLines malformed;
    private boolean seenSymbol, done;

    /**
     * @param symbol only this ticker (upper case), or null for every ticker
     * @throws IOException when the file cannot be opened or its header is not Massive's
     */
    public MassiveFlatFile(Path path, @Nullable String symbol, TradeConditions conditions) throws IOException {
        this.path = path;
        this.malformed = new MalformedLines(path);
        this.symbol = symbol;
        this.conditions = conditions;
        InputStream in = Files.newInputStream(path);
        if (path.toString().endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII), 1 << 16);
        String header = reader.readLine();
        lineNumber = 1;
        if (header == null || !header.trim().equals(HEADER)) {
            reader.close();
            throw new IOException(path + ": not a Massive trades flat file (expected header '" + HEADER + "')");
        }
    }

    /**
     * The file as one time-ordered source: Massive sorts a daily file by ticker, then time, so each ticker
     * is read by its own reader (stopping at the end of its section) and the readers are merged by time.
     *
     * @param symbols the tickers to read; null or empty for every ticker in the file (found by one pass)
     */
    public static TradeSource timeOrdered(
            Path path, java.util.@Nullable Collection<String> symbols, TradeConditions conditions) throws IOException {
        List<String> tickers = new ArrayList<>();
        if (symbols != null && !symbols.isEmpty()) {
            tickers.addAll(symbols);
        } else {
            try (MassiveFlatFile all = new MassiveFlatFile(path, null, conditions)) {
                String last = null;
                for (Trade t; (t = all.next()) != null; ) {
                    if (!t.symbol().equals(last)) tickers.add(last = t.symbol());
                }
            }
        }
        List<MassiveFlatFile> readers = new ArrayList<>();
        for (String ticker : new TreeSet<>(tickers)) readers.add(new MassiveFlatFile(path, ticker, conditions));
        return new MergedTradeSource(readers, Long.MIN_VALUE);
    }

    /** Whether the file starts like a Massive trades flat file (name ends in .csv.gz or .csv and header matches). */
    public static boolean looksLike(Path path) {
        String name = path.getFileName().toString();
        if (!name.endsWith(".csv.gz") && !name.endsWith(".csv")) return false;
        try (MassiveFlatFile f = new MassiveFlatFile(path, null, TradeConditions.bundled())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public @Nullable Trade next() throws IOException {
        if (done) return null;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) continue;
            try {
                Trade t = parse(line);
                if (t != null) return t;
                if (done) return null;
            } catch (RuntimeException e) {
                malformed.skip(lineNumber, e, line);
            }
        }
        return null;
    }

    private @Nullable Trade parse(String line) {
        String[] f = split(line);
        if (f.length != 13) throw new IllegalArgumentException("expected 13 fields, found " + f.length);
        String ticker = f[0];
        if (symbol != null && !symbol.equals(ticker)) {
            if (seenSymbol) done = true; // the file is sorted by ticker: our section is over
            return null;
        }
        seenSymbol = true;
        int[] ids = conditionIds(f[1]);
        double price = Double.parseDouble(f[6]);
        long size = Long.parseLong(f[9]);
        long sipNanos = Long.parseLong(f[8]);
        if (!Limits.isSymbol(ticker)) {
            throw new IllegalArgumentException("ticker outside the contract's form " + Limits.SYMBOL_FORM);
        }
        if (!Limits.isPrice(price) || !Limits.isSize(size) || !Limits.isTime(Math.floorDiv(sipNanos, 1_000_000L))) {
            throw new IllegalArgumentException("price, size or sip_timestamp out of range");
        }
        return new Trade(ticker, Math.floorDiv(sipNanos, 1_000_000L), price, size, conditions.minuteUpdates(ids));
    }

    private static int[] conditionIds(String field) {
        if (field.isBlank()) return new int[0];
        String[] parts = field.split(",", -1);
        int[] ids = new int[parts.length];
        for (int i = 0; i < parts.length; i++) ids[i] = Integer.parseInt(parts[i].trim());
        return ids;
    }

    /** Splits one CSV line; a field in double quotes may hold commas. */
    static String[] split(String line) {
        List<String> fields = new ArrayList<>(13);
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) {
                fields.add(cur.toString());
                cur.setLength(0);
            } else cur.append(ch);
        }
        if (quoted) throw new IllegalArgumentException("unterminated quote");
        fields.add(cur.toString());
        return fields.toArray(String[]::new);
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
