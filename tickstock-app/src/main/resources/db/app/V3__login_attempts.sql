-- Login attempts counted in PostgreSQL, not in one app's memory: every app instance behind a load balancer
-- enforces the same limits. One row per counted key ('address:<ip>' or 'user:<name>', names at most 64
-- characters) with its attempts in a fixed window that ends at expires_at_ms (epoch ms, the app's clock);
-- expired rows are pruned by the app every minute.
CREATE TABLE IF NOT EXISTS login_attempts (
    attempt_key    VARCHAR(80) PRIMARY KEY,
    attempts       INTEGER NOT NULL,
    expires_at_ms  BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_login_attempts_expires ON login_attempts (expires_at_ms);
