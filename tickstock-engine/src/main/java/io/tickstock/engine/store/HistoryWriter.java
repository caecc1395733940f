package io.tickstock.engine.store;

import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import io.tickstock.engine.outbox.Outbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Writes history rows to PostgreSQL through an {@link Outbox} thread, in JDBC batches per table, idempotent
 * by unique keys: {@code ON CONFLICT DO NOTHING}, except a bar and an indicator value, whose newest write wins (a bar correction rewrites both; a retracted pattern is deleted) (a replay of the same
 * day, or a corrected bar, updates the row and its session). {@link #write} never blocks the
 * analytics: a full queue counts the row as dropped. A failed batch is retried every second until
 * PostgreSQL answers; failure and recovery go to {@code onOutage}. After each batch, {@code onBatch}
 * receives one persistence confirmation per table. {@link #write} may be called from any thread.
 */
public final class HistoryWriter implements AutoCloseable {
    private static final int MAX_BATCH = 2_000;

    private final DataSource dataSource;
    private final Consumer<Events.PersistenceBatch> onBatch;
    private final Outbox<HistoryRow> outbox;

    public HistoryWriter(DataSource dataSource, int capacity, Consumer<Events.PersistenceBatch> onBatch,
                         Outbox.OutageListener onOutage) {
        this.dataSource = dataSource;
        this.onBatch = onBatch;
        this.outbox = new Outbox<>("writer", capacity, MAX_BATCH, this::writeBatch, onOutage);
    }

    public HistoryWriter start() {
        outbox.start();
        return this;
    }

    /** Queues a row; returns false (and counts it dropped) when the queue is full. Never blocks. */
    public boolean write(HistoryRow row) {
        return outbox.offer(row);
    }

    public long written() { return outbox.delivered(); }
    public long dropped() { return outbox.dropped(); }
    public int pending() { return outbox.pending(); }
    public boolean isDown() { return outbox.isDown(); }

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
            confirmations.forEach(onBatch);
        }
    }

    private static String sessionOf(HistoryRow r) {
        return switch (r) {
            case HistoryRow.Bar b -> b.bar().sessionId();
            case HistoryRow.Pattern p -> p.sessionId();
            case HistoryRow.PatternRetracted p -> p.sessionId();
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
            case HistoryRow.Bar b -> "INSERT INTO ohlcv_1min (symbol, ts, open, high, low, close, volume, trade_count, vwap, market_session, session_id, filled) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (symbol, ts) DO UPDATE SET open = EXCLUDED.open, "
                    + "high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close, volume = EXCLUDED.volume, "
                    + "trade_count = EXCLUDED.trade_count, vwap = EXCLUDED.vwap, session_id = EXCLUDED.session_id, filled = EXCLUDED.filled";
            case HistoryRow.Pattern p -> "INSERT INTO intraday_patterns (session_id, symbol, pattern_type, confidence, detected_at, timeframe, "
                    + "bar_open, bar_high, bar_low, bar_close, bar_volume, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) "
                    + "ON CONFLICT (session_id, symbol, pattern_type, detected_at) DO NOTHING";
            case HistoryRow.Indicator i -> "INSERT INTO intraday_indicators (session_id, symbol, indicator, series, value, calculated_at, timeframe, metadata) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (session_id, symbol, series, calculated_at) DO UPDATE SET value = EXCLUDED.value, metadata = EXCLUDED.metadata";
            case HistoryRow.PatternRetracted p -> "DELETE FROM intraday_patterns WHERE session_id = ? AND symbol = ? AND pattern_type = ? AND detected_at = ?";
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
            case HistoryRow.PatternRetracted p -> "intraday_patterns";
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
                ps.setBoolean(12, b.filled());
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
            case HistoryRow.PatternRetracted(String sid, String symbol, String type, long t) -> {
                ps.setObject(1, uuid(sid));
                ps.setString(2, symbol);
                ps.setString(3, type);
                ps.setTimestamp(4, ts(t));
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

    /** Writes what is queued (waiting up to {@code timeoutMillis}) and stops the thread. */
    public void close(long timeoutMillis) throws InterruptedException {
        outbox.close(timeoutMillis);
    }

    @Override
    public void close() throws InterruptedException {
        close(10_000);
    }
}
