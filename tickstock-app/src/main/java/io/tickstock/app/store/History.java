package io.tickstock.app.store;

import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.postgresql.util.PGobject;

/**
 * Read-only history queries for the REST API. Every {@code hours} window counts back from the newest
 * stored bar of the current or last session (so a replay of old data and the time after the close still
 * answer), or from the wall clock when no bar is stored. Rows come back as ordered maps with ISO-8601 UTC
 * timestamps and parsed JSON columns. Thread-safe.
 */
public final class History {
    private final DataSource dataSource;
    private final LongSupplier clock;

    /** @param clock wall clock, epoch ms (the window's anchor when no bar is stored) */
    public History(DataSource dataSource, LongSupplier clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The window anchor: end of the newest bar of the latest session (else of any session), epoch ms. */
    public long anchorMillis() throws SQLException {
        List<Map<String, Object>> rows = query("SELECT coalesce((SELECT max(ts) FROM ohlcv_1min WHERE session_id = "
                + "(SELECT session_id FROM streaming_sessions ORDER BY started_at DESC LIMIT 1)), "
                + "(SELECT max(ts) FROM ohlcv_1min)) AS newest");
        Object newest = rows.getFirst().get("newest");
        return newest == null ? clock.getAsLong() : IsoTime.parseMillis((String) newest) + 60_000;
    }

    public List<Map<String, Object>> patterns(String symbol, int hours) throws SQLException {
        return query("SELECT symbol, pattern_type, confidence, detected_at AS timestamp, timeframe, bar_open AS open, "
                + "bar_high AS high, bar_low AS low, bar_close AS close, bar_volume AS volume, metadata, session_id "
                + "FROM intraday_patterns WHERE symbol = ? AND detected_at >= ? ORDER BY detected_at DESC LIMIT 500",
                symbol, since(hours));
    }

    public List<Map<String, Object>> indicators(String symbol, int hours, String indicator) throws SQLException {
        String sql = "SELECT symbol, indicator, series, value, calculated_at AS timestamp, timeframe, metadata, session_id "
                + "FROM intraday_indicators WHERE symbol = ? AND calculated_at >= ?"
                + (indicator == null ? "" : " AND indicator = ?") + " ORDER BY calculated_at DESC, series LIMIT 5000";
        return indicator == null ? query(sql, symbol, since(hours)) : query(sql, symbol, since(hours), indicator);
    }

    public List<Map<String, Object>> alerts(int hours, String alertType, int limit) throws SQLException {
        String sql = "SELECT symbol, alert_type, alert_time AS timestamp, alert_data AS data, severity, session_id "
                + "FROM app_indicator_alerts WHERE alert_time >= ?" + (alertType == null ? "" : " AND alert_type = ?")
                + " ORDER BY alert_time DESC, id DESC LIMIT " + limit;
        return alertType == null ? query(sql, since(hours)) : query(sql, since(hours), alertType);
    }

    public List<Map<String, Object>> bars(String symbol, int hours) throws SQLException {
        return query("SELECT symbol, ts AS timestamp, open, high, low, close, volume, vwap, trade_count, "
                + "market_session AS session FROM ohlcv_1min WHERE symbol = ? AND ts >= ? ORDER BY ts", symbol, since(hours));
    }

    /** Totals of the latest session: the session row, patterns by type, top symbols, indicator and alert counts. */
    public Map<String, Object> summary() throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> session = query("SELECT session_id, universe, started_at, stopped_at, symbol_count, "
                + "final_status, trigger_type FROM streaming_sessions ORDER BY started_at DESC LIMIT 1");
        out.put("session", session.isEmpty() ? null : session.getFirst());
        String latest = "(SELECT session_id FROM streaming_sessions ORDER BY started_at DESC LIMIT 1)";
        out.put("total_patterns", query("SELECT count(*) AS n FROM intraday_patterns WHERE session_id = " + latest).getFirst().get("n"));
        out.put("total_indicators", query("SELECT count(*) AS n FROM intraday_indicators WHERE session_id = " + latest).getFirst().get("n"));
        out.put("total_bars", query("SELECT count(*) AS n FROM ohlcv_1min WHERE session_id = " + latest).getFirst().get("n"));
        out.put("total_alerts", query("SELECT count(*) AS n FROM app_indicator_alerts WHERE session_id = " + latest).getFirst().get("n"));
        out.put("pattern_distribution", query("SELECT pattern_type, count(*) AS count FROM intraday_patterns WHERE session_id = "
                + latest + " GROUP BY pattern_type ORDER BY count DESC"));
        out.put("top_symbols", query("SELECT symbol, count(*) AS patterns FROM intraday_patterns WHERE session_id = "
                + latest + " GROUP BY symbol ORDER BY patterns DESC, symbol LIMIT 10"));
        return out;
    }

    private Timestamp since(int hours) throws SQLException {
        return new Timestamp(anchorMillis() - hours * 3_600_000L);
    }

    private List<Map<String, Object>> query(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) row.put(md.getColumnLabel(i), value(rs.getObject(i)));
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    private static Object value(Object v) {
        if (v instanceof Timestamp t) return IsoTime.format(t.toInstant());
        if (v instanceof PGobject pg && pg.getValue() != null && pg.getType().startsWith("json")) return Json.read(pg.getValue());
        if (v instanceof java.math.BigDecimal d) return d.doubleValue();
        if (v instanceof java.util.UUID u) return u.toString();
        return v;
    }
}
