-- Indicator alerts (seeds/000 app_indicator_alerts), shared since the engine stores every alert it publishes:
-- a consumer that was away (app down, Redis subscription lost) reloads the missed ones from here. The app
-- also stores what it receives (alerts of other producers); both writes are idempotent per (session, symbol,
-- type, bar). Same definition as the app's own V1, which creates it when the app migrates first.
CREATE TABLE IF NOT EXISTS app_indicator_alerts (
    id          BIGSERIAL PRIMARY KEY,
    session_id  UUID,
    alert_type  VARCHAR(50) NOT NULL,
    symbol      VARCHAR(10) NOT NULL,
    alert_time  TIMESTAMPTZ NOT NULL,              -- bar start of the crossing bar
    alert_data  JSONB,
    severity    VARCHAR(20),
    created_at  TIMESTAMPTZ DEFAULT NOW(),
    UNIQUE (session_id, symbol, alert_type, alert_time)
);
CREATE INDEX IF NOT EXISTS idx_app_indicator_alerts_symbol ON app_indicator_alerts (symbol);
CREATE INDEX IF NOT EXISTS idx_app_indicator_alerts_type ON app_indicator_alerts (alert_type);
CREATE INDEX IF NOT EXISTS idx_app_indicator_alerts_time ON app_indicator_alerts (alert_time DESC);
