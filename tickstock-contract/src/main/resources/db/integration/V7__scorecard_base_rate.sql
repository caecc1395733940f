-- A pattern's record beside what any bar does: the symbol's unconditional hit rate over the same bars and horizon
-- (base_hit_rate: the share of all bars followed by a move the pattern's way), the difference (edge = hit_rate -
-- base_hit_rate), the 95 % Wilson interval of the hit rate, and the price adjustment the record was computed on
-- (raw | split | adjusted).
ALTER TABLE pattern_scorecard
    ADD COLUMN IF NOT EXISTS base_hit_rate DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS edge          DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS hit_rate_low  DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS hit_rate_high DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS adjustment    VARCHAR(10);
