package io.tickstock.engine.jobs;

import io.tickstock.contract.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The {@code backtest_jobs} table (contract migration {@code db/integration/V5}): jobs recorded once, claimed by one
 * worker ({@code queued → running}, atomic), their progress and their end. Thread-safe.
 */
public final class JobStore {
    private final DataSource dataSource;

    public JobStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a job as {@code queued} unless it is known already; @return true when it was new */
    public boolean queue(String jobId, @Nullable String userId, String configJson) throws SQLException {
        return update(
                        "INSERT INTO backtest_jobs (job_id, user_id, status, config) VALUES (?, ?, 'queued', ?::jsonb) "
                                + "ON CONFLICT (job_id) DO NOTHING",
                        UUID.fromString(jobId),
                        userId,
                        configJson)
                == 1;
    }

    /** Claims a queued job for {@code worker}; @return false when another worker (or a cancel) took it first */
    public boolean claim(String jobId, String worker) throws SQLException {
        return update(
                        "UPDATE backtest_jobs SET status = 'running', worker = ?, started_at = now() "
                                + "WHERE job_id = ? AND status = 'queued'",
                        worker,
                        UUID.fromString(jobId))
                == 1;
    }

    public void progress(String jobId, double progress, @Nullable String symbol) throws SQLException {
        update(
                "UPDATE backtest_jobs SET progress = ?, current_symbol = ? WHERE job_id = ? AND status = 'running'",
                Math.max(0, Math.min(1, progress)),
                symbol,
                UUID.fromString(jobId));
    }

    /** Ends a job: {@code completed} with its results, or {@code failed}/{@code cancelled} with the reason. */
    public void finish(
            String jobId, String status, @Nullable String error, @Nullable Object summary, @Nullable Object results)
            throws SQLException {
        update(
                "UPDATE backtest_jobs SET status = ?, error = ?, summary = ?::jsonb, results = ?::jsonb, finished_at = now(), "
                        + "progress = CASE WHEN ? = 'completed' THEN 1 ELSE progress END WHERE job_id = ?",
                status,
                error,
                summary == null ? null : Json.write(summary),
                results == null ? null : Json.write(results),
                status,
                UUID.fromString(jobId));
    }

    /**
     * Whether job {@code jobId} has room: at most {@code maxPending} jobs, and {@code maxByUser} of {@code user}'s, queued
     * or running that were recorded before it.
     *
     * @return null when it has, else the reason ("queue full: …")
     */
    public @Nullable String roomFor(String jobId, @Nullable String user, int maxPending, int maxByUser)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*), count(*) FILTER (WHERE user_id IS NOT DISTINCT FROM ?) FROM backtest_jobs "
                                + "WHERE status IN ('queued', 'running') AND job_id <> ? AND created_at < "
                                + "(SELECT created_at FROM backtest_jobs WHERE job_id = ?)")) {
            UUID id = UUID.fromString(jobId);
            ps.setString(1, user);
            ps.setObject(2, id);
            ps.setObject(3, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) >= maxPending)
                    return "queue full: " + rs.getLong(1) + " jobs are queued or running (at most " + maxPending + ")";
                if (user != null && rs.getLong(2) >= maxByUser)
                    return "queue full: " + user + " has " + rs.getLong(2) + " jobs queued or running (at most "
                            + maxByUser + " per user)";
                return null;
            }
        }
    }

    /** Cancels a job that no worker has claimed yet; @return true when it was queued */
    public boolean cancelQueued(String jobId) throws SQLException {
        return update(
                        "UPDATE backtest_jobs SET status = 'cancelled', error = 'cancelled before it started', "
                                + "finished_at = now() WHERE job_id = ? AND status = 'queued'",
                        UUID.fromString(jobId))
                == 1;
    }

    /** The configs of queued jobs, oldest first (those published while no worker listened). */
    public List<String> queued() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT config::text FROM backtest_jobs WHERE status = 'queued' ORDER BY created_at LIMIT 100");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    /** Jobs a dead worker left {@code running} are queued again (at worker start, before its own claims). */
    public int requeueOrphans(String worker) throws SQLException {
        return update(
                "UPDATE backtest_jobs SET status = 'queued', progress = 0 WHERE status = 'running' AND worker = ?",
                worker);
    }

    private int update(String sql, @Nullable Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            return ps.executeUpdate();
        }
    }
}
