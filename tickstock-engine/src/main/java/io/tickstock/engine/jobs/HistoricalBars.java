package io.tickstock.engine.jobs;

import io.tickstock.contract.Adjustment;
import io.tickstock.contract.BacktestRequest;
import io.tickstock.engine.adjustment.AdjustedBars;
import io.tickstock.engine.analyze.BarInput;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.bars.MarketSession;
import io.tickstock.engine.session.NyseCalendar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The bars a backtest job reads for one symbol and New York date range: the recorded LEAN data first (daily:
 * {@code lean/equity/usa/daily/<sym>.zip}; 1min: {@code lean/equity/usa/minute/<sym>/<yyyyMMdd>_trade.zip}, regular hours),
 * else for 1min the {@code ohlcv_1min} table (what live sessions stored, regular hours). The recorded bars are raw and
 * are adjusted by the symbol's LEAN factor file ({@link AdjustedBars#of}); stored bars have none and stay raw, their
 * split-like gaps found. Thread-safe.
 */
public final class HistoricalBars {
    private final Path dataDir;
    private final @Nullable DataSource database;

    /** @param database PostgreSQL for stored minute bars, or null for the recorded data only */
    public HistoricalBars(Path dataDir, @Nullable DataSource database) {
        this.dataDir = dataDir;
        this.database = database;
    }

    /**
     * The symbol's bars in the job's range, oldest first.
     *
     * @throws IllegalArgumentException naming the symbol when there are none
     */
    public AdjustedBars read(String symbol, BacktestRequest job) throws IOException, SQLException {
        return read(symbol, job.timeframe(), job.startDate(), job.endDate(), job.adjustment());
    }

    /**
     * The symbol's {@code timeframe} bars from {@code start} to {@code end} (New York dates, inclusive), oldest first,
     * adjusted as asked where a factor file allows.
     *
     * @throws IllegalArgumentException naming the symbol when there are none
     * @throws IOException when a data file or the symbol's factor file cannot be read
     */
    public AdjustedBars read(String symbol, String timeframe, LocalDate start, LocalDate end, Adjustment adjustment)
            throws IOException, SQLException {
        List<Bar> recorded = recorded(symbol, timeframe, start, end);
        if (!recorded.isEmpty()) return AdjustedBars.of(dataDir, symbol, recorded, adjustment);
        return AdjustedBars.raw(symbol, read(symbol, timeframe, start, end));
    }

    /**
     * The symbol's raw {@code timeframe} bars from {@code start} to {@code end} (New York dates, inclusive), oldest
     * first: recorded, else stored.
     *
     * @throws IllegalArgumentException naming the symbol when there are none
     */
    public List<Bar> read(String symbol, String timeframe, LocalDate start, LocalDate end)
            throws IOException, SQLException {
        List<Bar> bars = recorded(symbol, timeframe, start, end);
        if (bars.isEmpty() && timeframe.equals("1min") && database != null) bars.addAll(stored(symbol, start, end));
        if (bars.isEmpty())
            throw new IllegalArgumentException(
                    "no " + timeframe + " bars of " + symbol + " from " + start + " to " + end);
        return bars;
    }

    /** Regular-hours minutes of a full trading day. */
    private static final int MINUTES_PER_DAY = 390;
    /** Shortest line of a LEAN daily file ({@code yyyyMMdd HH:mm,o,h,l,c,v}), in bytes. */
    private static final int MIN_DAILY_LINE = 24;

    /**
     * At most how many bars {@link #read} would return, from the data's extent without reading a bar: daily, the
     * weekdays of the range (no more than the file's lines); 1min, {@value #MINUTES_PER_DAY} per recorded day file in
     * the range, else per weekday of the range between the first and last stored bar. 0 when there is no data.
     *
     * @throws IOException when the data folder cannot be listed
     */
    public long estimate(String symbol, String timeframe, LocalDate start, LocalDate end)
            throws IOException, SQLException {
        Path lean = dataDir.resolve("lean/equity/usa");
        String sym = symbol.toLowerCase(Locale.ROOT);
        if (timeframe.equals("daily")) {
            Path zip = lean.resolve("daily").resolve(sym + ".zip");
            if (!Files.exists(zip)) return 0;
            long bytes = 0;
            try (ZipFile z = new ZipFile(zip.toFile())) {
                for (var e = z.entries(); e.hasMoreElements(); )
                    bytes += Math.max(0, e.nextElement().getSize());
            }
            return Math.min(weekdays(start, end), bytes / MIN_DAILY_LINE + 1);
        }
        Path dir = lean.resolve("minute").resolve(sym);
        if (Files.isDirectory(dir)) {
            long days = 0;
            try (var files = Files.list(dir)) {
                for (Path zip : files.toList()) {
                    String name = zip.getFileName().toString();
                    if (name.length() < 8 || !name.substring(0, 8).chars().allMatch(Character::isDigit)) continue;
                    LocalDate day = LocalDate.parse(name.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
                    if (!day.isBefore(start) && !day.isAfter(end)) days++;
                }
            }
            if (days > 0) return days * MINUTES_PER_DAY;
        }
        return database == null ? 0 : storedEstimate(symbol, start, end);
    }

    private long storedEstimate(String symbol, LocalDate start, LocalDate end) throws SQLException {
        try (Connection c = Objects.requireNonNull(database).getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT min(ts), max(ts) FROM ohlcv_1min WHERE symbol = ? AND ts >= ? AND ts < ?")) {
            ps.setString(1, symbol);
            ps.setTimestamp(2, new Timestamp(epochMillis(start)));
            ps.setTimestamp(3, new Timestamp(epochMillis(end.plusDays(1))));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getTimestamp(1) == null) return 0;
                return MINUTES_PER_DAY * weekdays(day(rs.getTimestamp(1)), day(rs.getTimestamp(2)));
            }
        }
    }

    private static LocalDate day(Timestamp t) {
        return LocalDate.ofInstant(t.toInstant(), NyseCalendar.NEW_YORK);
    }

    private static long epochMillis(LocalDate d) {
        return d.atStartOfDay(NyseCalendar.NEW_YORK).toInstant().toEpochMilli();
    }

    /** Monday to Friday dates from {@code start} to {@code end}, inclusive. */
    static long weekdays(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) return 0;
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        long count = days / 7 * 5;
        for (LocalDate d = start.plusDays(days / 7 * 7); !d.isAfter(end); d = d.plusDays(1))
            if (d.getDayOfWeek().getValue() <= 5) count++;
        return count;
    }

    private List<Bar> recorded(String symbol, String timeframe, LocalDate start, LocalDate end) throws IOException {
        String sym = symbol.toLowerCase(Locale.ROOT);
        Path lean = dataDir.resolve("lean/equity/usa");
        List<Bar> bars = new ArrayList<>();
        if (timeframe.equals("daily")) {
            Path zip = lean.resolve("daily").resolve(sym + ".zip");
            if (Files.exists(zip))
                for (Bar b : BarInput.read(zip, null, false, n -> {}).bars()) if (in(b, start, end)) bars.add(b);
        } else {
            Path dir = lean.resolve("minute").resolve(sym);
            if (Files.isDirectory(dir)) {
                try (var files = Files.list(dir)) {
                    for (Path zip : files.sorted().toList()) {
                        LocalDate day = LocalDate.parse(
                                zip.getFileName().toString().substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
                        if (day.isBefore(start) || day.isAfter(end)) continue;
                        for (Bar b : BarInput.read(zip, null, false, n -> {}).bars())
                            if (b.session() == MarketSession.REGULAR) bars.add(b);
                    }
                }
            }
        }
        return bars;
    }

    private static boolean in(Bar b, LocalDate start, LocalDate end) {
        LocalDate d = LocalDate.ofInstant(Instant.ofEpochMilli(b.startMillis()), NyseCalendar.NEW_YORK);
        return !d.isBefore(start) && !d.isAfter(end);
    }

    private List<Bar> stored(String symbol, LocalDate start, LocalDate end) throws SQLException {
        long from = epochMillis(start);
        long to = epochMillis(end.plusDays(1));
        List<Bar> bars = new ArrayList<>();
        try (Connection c = Objects.requireNonNull(database).getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT ts, open, high, low, close, volume, coalesce(vwap, close), trade_count FROM ohlcv_1min "
                                + "WHERE symbol = ? AND ts >= ? AND ts < ? AND market_session = 'regular' ORDER BY ts")) {
            ps.setString(1, symbol);
            ps.setTimestamp(2, new Timestamp(from));
            ps.setTimestamp(3, new Timestamp(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next())
                    bars.add(new Bar(
                            symbol,
                            rs.getTimestamp(1).getTime(),
                            rs.getDouble(2),
                            rs.getDouble(3),
                            rs.getDouble(4),
                            rs.getDouble(5),
                            rs.getLong(6),
                            rs.getDouble(7),
                            rs.getLong(8),
                            MarketSession.REGULAR));
            }
        }
        return bars;
    }
}
