package io.tickstock.engine.store;

import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes history rows to PostgreSQL on its own thread, in JDBC batches per table with
 * {@code ON CONFLICT DO NOTHING} (rows are idempotent by their unique keys). The queue is bounded;
 * {@link #write} never blocks the analytics: a full queue counts the row as dropped. A failed batch is
 * kept and retried every second until PostgreSQL answers; failure and recovery are reported to
 * {@code onOutage}. After each batch, {@code onBatch} receives a persistence confirmation.
 * {@link #write} may be called from any thread.
 */
public final class HistoryWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryWriter.class);
    private static final int MAX_BATCH = 2_000;

    /** Receives outage transitions: true when writes start failing (with the reason), false on recovery. */
    public interface OutageListener {
        void outage(boolean down, String reason);
    }

    private final DataSource dataSource;
    private final BlockingQueue<HistoryRow> queue;
    private final Consumer<Events.PersistenceBatch> onBatch;
    private final OutageListener onOutage;
    private final Thread thread;
    private final AtomicLong written = new AtomicLong(), dropped = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean down;

    public HistoryWriter(DataSource dataSource, int capacity, Consumer<Events.PersistenceBatch> onBatch,
                         OutageListener onOutage) {
        this.dataSource = dataSource;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.onBatch = onBatch;
        this.onOutage = onOutage;
        this.thread = Thread.ofPlatform().name("tickstock-writer").daemon().unstarted(this::run);
    }

    public HistoryWriter start() {
        thread.start();
        return this;
    }

    /** Queues a row; returns false (and counts it dropped) when the queue is full. Never blocks. */
    public boolean write(HistoryRow row) {
        if (queue.offer(row)) return true;
        dropped.incrementAndGet();
        return false;
    }

    public long written() { return written.get(); }
    public long dropped() { return dropped.get(); }
    public int pending() { return queue.size(); }
    public boolean isDown() { return down; }

    private void run() {
        List<HistoryRow> batch = new ArrayList<>();
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    HistoryRow first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) continue;
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
                writeBatch(batch);
                batch.clear();
                if (down) {
                    down = false;
                    onOutage.outage(false, "PostgreSQL writes resumed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                if (!down) {
                    down = true;
                    LOG.error("PostgreSQL write failed, retrying every second: {}", Database.rootMessage(e));
                    onOutage.outage(true, Database.rootMessage(e));
                }
                if (!running) return; // shutting down with PostgreSQL unreachable: give up
                sleepQuietly();
            }
        }
    }

    private void writeBatch(List<HistoryRow> batch) throws SQLException {
        Map<Class<?>, List<HistoryRow>> byTable = new LinkedHashMap<>();
        for (HistoryRow r : batch) byTable.computeIfAbsent(r.getClass(), k -> new ArrayList<>()).add(r);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<Events.PersistenceBatch> confirmations = new ArrayList<>();
            for (List<HistoryRow> rows : byTable.values()) {
                long t0 = System.nanoTime();
                String table = insert(c, rows);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (table != null) {
                    confirmations.add(new Events.PersistenceBatch(table, rows.size(),
                            IsoTime.format(rows.getFirst().timeMillis()), IsoTime.format(rows.getLast().timeMillis()),
                            ms, sessionOf(rows.getFirst())));
                }
            }
            c.commit();
            written.addAndGet(batch.size());
            confirmations.forEach(onBatch);
        }
    }

    private static String sessionOf(HistoryRow r) {
        return switch (r) {
            case HistoryRow.Bar b -> b.bar().sessionId();
            case HistoryRow.Pattern p -> p.sessionId();
            case HistoryRow.Indicator i -> i.sessionId();
            case HistoryRow.Health h -> h.health().sessionId();
            case HistoryRow.SessionStarted s -> s.session().sessionId();
            case HistoryRow.SessionStopped s -> s.session().sessionId();
        };
    }

    /** Inserts rows of one type; returns the table name for a persistence confirmation, or null for none. */
    private static String insert(Connection c, List<HistoryRow> rows) throws SQLException {
        HistoryRow first = rows.getFirst();
        String sql = switch (first) {
            case HistoryRow.SessionStarted s -> "INSERT INTO streaming_sessions (session_id, universe, started_at, symbol_count, trigger_type) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING";
            case HistoryRow.SessionStopped s -> "UPDATE streaming_sessions SET stopped_at = ?, total_patterns = ?, total_indicators = ?, "
                    + "final_status = ? WHERE session_id = ?";
            case HistoryRow.Bar b -> "INSERT INTO ohlcv_1min (symbol, ts, open, high, low, close, volume, trade_count, vwap, market_session, session_id) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (symbol, ts) DO NOTHING";
            case HistoryRow.Pattern p -> "INSERT INTO intraday_patterns (session_id, symbol, pattern_type, confidence, detected_at, timeframe, "
                    + "bar_open, bar_high, bar_low, bar_close, bar_volume, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) "
                    + "ON CONFLICT (session_id, symbol, pattern_type, detected_at) DO NOTHING";
            case HistoryRow.Indicator i -> "INSERT INTO intraday_indicators (session_id, symbol, indicator, series, value, calculated_at, timeframe, metadata) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (session_id, symbol, series, calculated_at) DO NOTHING";
            case HistoryRow.Health h -> "INSERT INTO streaming_health_metrics (session_id, status, active_symbols, ticks_per_second, bars_per_minute, "
                    + "processing_lag_ms, cpu_percent, memory_mb, threads_active, issues, measured_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) "
                    + "ON CONFLICT (session_id, measured_at) DO NOTHING";
        };
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (HistoryRow r : rows) {
                bind(ps, r);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return switch (first) {
            case HistoryRow.SessionStarted s -> "streaming_sessions";
            case HistoryRow.SessionStopped s -> "streaming_sessions";
            case HistoryRow.Bar b -> "ohlcv_1min";
            case HistoryRow.Pattern p -> "intraday_patterns";
            case HistoryRow.Indicator i -> "intraday_indicators";
            case HistoryRow.Health h -> "streaming_health_metrics";
        };
    }

    private static void bind(PreparedStatement ps, HistoryRow row) throws SQLException {
        switch (row) {
            case HistoryRow.SessionStarted(Events.SessionStart s, long t) -> {
                ps.setObject(1, UUID.fromString(s.sessionId()));
                ps.setString(2, s.universe());
                ps.setTimestamp(3, ts(t));
                ps.setInt(4, s.symbolCount());
                ps.setString(5, s.triggerType());
            }
            case HistoryRow.SessionStopped(Events.SessionEnd s, long t) -> {
                ps.setTimestamp(1, ts(t));
                ps.setLong(2, s.totalPatterns());
                ps.setLong(3, s.totalIndicators());
                ps.setString(4, s.finalStatus());
                ps.setObject(5, UUID.fromString(s.sessionId()));
            }
            case HistoryRow.Bar(Events.Bar b, long t) -> {
                ps.setString(1, b.symbol());
                ps.setTimestamp(2, ts(t));
                ps.setDouble(3, b.open());
                ps.setDouble(4, b.high());
                ps.setDouble(5, b.low());
                ps.setDouble(6, b.close());
                ps.setLong(7, b.volume());
                ps.setLong(8, b.tradeCount());
                ps.setDouble(9, b.vwap());
                ps.setString(10, b.session());
                ps.setObject(11, uuid(b.sessionId()));
            }
            case HistoryRow.Pattern(Events.PatternDetection d, String sid, long t) -> {
                ps.setObject(1, uuid(sid));
                ps.setString(2, d.symbol());
                ps.setString(3, d.patternType());
                ps.setDouble(4, d.confidence());
                ps.setTimestamp(5, ts(t));
                ps.setString(6, d.timeframe());
                ps.setDouble(7, d.barData().open());
                ps.setDouble(8, d.barData().high());
                ps.setDouble(9, d.barData().low());
                ps.setDouble(10, d.barData().close());
                ps.setLong(11, d.barData().volume());
                Map<String, Object> meta = new LinkedHashMap<>(d.metadata());
                meta.put("direction", d.direction());
                meta.put("parameters", d.parameters());
                ps.setString(12, Json.write(meta));
            }
            case HistoryRow.Indicator(Events.IndicatorCalculation i, String series, String sid, long t) -> {
                ps.setObject(1, uuid(sid));
                ps.setString(2, i.symbol());
                ps.setString(3, i.indicator());
                ps.setString(4, series);
                ps.setDouble(5, i.value());
                ps.setTimestamp(6, ts(t));
                ps.setString(7, i.timeframe());
                Map<String, Object> meta = new LinkedHashMap<>(i.metadata());
                meta.put("values", i.values());
                ps.setString(8, Json.write(meta));
            }
            case HistoryRow.Health(Events.Health h, long t) -> {
                ps.setObject(1, uuid(h.sessionId()));
                ps.setString(2, h.status());
                ps.setInt(3, h.activeSymbols());
                ps.setDouble(4, h.dataFlow().ticksPerSecond());
                ps.setLong(5, h.dataFlow().barsPerMinute());
                ps.setLong(6, h.dataFlow().processingLagMs());
                ps.setDouble(7, h.resourceUsage().cpuPercent());
                ps.setLong(8, h.resourceUsage().memoryMb());
                ps.setInt(9, h.resourceUsage().threadsActive());
                ps.setString(10, Json.write(h.issues()));
                ps.setTimestamp(11, ts(t));
            }
        }
    }

    private static Timestamp ts(long millis) {
        return new Timestamp(millis);
    }

    private static UUID uuid(String id) {
        return id == null ? null : UUID.fromString(id);
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued (waiting up to {@code timeoutMillis}) and stops the thread. */
    public void close(long timeoutMillis) throws InterruptedException {
        running = false;
        thread.join(timeoutMillis);
    }

    @Override
    public void close() throws InterruptedException {
        close(10_000);
    }
}
