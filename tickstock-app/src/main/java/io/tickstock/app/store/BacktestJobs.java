package io.tickstock.app.store;

import io.tickstock.contract.BacktestRequest;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The app's side of the {@code backtest_jobs} table (contract migration {@code db/integration/V5}): a job the app
 * submits is recorded {@code queued} before it is published, so a worker that starts later still runs it; listings
 * and one job's results for the REST API. Thread-safe.
 */
public final class BacktestJobs {
    private final DataSource dataSource;

    public BacktestJobs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records {@code job} ({@code message}: its {@code backtest_job} JSON) as queued. */
    public void queue(BacktestRequest job, String message) throws SQLException {
        try (var c = dataSource.getConnection();
                var ps = c.prepareStatement("INSERT INTO backtest_jobs (job_id, user_id, status, config) "
                        + "VALUES (?, ?, 'queued', ?::jsonb) ON CONFLICT (job_id) DO NOTHING")) {
            ps.setObject(1, UUID.fromString(job.jobId()));
            ps.setString(2, job.userId());
            ps.setString(3, message);
            ps.executeUpdate();
        }
    }

    /** Marks a job no worker has claimed as cancelled; @return true when it was queued */
    public boolean cancelQueued(UUID job) throws SQLException {
        try (var c = dataSource.getConnection();
                var ps = c.prepareStatement(
                        "UPDATE backtest_jobs SET status = 'cancelled', error = 'cancelled before it "
                                + "started', finished_at = now() WHERE job_id = ? AND status = 'queued'")) {
            ps.setObject(1, job);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * The newest {@code limit} jobs without their results: id, user, status, progress, the request's essentials, summary;
     * of {@code user} only, or everyone's when null.
     */
    public History.Rows list(int limit, @Nullable String user) throws SQLException {
        String sql = "SELECT job_id, user_id, status, progress, current_symbol, error, config->'symbols' AS symbols, "
                + "config->>'timeframe' AS timeframe, config->>'start_date' AS start_date, config->>'end_date' AS end_date, "
                + "config->'patterns' AS patterns, summary, created_at, started_at, finished_at FROM backtest_jobs "
                + (user == null ? "" : "WHERE user_id = ? ") + "ORDER BY created_at DESC LIMIT ?";
        return user == null ? Queries.table(dataSource, sql, limit) : Queries.table(dataSource, sql, user, limit);
    }

    /** One job with its request and results, or null when unknown. */
    public @Nullable Map<String, Object> get(UUID job) throws SQLException {
        List<Map<String, Object>> rows = Queries.table(
                        dataSource,
                        "SELECT job_id, user_id, status, progress, current_symbol, error, config, summary, results, "
                                + "created_at, started_at, finished_at FROM backtest_jobs WHERE job_id = ?",
                        job)
                .rows();
        return rows.isEmpty() ? null : rows.getFirst();
    }
}
