package io.tickstock.app.store;

import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The session history (the admin dashboard's session history): past and running sessions with their totals,
 * and one session's patterns, alerts, symbols and bars. Rows as {@link History.Rows} (ISO-8601 UTC times). Thread-safe.
 */
public final class PastSessions {
    private final DataSource dataSource;

    public PastSessions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The newest {@code limit} sessions, newest first: id, universe, trigger, start, stop, duration in seconds (so far,
     * for a running one), status ({@code active} or its final status), symbols, and counts of its bars, patterns,
     * indicator values (as recorded at its stop) and indicator alerts.
     */
    public History.Rows list(int limit) throws SQLException {
        return Queries.table(
                dataSource,
                "SELECT s.session_id, s.universe, s.trigger_type, s.started_at, s.stopped_at, "
                        + "round(extract(epoch FROM coalesce(s.stopped_at, now()) - s.started_at))::bigint AS duration_seconds, "
                        + "CASE WHEN s.stopped_at IS NULL THEN 'active' ELSE coalesce(s.final_status, 'stopped') END AS status, "
                        + "s.symbol_count, "
                        + "(SELECT count(*) FROM ohlcv_1min b WHERE b.session_id = s.session_id) AS bars, "
                        + "(SELECT count(*) FROM intraday_patterns p WHERE p.session_id = s.session_id) AS patterns, "
                        + "s.total_indicators AS indicators, "
                        + "(SELECT count(*) FROM app_indicator_alerts a WHERE a.session_id = s.session_id) AS alerts "
                        + "FROM streaming_sessions s ORDER BY s.started_at DESC LIMIT ?",
                limit);
    }

    /** A session's patterns, newest first, at most {@code limit}; of one symbol when {@code symbol} is not null. */
    public History.Rows patterns(UUID session, @org.jspecify.annotations.Nullable String symbol, int limit)
            throws SQLException {
        String sql = "SELECT symbol, pattern_type, confidence, detected_at AS timestamp, timeframe, bar_open AS open, "
                + "bar_high AS high, bar_low AS low, bar_close AS close, bar_volume AS volume, metadata "
                + "FROM intraday_patterns WHERE session_id = ?" + (symbol == null ? "" : " AND symbol = ?")
                + " ORDER BY detected_at DESC, id DESC LIMIT " + limit;
        return symbol == null
                ? Queries.table(dataSource, sql, session)
                : Queries.table(dataSource, sql, session, symbol);
    }

    /** A session's indicator alerts, newest first, at most {@code limit}. */
    public History.Rows alerts(UUID session, int limit) throws SQLException {
        return Queries.table(
                dataSource,
                "SELECT symbol, alert_type, alert_time AS timestamp, alert_data AS data, severity "
                        + "FROM app_indicator_alerts WHERE session_id = ? ORDER BY alert_time DESC, id DESC LIMIT "
                        + limit,
                session);
    }

    /** The symbols with bars in a session and their bar counts, by symbol. */
    public History.Rows symbols(UUID session) throws SQLException {
        return Queries.table(
                dataSource,
                "SELECT symbol, count(*) AS bars FROM ohlcv_1min WHERE session_id = ? GROUP BY symbol ORDER BY symbol",
                session);
    }

    /** A session's bars of one symbol, oldest first. */
    public History.Rows bars(UUID session, String symbol) throws SQLException {
        return Queries.table(
                dataSource,
                "SELECT symbol, ts AS timestamp, open, high, low, close, volume, vwap, trade_count, market_session AS session "
                        + "FROM ohlcv_1min WHERE session_id = ? AND symbol = ? ORDER BY ts",
                session,
                symbol);
    }
}
