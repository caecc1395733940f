-- Backtest jobs (issue 18): written by whoever sees a job first (the app's REST API or a worker reading the job
-- channel), claimed by one worker (status queued -> running), kept with their results so a restarted app or engine
-- shows them and a job queued while no worker ran starts when one does.
CREATE TABLE IF NOT EXISTS backtest_jobs (
    job_id         UUID PRIMARY KEY,
    user_id        VARCHAR(100),
    status         VARCHAR(20) NOT NULL,        -- queued | running | completed | failed | cancelled
    config         JSONB NOT NULL,              -- the backtest_job message
    progress       NUMERIC(5,4) NOT NULL DEFAULT 0,
    current_symbol VARCHAR(10),
    error          TEXT,
    summary        JSONB,                       -- results.summary, for listing
    results        JSONB,                       -- the whole results object
    worker         VARCHAR(100),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS idx_backtest_jobs_status ON backtest_jobs (status, created_at);
CREATE INDEX IF NOT EXISTS idx_backtest_jobs_created ON backtest_jobs (created_at DESC);
