-- TickStock engine tables (CONTRACT.md, seeds/002). Column names as in the seed; numeric types widened
-- where the seed's would lose data (sub-cent prices, 4-digit confidences, indicator values), plus unique
-- keys so that every write is idempotent (INSERT ... ON CONFLICT DO NOTHING).

CREATE TABLE IF NOT EXISTS streaming_sessions (
    session_id       UUID PRIMARY KEY,
    universe         VARCHAR(100) NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    stopped_at       TIMESTAMPTZ,
    symbol_count     INTEGER NOT NULL,
    total_patterns   INTEGER DEFAULT 0,
    total_indicators INTEGER DEFAULT 0,
    final_status     VARCHAR(20),
    trigger_type     VARCHAR(20),
    created_at       TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS ohlcv_1min (
    symbol       VARCHAR(10) NOT NULL,
    ts           TIMESTAMPTZ NOT NULL,           -- bar start (minute boundary)
    open         NUMERIC(14,4) NOT NULL,
    high         NUMERIC(14,4) NOT NULL,
    low          NUMERIC(14,4) NOT NULL,
    close        NUMERIC(14,4) NOT NULL,
    volume       BIGINT NOT NULL,
    trade_count  INTEGER NOT NULL,
    vwap         NUMERIC(14,6),
    market_session VARCHAR(10) NOT NULL,         -- pre | regular | post
    session_id   UUID,
    created_at   TIMESTAMPTZ DEFAULT NOW(),
    PRIMARY KEY (symbol, ts)
);
CREATE INDEX IF NOT EXISTS idx_ohlcv_1min_ts ON ohlcv_1min (ts DESC);

CREATE TABLE IF NOT EXISTS intraday_patterns (
    id           BIGSERIAL PRIMARY KEY,
    session_id   UUID REFERENCES streaming_sessions(session_id),
    symbol       VARCHAR(10) NOT NULL,
    pattern_type VARCHAR(50) NOT NULL,
    confidence   NUMERIC(5,4) NOT NULL,
    detected_at  TIMESTAMPTZ NOT NULL,           -- bar start of the completing bar
    timeframe    VARCHAR(10) DEFAULT '1min',
    bar_open     NUMERIC(14,4),
    bar_high     NUMERIC(14,4),
    bar_low      NUMERIC(14,4),
    bar_close    NUMERIC(14,4),
    bar_volume   BIGINT,
    metadata     JSONB,
    created_at   TIMESTAMPTZ DEFAULT NOW(),
    UNIQUE (session_id, symbol, pattern_type, detected_at)
);
CREATE INDEX IF NOT EXISTS idx_intraday_patterns_symbol ON intraday_patterns (symbol);
CREATE INDEX IF NOT EXISTS idx_intraday_patterns_detected_at ON intraday_patterns (detected_at DESC);

CREATE TABLE IF NOT EXISTS intraday_indicators (
    id            BIGSERIAL PRIMARY KEY,
    session_id    UUID REFERENCES streaming_sessions(session_id),
    symbol        VARCHAR(10) NOT NULL,
    indicator     VARCHAR(50) NOT NULL,          -- TA-Lib name: RSI, SMA, EMA, MACD, BBANDS
    series        VARCHAR(50) NOT NULL,          -- indicator + parameters, e.g. SMA_20
    value         DOUBLE PRECISION NOT NULL,     -- primary output
    calculated_at TIMESTAMPTZ NOT NULL,          -- bar start
    timeframe     VARCHAR(10) DEFAULT '1min',
    metadata      JSONB,                         -- parameters and every output under "values"
    created_at    TIMESTAMPTZ DEFAULT NOW(),
    UNIQUE (session_id, symbol, series, calculated_at)
);
CREATE INDEX IF NOT EXISTS idx_intraday_indicators_symbol ON intraday_indicators (symbol);
CREATE INDEX IF NOT EXISTS idx_intraday_indicators_calculated_at ON intraday_indicators (calculated_at DESC);

CREATE TABLE IF NOT EXISTS streaming_health_metrics (
    id                BIGSERIAL PRIMARY KEY,
    session_id        UUID REFERENCES streaming_sessions(session_id),
    status            VARCHAR(20) NOT NULL,
    active_symbols    INTEGER,
    ticks_per_second  NUMERIC(12,2),
    bars_per_minute   INTEGER,
    processing_lag_ms INTEGER,
    cpu_percent       NUMERIC(6,2),
    memory_mb         INTEGER,
    threads_active    INTEGER,
    issues            JSONB,
    measured_at       TIMESTAMPTZ NOT NULL,
    created_at        TIMESTAMPTZ DEFAULT NOW(),
    UNIQUE (session_id, measured_at)
);
CREATE INDEX IF NOT EXISTS idx_streaming_health_measured_at ON streaming_health_metrics (measured_at DESC);
