-- Each pattern's record per symbol (issue 18's scorecard): what followed its detections over the stored or recorded
-- history, 1, 5, 10 and 20 bars later. Written by 'tickstock backtest --scorecard', read by the app beside each live
-- detection.
CREATE TABLE IF NOT EXISTS pattern_scorecard (
    timeframe    VARCHAR(10) NOT NULL,            -- daily | 1min
    symbol       VARCHAR(10) NOT NULL,
    pattern      VARCHAR(50) NOT NULL,            -- pattern_type
    direction    VARCHAR(10) NOT NULL,
    horizon_bars INTEGER NOT NULL,
    count        INTEGER NOT NULL,
    mean_return  DOUBLE PRECISION,
    hit_rate     DOUBLE PRECISION,
    first_bar    TIMESTAMPTZ,
    last_bar     TIMESTAMPTZ,
    computed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (timeframe, symbol, pattern, direction, horizon_bars)
);
