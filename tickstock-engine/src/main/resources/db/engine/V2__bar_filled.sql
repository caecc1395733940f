-- Fill-forward bars (minutes without trades, published only with --fill-forward) are flagged.
ALTER TABLE ohlcv_1min ADD COLUMN IF NOT EXISTS filled BOOLEAN NOT NULL DEFAULT FALSE;
