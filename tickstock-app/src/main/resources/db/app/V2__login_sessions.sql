-- Login sessions in PostgreSQL (not in an app's memory): they survive app restarts, work on every app instance
-- behind a load balancer, and end when their user's password changes or the user is removed. The cookie's
-- token itself is never stored: only its SHA-256.
CREATE TABLE IF NOT EXISTS login_sessions (
    token_hash  CHAR(64) PRIMARY KEY,                 -- hex SHA-256 of the 256-bit cookie token
    username    VARCHAR(64) NOT NULL REFERENCES users(username) ON DELETE CASCADE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    expires_at  TIMESTAMPTZ NOT NULL,
    last_seen   TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE INDEX IF NOT EXISTS idx_login_sessions_username ON login_sessions (username);
CREATE INDEX IF NOT EXISTS idx_login_sessions_expires_at ON login_sessions (expires_at);
