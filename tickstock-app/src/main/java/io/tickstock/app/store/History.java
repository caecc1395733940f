package io.tickstock.app.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.app.subscriber.SessionView;
import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

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

    /** Query results: column labels in order and the rows (ordered maps keyed by label). */
    public record Rows(List<String> columns, List<Map<String, Object>> rows) {}

    /**
     * A symbol's patterns of the last {@code hours}, newest first, each with its record from {@code pattern_scorecard}
     * (5 bars after its detections: {@code record_timeframe} 1min when stored, else daily, {@code record_count},
     * {@code record_hit_rate} with its 95 % Wilson interval {@code record_hit_rate_low}/{@code _high}, the symbol's
     * {@code record_base_hit_rate} over the same bars, {@code record_edge} = hit rate − base rate, {@code
     * record_mean_return}; fractions, null without a scorecard).
     */
    public Rows patterns(String symbol, int hours) throws SQLException {
        return table(
                "SELECT p.symbol, p.pattern_type, p.confidence, p.detected_at AS timestamp, p.timeframe, p.bar_open AS open, "
                        + "p.bar_high AS high, p.bar_low AS low, p.bar_close AS close, p.bar_volume AS volume, p.metadata, "
                        + "p.session_id, r.timeframe AS record_timeframe, r.count AS record_count, "
                        + "r.hit_rate AS record_hit_rate, r.hit_rate_low AS record_hit_rate_low, "
                        + "r.hit_rate_high AS record_hit_rate_high, r.base_hit_rate AS record_base_hit_rate, "
                        + "r.edge AS record_edge, r.mean_return AS record_mean_return "
                        + "FROM intraday_patterns p LEFT JOIN LATERAL (SELECT * FROM pattern_scorecard s "
                        + "WHERE s.symbol = p.symbol AND s.pattern = p.pattern_type AND s.horizon_bars = 5 "
                        + "AND s.direction = coalesce(p.metadata->>'direction', s.direction) "
                        + "ORDER BY s.timeframe = '1min' DESC LIMIT 1) r ON true "
                        + "WHERE p.symbol = ? AND p.detected_at >= ? ORDER BY p.detected_at DESC LIMIT 500",
                symbol,
                since(hours));
    }

    /**
     * Scorecard rows ({@code pattern_scorecard}) at {@code horizon} bars, of one symbol or all, one timeframe or both:
     * timeframe, symbol, pattern, direction, horizon_bars, count, mean_return, hit_rate, hit_rate_low, hit_rate_high,
     * base_hit_rate, edge, adjustment, first_bar, last_bar.
     */
    public Rows scorecard(@Nullable String symbol, int horizon) throws SQLException {
        String sql =
                "SELECT timeframe, symbol, pattern, direction, horizon_bars, count, mean_return, hit_rate, hit_rate_low, "
                        + "hit_rate_high, base_hit_rate, edge, adjustment, first_bar, last_bar FROM pattern_scorecard "
                        + "WHERE horizon_bars = ?"
                        + (symbol == null ? "" : " AND symbol = ?")
                        + " ORDER BY symbol, pattern, direction, timeframe LIMIT 20000";
        return symbol == null ? table(sql, horizon) : table(sql, horizon, symbol);
    }

    public Rows indicators(String symbol, int hours, @Nullable String indicator) throws SQLException {
        String sql =
                "SELECT symbol, indicator, series, value, calculated_at AS timestamp, timeframe, metadata, session_id "
                        + "FROM intraday_indicators WHERE symbol = ? AND calculated_at >= ?"
                        + (indicator == null ? "" : " AND indicator = ?")
                        + " ORDER BY calculated_at DESC, series LIMIT 5000";
        return indicator == null ? table(sql, symbol, since(hours)) : table(sql, symbol, since(hours), indicator);
    }

    public Rows alerts(int hours, @Nullable String alertType, int limit) throws SQLException {
        String sql = "SELECT symbol, alert_type, alert_time AS timestamp, alert_data AS data, severity, session_id "
                + "FROM app_indicator_alerts WHERE alert_time >= ?" + (alertType == null ? "" : " AND alert_type = ?")
                + " ORDER BY alert_time DESC, id DESC LIMIT " + limit;
        return alertType == null ? table(sql, since(hours)) : table(sql, since(hours), alertType);
    }

    public Rows bars(String symbol, int hours) throws SQLException {
        return table(
                "SELECT symbol, ts AS timestamp, open, high, low, close, volume, vwap, trade_count, "
                        + "market_session AS session FROM ohlcv_1min WHERE symbol = ? AND ts >= ? ORDER BY ts",
                symbol,
                since(hours));
    }

    /** Health measurements of the latest session, oldest first (the dashboard's CPU, memory and lag charts). */
    public Rows health() throws SQLException {
        return table(
                "SELECT measured_at AS timestamp, status, active_symbols, ticks_per_second, processing_lag_ms, cpu_percent, "
                        + "memory_mb, threads_active FROM streaming_health_metrics WHERE session_id = "
                        + "(SELECT session_id FROM streaming_sessions ORDER BY started_at DESC LIMIT 1) ORDER BY measured_at LIMIT 10000");
    }

    /** Totals of the latest session: the session row, patterns by type, top symbols, indicator and alert counts. */
    public Map<String, Object> summary() throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> session = query("SELECT session_id, universe, started_at, stopped_at, symbol_count, "
                + "final_status, trigger_type FROM streaming_sessions ORDER BY started_at DESC LIMIT 1");
        out.put("session", session.isEmpty() ? null : session.getFirst());
        String latest = "(SELECT session_id FROM streaming_sessions ORDER BY started_at DESC LIMIT 1)";
        out.put(
                "total_patterns",
                query("SELECT count(*) AS n FROM intraday_patterns WHERE session_id = " + latest)
                        .getFirst()
                        .get("n"));
        out.put(
                "total_indicators",
                query("SELECT count(*) AS n FROM intraday_indicators WHERE session_id = " + latest)
                        .getFirst()
                        .get("n"));
        out.put(
                "total_bars",
                query("SELECT count(*) AS n FROM ohlcv_1min WHERE session_id = " + latest)
                        .getFirst()
                        .get("n"));
        out.put(
                "total_alerts",
                query("SELECT count(*) AS n FROM app_indicator_alerts WHERE session_id = " + latest)
                        .getFirst()
                        .get("n"));
        out.put(
                "pattern_distribution",
                query("SELECT pattern_type, count(*) AS count FROM intraday_patterns WHERE session_id = " + latest
                        + " GROUP BY pattern_type ORDER BY count DESC"));
        out.put(
                "top_symbols",
                query("SELECT symbol, count(*) AS patterns FROM intraday_patterns WHERE session_id = " + latest
                        + " GROUP BY symbol ORDER BY patterns DESC, symbol LIMIT 10"));
        return out;
    }

    /**
     * The newest session row as the contract's {@code session} object (session_id, universe, started_at,
     * symbol_count, trigger_type, status {@code active} or its final status, stopped_at), or null when none.
     */
    public @Nullable SessionView latestSession() throws SQLException {
        List<Map<String, Object>> rows =
                query("SELECT session_id, universe, started_at, stopped_at, symbol_count, trigger_type, final_status, "
                        + "CASE WHEN stopped_at IS NULL THEN 'active' ELSE 'stopped' END AS status "
                        + "FROM streaming_sessions ORDER BY started_at DESC LIMIT 1");
        return rows.isEmpty() ? null : SessionView.of(Json.MAPPER.valueToTree(rows.getFirst()));
    }

    /**
     * Patterns of a session detected at or after {@code sinceMillis} (bar start, epoch ms), oldest first, at most
     * {@code limit}, rebuilt as the contract's detections (direction, bar_data, parameters and metadata from the
     * stored row) with {@code metadata.source = "postgresql"}.
     */
    public List<Events.PatternDetection> patternDetections(String sessionId, long sinceMillis, int limit)
            throws SQLException {
        List<Events.PatternDetection> out = new ArrayList<>();
        for (Map<String, Object> r : query(
                "SELECT * FROM (SELECT id, symbol, pattern_type, confidence, detected_at, timeframe, bar_open, "
                        + "bar_high, bar_low, bar_close, bar_volume, metadata FROM intraday_patterns WHERE session_id = ?::uuid AND detected_at >= ? "
                        + "ORDER BY detected_at DESC, id DESC LIMIT " + limit + ") p ORDER BY detected_at, id",
                sessionId,
                new Timestamp(sinceMillis))) {
            Map<String, Object> meta = new LinkedHashMap<>(
                    r.get("metadata") instanceof JsonNode m ? Json.MAPPER.convertValue(m, OBJECT_MAP) : Map.of());
            Object direction = meta.remove("direction"), parameters = meta.remove("parameters");
            meta.put("session_id", sessionId);
            meta.put("source", "postgresql");
            out.add(new Events.PatternDetection(
                    text(r, "symbol"),
                    text(r, "pattern_type"),
                    number(r, "confidence"),
                    text(r, "detected_at"),
                    r.get("timeframe") instanceof String t ? t : "1min",
                    direction instanceof String d ? d : "neutral",
                    barData(r),
                    parameters instanceof Map<?, ?> p ? Json.MAPPER.convertValue(p, OBJECT_MAP) : Map.of(),
                    meta));
        }
        return out;
    }

    /**
     * The indicator alerts of a session stored since {@code sinceMillis} (alert time, epoch ms), oldest first, at most
     * {@code limit} (the newest), as the contract's alerts, for the reload after a reconnect.
     */
    public List<Events.IndicatorAlert> alerts(String sessionId, long sinceMillis, int limit) throws SQLException {
        List<Events.IndicatorAlert> out = new ArrayList<>();
        for (Map<String, Object> r : query(
                "SELECT * FROM (SELECT id, symbol, alert_type, alert_time, alert_data, severity "
                        + "FROM app_indicator_alerts WHERE session_id = ?::uuid AND alert_time >= ? ORDER BY alert_time DESC, id DESC LIMIT "
                        + limit + ") a ORDER BY alert_time, id",
                sessionId,
                new Timestamp(sinceMillis))) {
            out.add(new Events.IndicatorAlert(
                    text(r, "symbol"),
                    text(r, "alert_type"),
                    text(r, "alert_time"),
                    r.get("alert_data") instanceof JsonNode data
                            ? Json.MAPPER.convertValue(data, OBJECT_MAP)
                            : Map.of(),
                    r.get("severity") instanceof String sev ? sev : "warning",
                    sessionId));
        }
        return out;
    }

    private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() {};

    /** A text column that is never null (NOT NULL in the table). */
    private static String text(Map<String, Object> row, String column) {
        return (String) Objects.requireNonNull(row.get(column), column);
    }

    /** A numeric column that is never null (NOT NULL in the table). */
    private static double number(Map<String, Object> row, String column) {
        return ((Number) Objects.requireNonNull(row.get(column), column)).doubleValue();
    }

    /** The stored bar of a pattern row, or null when the row has none (the bar columns are nullable). */
    private static Events.@Nullable BarData barData(Map<String, Object> r) {
        if (!(r.get("bar_open") instanceof Number o
                && r.get("bar_high") instanceof Number h
                && r.get("bar_low") instanceof Number l
                && r.get("bar_close") instanceof Number c)) return null;
        long volume = r.get("bar_volume") instanceof Number v ? v.longValue() : 0;
        return new Events.BarData(o.doubleValue(), h.doubleValue(), l.doubleValue(), c.doubleValue(), volume);
    }

    private Timestamp since(int hours) throws SQLException {
        return new Timestamp(anchorMillis() - hours * 3_600_000L);
    }

    private List<Map<String, Object>> query(String sql, Object... params) throws SQLException {
        return table(sql, params).rows();
    }

    private Rows table(String sql, Object... params) throws SQLException {
        return Queries.table(dataSource, sql, params);
    }
}
