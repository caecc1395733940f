package io.tickstock.engine.jobs;

import io.lettuce.core.api.StatefulRedisConnection;
import io.tickstock.contract.Channels;
import io.tickstock.engine.backtest.Backtest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a {@link BacktestWorker} publishes: {@code backtest_progress} on {@link Channels#BACKTEST_PROGRESS} and
 * {@code backtest_result} on {@link Channels#BACKTEST_RESULTS}, without waiting (a failed publication is logged). A
 * result longer than {@link JobLimits#maxResultChars} goes out as its summary and {@code results_url} (the app's
 * {@code GET /streaming/api/backtests/<job_id>}), the whole result staying in {@code backtest_jobs}. Thread-safe.
 */
final class JobChannel {
    private static final Logger LOG = LoggerFactory.getLogger(JobChannel.class);

    private final StatefulRedisConnection<String, String> redis;
    private final int maxResultChars;
    private final LongSupplier clock;

    /** @param clock wall clock, epoch ms */
    JobChannel(StatefulRedisConnection<String, String> redis, int maxResultChars, LongSupplier clock) {
        this.redis = redis;
        this.maxResultChars = maxResultChars;
        this.clock = clock;
    }

    /** A job's end; {@code results} without the charts' bars, null unless it completed. */
    void result(
            String id,
            @Nullable String user,
            String status,
            @Nullable String error,
            Backtest.@Nullable Result results) {
        long now = clock.getAsLong();
        String whole = JobEvents.result(id, user, status, error, results, now);
        if (results != null && whole.length() > maxResultChars) {
            Map<String, Object> brief = new LinkedHashMap<>();
            brief.put("summary", results.summary());
            brief.put("results_url", "/streaming/api/backtests/" + id);
            whole = JobEvents.result(id, user, status, error, brief, now);
        }
        publish(Channels.BACKTEST_RESULTS, whole);
    }

    /** The end of a scorecard job: its {@code data} as a {@code backtest_result}. */
    void result(Map<String, Object> data) {
        publish(Channels.BACKTEST_RESULTS, JobEvents.event("backtest_result", data, clock.getAsLong()));
    }

    /** A running job's progress (0..1), the symbol being read, and its start (epoch ms). */
    void progress(String id, @Nullable String user, double progress, @Nullable String symbol, long startedMillis) {
        publish(
                Channels.BACKTEST_PROGRESS,
                JobEvents.progress(id, user, progress, symbol, startedMillis, clock.getAsLong()));
    }

    private void publish(String channel, String message) {
        try {
            redis.async().publish(channel, message).whenComplete((n, e) -> {
                if (e != null) LOG.warn("{} not published: {}", channel, e.getMessage());
            });
        } catch (RuntimeException e) {
            LOG.warn("{} not published: {}", channel, e.getMessage());
        }
    }
}
