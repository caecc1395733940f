package io.tickstock.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dead-letter file: rows a writer had to set aside — rejected by PostgreSQL as data (SQLState class 22 or 23,
 * {@link SqlFailure#BAD_ROW}) or unreadable — one line per row, {@code <ISO time>\t<cause>\t<reason>\t<row>},
 * appended so an operator can inspect, fix and re-load them. Counted per cause (e.g. {@code "22001 ohlcv_1min"});
 * the first row of each cause goes to the {@link Listener} (a health issue and one critical alert per cause) and
 * to the log. The file is bounded: beyond {@code maxBytes} rows are only counted. {@link #add} and {@link #reject}
 * are called by one writer thread; the counts may be read from any thread.
 */
public final class DeadLetters {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    /** A new cause of rows set aside: {@code cause} as counted, {@code reason} the first line of the error. */
    public interface Listener {
        void rejected(String cause, String reason, Path file);
    }

    private final Path file;
    private final long maxBytes;
    private final LongSupplier clock;
    private final Listener listener;
    private final Map<String, AtomicLong> byCause = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();

    /**
     * @param file     where rows are appended (created with its folder when the first row comes)
     * @param maxBytes the file's bound
     * @param clock    wall clock, epoch ms (the time of each line)
     */
    public DeadLetters(Path file, long maxBytes, LongSupplier clock, Listener listener) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.listener = listener;
    }

    /** One write of rows to PostgreSQL, all or nothing. */
    public interface Write<T> {
        void write(List<T> rows) throws SQLException;
    }

    /**
     * Writes {@code rows} in order with {@code write}; when PostgreSQL rejects them as data ({@link SqlFailure#BAD_ROW})
     * the batch is halved until each rejected row stands alone, the others are written, and each rejected row is set
     * aside here ({@code line} gives its text, {@code table} its table). A row set aside in one half does not undo the
     * other half.
     *
     * @throws SQLException on an outage; what was written before it stays written (the writers' rows are idempotent)
     */
    public <T> void writeOrSetAside(List<T> rows, Write<T> write, Function<T, String> table, Function<T, String> line)
            throws SQLException {
        if (rows.isEmpty()) return;
        try {
            write.write(rows);
        } catch (SQLException e) {
            if (SqlFailure.of(e) == SqlFailure.OUTAGE) throw e;
            if (rows.size() == 1) {
                reject(table.apply(rows.getFirst()), line.apply(rows.getFirst()), e);
                return;
            }
            int half = rows.size() / 2;
            writeOrSetAside(rows.subList(0, half), write, table, line);
            writeOrSetAside(rows.subList(half, rows.size()), write, table, line);
        }
    }

    /** Sets aside {@code row} (one line of text) that PostgreSQL refused with {@code e}: cause {@code "<SQLState> <table>"}. */
    public void reject(String table, String row, Exception e) {
        String state = SqlFailure.sqlState(e);
        add((state == null ? "?" : state) + " " + table, firstLine(e.getMessage()), row);
    }

    /** Sets aside {@code line} under {@code cause} with {@code reason}. */
    public void add(String cause, String reason, String line) {
        total.incrementAndGet();
        boolean first = byCause.computeIfAbsent(cause, c -> new AtomicLong()).getAndIncrement() == 0;
        String entry =
                IsoTime.format(clock.getAsLong()) + '\t' + cause + '\t' + oneLine(reason) + '\t' + oneLine(line) + '\n';
        try {
            if (!Files.exists(file) || Files.size(file) + entry.length() <= maxBytes) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(
                        file, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException io) {
            LOG.error("cannot write the rejected-rows file {}: {}", file, io.getMessage());
        }
        if (first) {
            LOG.error(
                    "a row was set aside ({}: {}); it and later rows of this cause go to {}",
                    cause,
                    LogText.quote(reason),
                    file);
            listener.rejected(cause, reason, file);
        }
    }

    public Path file() {
        return file;
    }
    /** Rows set aside in all. */
    public long total() {
        return total.get();
    }

    /** Rows set aside, by cause. */
    public Map<String, Long> byCause() {
        Map<String, Long> out = new TreeMap<>();
        byCause.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    private static String oneLine(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) return "no message";
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
