-- seeds/004's verification query runs as written:
--   SELECT timestamp, checkpoint, symbol, pattern_name FROM integration_events
--   WHERE source_system='TickStockPL' ORDER BY timestamp DESC LIMIT 10;
-- "timestamp" and source_system are the seed's names for event_at and source, kept in step by PostgreSQL.
ALTER TABLE integration_events
    ADD COLUMN IF NOT EXISTS "timestamp" TIMESTAMPTZ GENERATED ALWAYS AS (event_at) STORED,
    ADD COLUMN IF NOT EXISTS source_system VARCHAR(50) GENERATED ALWAYS AS (source) STORED;
