package io.tickstock.engine.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tickstock.contract.BacktestRequest;
import io.tickstock.contract.Channels;
import io.tickstock.contract.Json;
import io.tickstock.contract.LogText;
import io.tickstock.engine.adjustment.AdjustedBars;
import io.tickstock.engine.backtest.Backtest;
import io.tickstock.engine.backtest.PatternFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs backtest jobs (the job protocol of docs/backtesting.md): listens on {@link Channels#JOBS_BACKTEST} and {@link Channels#JOBS_CANCEL},
 * records each job in {@code backtest_jobs}, claims it (one worker per job), runs it on a bounded pool, publishes
 * {@code backtest_progress} every second while it runs and one {@code backtest_result} at its end (completed, failed
 * with the reason, or cancelled within a second; the results without the charts' bars, which only the stored result
 * in {@code backtest_jobs} keeps). Jobs queued while no worker listened are picked from the table at
 * start and every 5 s. A bad job fails alone; nothing a job does stops the worker. Thread-safe.
 */
public final class BacktestWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BacktestWorker.class);

    private final String redisUrl, name;
    private final JobStore store;
    private final ScorecardStore scorecards;
    private final HistoricalBars bars;
    private final LongSupplier clock;
    private final ExecutorService pool;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r ->
            Thread.ofPlatform().name("tickstock-backtest-progress").daemon().unstarted(r));
    private final Map<String, RunningJob> running = new ConcurrentHashMap<>();
    /** Job messages refused before any job could be recorded (not JSON, or without a UUID job_id); logged with it. */
    private final java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();

    private final List<java.util.concurrent.ScheduledFuture<?>> tasks =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Jobs handed to the pool and not yet finished or refused (a queued row is not submitted twice). */
    private final java.util.Set<String> submitted = ConcurrentHashMap.newKeySet();

    private @Nullable RedisClient client;
    private @Nullable StatefulRedisConnection<String, String> publisher;
    private @Nullable StatefulRedisPubSubConnection<String, String> subscriber;

    /**
     * @param name    this worker's name in {@code backtest_jobs.worker} (jobs it left running are queued again at start)
     * @param threads jobs run at once
     * @param clock   wall clock, epoch ms
     */
    public BacktestWorker(
            String redisUrl,
            String name,
            int threads,
            JobStore store,
            ScorecardStore scorecards,
            HistoricalBars bars,
            LongSupplier clock) {
        this.redisUrl = redisUrl;
        this.name = name;
        this.store = store;
        this.scorecards = scorecards;
        this.bars = bars;
        this.clock = clock;
        this.pool = Executors.newFixedThreadPool(
                threads,
                r -> Thread.ofPlatform().name("tickstock-backtest").daemon().unstarted(r));
    }

    /** Subscribes, re-queues this worker's orphans and starts the queued jobs. */
    @io.tickstock.contract.Initializer
    public BacktestWorker start() throws java.sql.SQLException {
        int orphans = store.requeueOrphans(name);
        if (orphans > 0) LOG.info("{} backtest jobs left running by an earlier run of {} queued again", orphans, name);
        RedisClient c = RedisClient.create(redisUrl);
        client = c;
        publisher = c.connect();
        StatefulRedisPubSubConnection<String, String> sub = c.connectPubSub();
        subscriber = sub;
        sub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                if (channel.equals(Channels.JOBS_CANCEL)) cancel(message);
                else received(message);
            }
        });
        sub.sync().subscribe(Channels.JOBS_BACKTEST, Channels.JOBS_CANCEL);
        tasks.add(ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS));
        tasks.add(ticker.scheduleWithFixedDelay(this::pickQueued, 0, 5, TimeUnit.SECONDS));
        return this;
    }

    /** A job message: recorded, then claimed and run; a job that cannot be read fails with the reason. */
    void received(String message) {
        JsonNode m;
        try {
            m = Json.read(message);
        } catch (IllegalArgumentException e) {
            LOG.warn(
                    "unreadable backtest job ({} refused so far): {}",
                    refused.incrementAndGet(),
                    LogText.quote(message));
            return;
        }
        String id = m.path("job_id").asText("");
        if (m.path("type").asText().equals("scorecard_job")) {
            scorecard(id, m);
            return;
        }
        try {
            BacktestRequest job = BacktestRequest.parse(m);
            store.queue(job.jobId(), job.userId(), message);
            if (submitted.add(job.jobId()))
                pool.execute(() -> {
                    try {
                        run(job);
                    } finally {
                        submitted.remove(job.jobId());
                    }
                });
        } catch (IllegalArgumentException e) {
            failUnread(id, m, e.getMessage());
        } catch (java.sql.SQLException e) {
            LOG.error("backtest job {} not recorded: {}", id, e.getMessage());
        }
    }

    /** A {@code scorecard_job}: run on the pool by {@link ScorecardJob}, its result published. */
    private void scorecard(String id, JsonNode m) {
        pool.execute(new ScorecardJob(
                id, m, bars, scorecards, data -> publish(Channels.BACKTEST_RESULTS, event("backtest_result", data))));
    }

    private void failUnread(String id, JsonNode m, @Nullable String reason) {
        try {
            java.util.UUID.fromString(id);
        } catch (IllegalArgumentException notAJob) {
            LOG.warn("backtest job without a UUID job_id refused ({} so far): {}", refused.incrementAndGet(), reason);
            return;
        }
        try {
            store.queue(id, m.path("user_id").asText(null), m.toString());
            if (!store.claim(id, name)) return;
            store.finish(id, "failed", reason, null, null);
        } catch (java.sql.SQLException e) {
            LOG.error("backtest job {} not recorded: {}", id, e.getMessage());
        }
        publish(Channels.BACKTEST_RESULTS, result(id, "failed", reason, null));
    }

    private void cancel(String message) {
        try {
            String id = Json.read(message).path("job_id").asText("");
            RunningJob r = running.get(id);
            if (r != null) r.cancelled.set(true);
            else if (!id.isEmpty() && store.cancelQueued(id))
                publish(Channels.BACKTEST_RESULTS, result(id, "cancelled", "cancelled before it started", null));
        } catch (RuntimeException | java.sql.SQLException e) {
            LOG.warn("cancel not applied: {}", e.getMessage());
        }
    }

    private void pickQueued() {
        try {
            for (String config : store.queued()) received(config);
        } catch (java.sql.SQLException | RuntimeException e) {
            LOG.warn("queued backtest jobs not read: {}", e.getMessage());
        }
    }

    /** Claims and runs one job (pool thread). */
    private void run(BacktestRequest job) {
        try {
            if (!store.claim(job.jobId(), name)) return; // another worker has it, or it was cancelled
        } catch (java.sql.SQLException e) {
            LOG.error("backtest job {} not claimed: {}", job.jobId(), e.getMessage());
            return;
        }
        RunningJob r = new RunningJob(clock.getAsLong());
        running.put(job.jobId(), r);
        String status = "completed";
        String error = null;
        Backtest.Result results = null;
        try {
            Map<String, AdjustedBars> input = new LinkedHashMap<>();
            for (int i = 0; i < job.symbols().size(); i++) {
                String sym = job.symbols().get(i);
                r.symbol = sym;
                r.progress = 0.2 * i / job.symbols().size();
                if (r.cancelled.get()) throw new CancellationException("cancelled");
                input.put(sym, bars.read(sym, job));
            }
            results = Backtest.run(
                    input,
                    PatternFilter.of(job.patterns()),
                    job.parameters(),
                    f -> r.progress = 0.2 + 0.8 * f,
                    r.cancelled::get);
        } catch (CancellationException e) {
            status = "cancelled";
            error = "cancelled";
        } catch (IllegalArgumentException e) {
            status = "failed";
            error = e.getMessage();
        } catch (Exception e) {
            status = "failed";
            error = "internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.error("backtest job {} failed", job.jobId(), e);
        } finally {
            running.remove(job.jobId());
        }
        try {
            store.finish(job.jobId(), status, error, results == null ? null : results.summary(), results);
        } catch (java.sql.SQLException e) {
            // never left "running": a result PostgreSQL refuses ends the job failed, with the reason
            LOG.error("backtest job {} result not stored: {}", job.jobId(), e.getMessage());
            status = "failed";
            error = "result not stored: " + e.getMessage();
            results = null;
            try {
                store.finish(job.jobId(), status, error, null, null);
            } catch (java.sql.SQLException again) {
                LOG.error("backtest job {} not marked failed: {}", job.jobId(), again.getMessage());
            }
        }
        publish(
                Channels.BACKTEST_RESULTS,
                result(job.jobId(), status, error, results == null ? null : results.withoutCandles()));
        LOG.info("backtest job {} {}{}", job.jobId(), status, error == null ? "" : ": " + error);
    }

    /** Every second: a progress event per running job (and its row). */
    private void tick() {
        long now = clock.getAsLong();
        running.forEach((id, r) -> {
            double p = r.progress;
            publish(Channels.BACKTEST_PROGRESS, JobEvents.progress(id, p, r.symbol, r.startedMillis, now));
            try {
                store.progress(id, p, r.symbol);
            } catch (java.sql.SQLException e) {
                LOG.debug("progress of {} not stored: {}", id, e.getMessage());
            }
        });
    }

    private String result(String id, String status, @Nullable String error, Backtest.@Nullable Result results) {
        return JobEvents.result(id, status, error, results, clock.getAsLong());
    }

    private String event(String type, Map<String, Object> data) {
        return JobEvents.event(type, data, clock.getAsLong());
    }

    private void publish(String channel, String message) {
        StatefulRedisConnection<String, String> p = publisher;
        if (p == null) return;
        try {
            p.async().publish(channel, message).whenComplete((n, e) -> {
                if (e != null) LOG.warn("{} not published: {}", channel, e.getMessage());
            });
        } catch (RuntimeException e) {
            LOG.warn("{} not published: {}", channel, e.getMessage());
        }
    }

    /** Job messages refused before a job could be recorded (each logged). */
    public long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        running.values().forEach(r -> r.cancelled.set(true));
        tasks.forEach(t -> t.cancel(false));
        ticker.shutdownNow();
        pool.shutdownNow();
        if (subscriber != null) subscriber.close();
        if (publisher != null) publisher.close();
        if (client != null) client.shutdown();
    }
}
