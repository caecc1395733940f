package io.tickstock.engine.jobs;

import io.tickstock.contract.BacktestRequest;
import io.tickstock.engine.backtest.Backtest;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims and runs one job on a pool thread of {@link BacktestWorker}: registered as running (so it can be cancelled
 * and its progress published), ended in {@code backtest_jobs} and on {@code backtest_result} whatever happens. Every
 * {@link Throwable} a job throws ends that job {@code failed} with the reason, an {@link OutOfMemoryError} among them
 * (its bars are dropped with it; the budget of {@link JobLimits} keeps a job's heap to a quarter of the worker's).
 */
final class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final String worker;
    private final JobStore store;
    private final ScorecardStore scorecards;
    private final HistoricalBars bars;
    private final long barsAllowed;
    private final JobChannel channel;
    private final Map<String, RunningJob> running;
    private final LongSupplier clock;

    JobRunner(
            String worker,
            JobStore store,
            ScorecardStore scorecards,
            HistoricalBars bars,
            long barsAllowed,
            JobChannel channel,
            Map<String, RunningJob> running,
            LongSupplier clock) {
        this.worker = worker;
        this.store = store;
        this.scorecards = scorecards;
        this.bars = bars;
        this.barsAllowed = barsAllowed;
        this.channel = channel;
        this.running = running;
        this.clock = clock;
    }

    static JobRunner get(@Nullable JobRunner runner) {
        return Objects.requireNonNull(runner, "the worker is not started");
    }

    /** A backtest job: claimed, run, its result stored and published without the charts' bars. */
    void backtest(BacktestRequest job) {
        RunningJob r = claim(job.jobId(), job.userId());
        if (r == null) return;
        Ending end = run(job.jobId(), () -> JobRun.run(job, bars, barsAllowed, r));
        Backtest.Result results = end.results instanceof Backtest.Result b ? b : null;
        end = store(job.jobId(), end, results == null ? null : results.summary(), results);
        channel.result(
                job.jobId(),
                job.userId(),
                end.status,
                end.error,
                end.results == null || results == null ? null : results.withoutCandles());
    }

    /** A scorecard job: claimed, run, recorded and published like a backtest. */
    void scorecard(ScorecardJob job, @Nullable String user) {
        RunningJob r = claim(job.id, user);
        if (r == null) return;
        Ending end = store(job.id, run(job.id, () -> job.run(bars, scorecards, barsAllowed, r)), null, null);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("job_id", job.id);
        if (user != null) data.put("user_id", user);
        data.put("status", end.status);
        if (end.error != null) data.put("error", end.error);
        data.put("results", end.results);
        channel.result(data);
    }

    /** A job refused before it ran (no room in the queue): its failed result. */
    void refusedAtIntake(String id, @Nullable String user, String reason) {
        LOG.warn("backtest job {} refused: {}", id, reason);
        channel.result(id, user, "failed", reason, null);
    }

    private @Nullable RunningJob claim(String id, @Nullable String user) {
        try {
            if (!store.claim(id, worker)) return null; // another worker has it, or it was cancelled
        } catch (SQLException e) {
            LOG.error("backtest job {} not claimed: {}", id, e.getMessage());
            return null;
        }
        RunningJob r = new RunningJob(user, clock.getAsLong());
        running.put(id, r);
        return r;
    }

    private interface Work {
        Object run() throws Exception;
    }

    private record Ending(
            String status, @Nullable String error, @Nullable Object results) {}

    /** Runs {@code work}; a job's {@link Error}, an {@link OutOfMemoryError} above all, ends that job only. */
    private Ending run(String id, Work work) {
        try {
            return new Ending("completed", null, work.run());
        } catch (CancellationException e) {
            return new Ending("cancelled", "cancelled", null);
        } catch (IllegalArgumentException e) {
            return new Ending("failed", e.getMessage(), null);
        } catch (OutOfMemoryError e) {
            LOG.error("backtest job {} ran out of memory", id);
            return new Ending("failed", "out of memory: fewer symbols or a shorter range (--backtest-max-bars)", null);
        } catch (Throwable e) {
            LOG.error("backtest job {} failed", id, e);
            return new Ending(
                    "failed", "internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        } finally {
            running.remove(id);
        }
    }

    /** Records the end; a result PostgreSQL refuses ends the job failed with the reason (never left running). */
    private Ending store(String id, Ending end, @Nullable Object summary, @Nullable Object results) {
        try {
            store.finish(id, end.status, end.error, summary, results != null ? results : end.results);
        } catch (SQLException e) {
            LOG.error("backtest job {} result not stored: {}", id, e.getMessage());
            end = new Ending("failed", "result not stored: " + e.getMessage(), null);
            try {
                store.finish(id, end.status, end.error, null, null);
            } catch (SQLException again) {
                LOG.error("backtest job {} not marked failed: {}", id, again.getMessage());
            }
        }
        LOG.info("backtest job {} {}{}", id, end.status, end.error == null ? "" : ": " + end.error);
        return end;
    }
}
