-- A session's indicator alerts: the app's session history and its reload after a reconnect.
CREATE INDEX IF NOT EXISTS idx_app_indicator_alerts_session ON app_indicator_alerts (session_id, alert_time);
