package io.tickstock.engine.store;

import java.util.Locale;

/**
 * The engine's write targets, in the order one batch applies them: rows are copied (PostgreSQL COPY, CSV)
 * into a per-connection temporary table with the listed columns, then merged by one set-based statement,
 * idempotent by the target's unique key: inserting twice changes nothing, a bar or an indicator value is
 * replaced by its newest version (bar corrections), a retracted pattern's row is deleted.
 */
enum Table {
    SESSION_STARTED(
            "streaming_sessions",
            "session_id uuid, universe text, started_at timestamptz, symbol_count int, trigger_type text",
            "INSERT INTO streaming_sessions (session_id, universe, started_at, symbol_count, trigger_type) "
                    + "SELECT session_id, universe, started_at, symbol_count, trigger_type FROM %s ON CONFLICT (session_id) DO NOTHING"),
    BAR(
            "ohlcv_1min",
            "symbol text, ts timestamptz, open float8, high float8, low float8, close float8, volume bigint, "
                    + "trade_count int, vwap float8, market_session text, session_id uuid, filled boolean",
            "INSERT INTO ohlcv_1min (symbol, ts, open, high, low, close, volume, trade_count, vwap, market_session, session_id, filled) "
                    + "SELECT symbol, ts, open, high, low, close, volume, trade_count, vwap, market_session, session_id, filled FROM %s "
                    + "ON CONFLICT (symbol, ts) DO UPDATE SET open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low, "
                    + "close = EXCLUDED.close, volume = EXCLUDED.volume, trade_count = EXCLUDED.trade_count, vwap = EXCLUDED.vwap, "
                    + "session_id = EXCLUDED.session_id, filled = EXCLUDED.filled"),
    PATTERN_RETRACTED(
            "intraday_patterns",
            "session_id uuid, symbol text, pattern_type text, detected_at timestamptz",
            "DELETE FROM intraday_patterns p USING %s t WHERE p.session_id IS NOT DISTINCT FROM t.session_id "
                    + "AND p.symbol = t.symbol AND p.pattern_type = t.pattern_type AND p.detected_at = t.detected_at"),
    PATTERN(
            "intraday_patterns",
            "session_id uuid, symbol text, pattern_type text, confidence float8, detected_at timestamptz, timeframe text, "
                    + "bar_open float8, bar_high float8, bar_low float8, bar_close float8, bar_volume bigint, metadata jsonb",
            "INSERT INTO intraday_patterns (session_id, symbol, pattern_type, confidence, detected_at, timeframe, bar_open, "
                    + "bar_high, bar_low, bar_close, bar_volume, metadata) SELECT session_id, symbol, pattern_type, confidence, "
                    + "detected_at, timeframe, bar_open, bar_high, bar_low, bar_close, bar_volume, metadata FROM %s "
                    + "ON CONFLICT (session_id, symbol, pattern_type, detected_at) DO NOTHING"),
    INDICATOR(
            "intraday_indicators",
            "session_id uuid, symbol text, indicator text, series text, value float8, calculated_at timestamptz, "
                    + "timeframe text, metadata jsonb",
            "INSERT INTO intraday_indicators (session_id, symbol, indicator, series, value, calculated_at, timeframe, metadata) "
                    + "SELECT session_id, symbol, indicator, series, value, calculated_at, timeframe, metadata FROM %s "
                    + "ON CONFLICT (session_id, symbol, series, calculated_at) DO UPDATE SET value = EXCLUDED.value, metadata = EXCLUDED.metadata"),
    ALERT(
            "app_indicator_alerts",
            "session_id uuid, alert_type text, symbol text, alert_time timestamptz, alert_data jsonb, severity text",
            "INSERT INTO app_indicator_alerts (session_id, alert_type, symbol, alert_time, alert_data, severity) "
                    + "SELECT session_id, alert_type, symbol, alert_time, alert_data, severity FROM %s "
                    + "ON CONFLICT (session_id, symbol, alert_type, alert_time) DO NOTHING"),
    HEALTH(
            "streaming_health_metrics",
            "session_id uuid, status text, active_symbols int, ticks_per_second float8, bars_per_minute int, "
                    + "processing_lag_ms int, cpu_percent float8, memory_mb int, threads_active int, issues jsonb, measured_at timestamptz",
            "INSERT INTO streaming_health_metrics (session_id, status, active_symbols, ticks_per_second, bars_per_minute, "
                    + "processing_lag_ms, cpu_percent, memory_mb, threads_active, issues, measured_at) SELECT session_id, status, "
                    + "active_symbols, ticks_per_second, bars_per_minute, processing_lag_ms, cpu_percent, memory_mb, threads_active, "
                    + "issues, measured_at FROM %s ON CONFLICT (session_id, measured_at) DO NOTHING"),
    INTEGRATION_EVENT(
            "integration_events",
            "flow_id uuid, event_type text, source text, checkpoint text, channel text, symbol text, pattern_name text, "
                    + "confidence numeric, user_count int, details jsonb",
            "SELECT count(log_integration_event(flow_id, event_type, source, checkpoint, channel, symbol, pattern_name, "
                    + "confidence, user_count, details)) FROM %s"),
    SESSION_STOPPED(
            "streaming_sessions",
            "session_id uuid, stopped_at timestamptz, total_patterns int, total_indicators int, final_status text",
            "UPDATE streaming_sessions s SET stopped_at = t.stopped_at, total_patterns = t.total_patterns, "
                    + "total_indicators = t.total_indicators, final_status = t.final_status FROM %s t WHERE s.session_id = t.session_id");

    /** The PostgreSQL table the rows end up in (named in persistence confirmations). */
    final String target;

    private final String columns, merge;

    Table(String target, String columns, String merge) {
        this.target = target;
        this.columns = columns;
        this.merge = merge;
    }

    /** Whether a batch of this table is confirmed on the persistence channel (the contract's five tables). */
    boolean confirmed() {
        return this != INTEGRATION_EVENT && this != ALERT;
    }

    String temporaryTable() {
        return "tickstock_" + name().toLowerCase(Locale.ROOT);
    }

    String createTemporary() {
        return "CREATE TEMPORARY TABLE IF NOT EXISTS " + temporaryTable() + " (" + columns + ") ON COMMIT DELETE ROWS";
    }

    String copy() {
        return "COPY " + temporaryTable() + " FROM STDIN WITH (FORMAT csv)";
    }

    String merge() {
        return merge.formatted(temporaryTable());
    }
}
