-- A past session's bars and patterns, read by the app's session history (and the reload after a reconnect).
CREATE INDEX IF NOT EXISTS idx_intraday_patterns_session ON intraday_patterns (session_id, detected_at);
CREATE INDEX IF NOT EXISTS idx_ohlcv_1min_session ON ohlcv_1min (session_id, symbol, ts);
