-- Tables the dashboard app owns (CONTRACT.md): its users and the indicator alerts it received
-- (seeds/000 app_indicator_alerts). The engine's tables are read, never written, by the app.

CREATE TABLE IF NOT EXISTS users (
    username      VARCHAR(64) PRIMARY KEY,
    password_hash VARCHAR(100) NOT NULL,          -- bcrypt, cost 12
    role          VARCHAR(20) NOT NULL DEFAULT 'user',  -- admin | user
    created_at    TIMESTAMPTZ DEFAULT NOW(),
    updated_at    TIMESTAMPTZ DEFAULT NOW()
);

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
