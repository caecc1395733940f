package io.tickstock.engine.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tickstock.contract.BacktestRequest;
import io.tickstock.contract.Channels;
import io.tickstock.contract.Initializer;
import io.tickstock.contract.Json;
import io.tickstock.contract.LogText;
import io.tickstock.contract.RedisUrl;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs backtest jobs (the job protocol of docs/backtesting.md): listens on {@link Channels#JOBS_BACKTEST} and
 * {@link Channels#JOBS_CANCEL}; the listener thread only hands each message to one intake thread (a bounded queue of
 * 1,000; beyond it a message is refused and counted), which reads it, records the job in {@code backtest_jobs}, checks
 * the queue's limits ({@link JobLimits}) and hands it to a pool of {@code threads}. {@link JobRunner} claims and runs
 * it. A job that cannot be read fails with the reason, echoing the {@code job_id} it was sent. Jobs queued while no
 * worker listened are picked from the table at start and every 5 s. Thread-safe.
 */
public final class BacktestWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BacktestWorker.class);
    /** Longest {@code job_id} echoed in a failed result, in characters. */
    private static final int MAX_ECHOED_ID = 100;

    private final String redisUrl, name;
    private final JobStore store;
    private final ScorecardStore scorecards;
    private final HistoricalBars bars;
    private final JobLimits limits;
    private final LongSupplier clock;
    private final int threads;
    private final ExecutorService pool;
    private final ThreadPoolExecutor intake = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1_000),
            r -> Thread.ofPlatform().name("tickstock-backtest-intake").daemon().unstarted(r));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r ->
            Thread.ofPlatform().name("tickstock-backtest-progress").daemon().unstarted(r));
    private final Map<String, RunningJob> running = new ConcurrentHashMap<>();
    /** Job messages refused before a job could be recorded (not JSON, without a UUID job_id, or no room); logged. */
    private final AtomicLong refused = new AtomicLong();

    private final List<ScheduledFuture<?>> tasks = new CopyOnWriteArrayList<>();
    /** Jobs handed to the pool and not yet finished or refused (a queued row is not submitted twice). */
    private final Set<String> submitted = ConcurrentHashMap.newKeySet();

    private @Nullable RedisClient client;
    private @Nullable JobChannel channel;
    private @Nullable JobRunner runner;
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
            JobLimits limits,
            LongSupplier clock) {
        this.redisUrl = redisUrl;
        this.name = name;
        this.threads = threads;
        this.store = store;
        this.scorecards = scorecards;
        this.bars = bars;
        this.limits = limits;
        this.clock = clock;
        this.pool = Executors.newFixedThreadPool(
                threads,
                r -> Thread.ofPlatform().name("tickstock-backtest").daemon().unstarted(r));
    }

    /** Subscribes, re-queues this worker's orphans and starts the queued jobs. */
    @Initializer
    public BacktestWorker start() throws SQLException {
        int orphans = store.requeueOrphans(name);
        if (orphans > 0) LOG.info("{} backtest jobs left running by an earlier run of {} queued again", orphans, name);
        RedisClient c = RedisClient.create(RedisUrl.uri(redisUrl));
        client = c;
        StatefulRedisConnection<String, String> p = c.connect();
        publisher = p;
        JobChannel out = new JobChannel(p, limits.maxResultChars(), clock);
        channel = out;
        runner = new JobRunner(
                name,
                store,
                scorecards,
                bars,
                limits.barsAllowed(Runtime.getRuntime().maxMemory(), threads),
                out,
                running,
                clock);
        StatefulRedisPubSubConnection<String, String> sub = c.connectPubSub();
        subscriber = sub;
        sub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                if (channel.equals(Channels.JOBS_CANCEL)) handOver(() -> cancel(message));
                else handOver(() -> received(message));
            }
        });
        sub.sync().subscribe(Channels.JOBS_BACKTEST, Channels.JOBS_CANCEL);
        tasks.add(ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS));
        tasks.add(ticker.scheduleWithFixedDelay(this::pickQueued, 0, 5, TimeUnit.SECONDS));
        return this;
    }

    private void handOver(Runnable work) {
        try {
            intake.execute(work);
        } catch (RejectedExecutionException full) {
            LOG.warn(
                    "backtest intake full (1,000 waiting): a job message refused ({} so far)",
                    refused.incrementAndGet());
        }
    }

    /** A job message (intake thread): recorded, checked against the queue's limits, then handed to the pool. */
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
        boolean scorecard = m.path("type").asText().equals("scorecard_job");
        try {
            String user = m.path("user_id").isTextual() ? m.path("user_id").asText() : null;
            Runnable work;
            if (scorecard) {
                UUID.fromString(id);
                ScorecardJob job = new ScorecardJob(id, m);
                work = () -> JobRunner.get(runner).scorecard(job, user);
            } else {
                BacktestRequest job = BacktestRequest.parse(m);
                work = () -> JobRunner.get(runner).backtest(job);
            }
            store.queue(id, user, message);
            String full = store.roomFor(id, user, limits.maxPending(), limits.maxPendingByUser());
            if (full != null) {
                if (store.claim(id, name)) store.finish(id, "failed", full, null, null);
                JobRunner.get(runner).refusedAtIntake(id, user, full);
                return;
            }
            if (submitted.add(id))
                pool.execute(() -> {
                    try {
                        work.run();
                    } finally {
                        submitted.remove(id);
                    }
                });
        } catch (IllegalArgumentException e) {
            failUnread(id, m, e.getMessage());
        } catch (SQLException e) {
            LOG.error("backtest job {} not recorded: {}", LogText.quote(id), e.getMessage());
        }
    }

    private void failUnread(String id, JsonNode m, @Nullable String reason) {
        JobChannel out = channel;
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException notAJob) {
            LOG.warn("backtest job without a UUID job_id refused ({} so far): {}", refused.incrementAndGet(), reason);
            String echoed = id.length() > MAX_ECHOED_ID ? id.substring(0, MAX_ECHOED_ID) : id;
            if (out != null) out.result(echoed, null, "failed", reason, null);
            return;
        }
        String user = m.path("user_id").isTextual() ? m.path("user_id").asText() : null;
        try {
            store.queue(id, user, m.toString());
            if (!store.claim(id, name)) return;
            store.finish(id, "failed", reason, null, null);
        } catch (SQLException e) {
            LOG.error("backtest job {} not recorded: {}", id, e.getMessage());
        }
        if (out != null) out.result(id, user, "failed", reason, null);
    }

    private void cancel(String message) {
        try {
            String id = Json.read(message).path("job_id").asText("");
            RunningJob r = running.get(id);
            if (r != null) r.cancelled.set(true);
            else if (!id.isEmpty() && store.cancelQueued(id) && channel != null)
                channel.result(id, null, "cancelled", "cancelled before it started", null);
        } catch (RuntimeException | SQLException e) {
            LOG.warn("cancel not applied: {}", e.getMessage());
        }
    }

    private void pickQueued() {
        try {
            for (String config : store.queued()) handOver(() -> received(config));
        } catch (SQLException | RuntimeException e) {
            LOG.warn("queued backtest jobs not read: {}", e.getMessage());
        }
    }

    /** Every second: a progress event per running job (and its row). */
    private void tick() {
        JobChannel out = channel;
        running.forEach((id, r) -> {
            double p = r.progress;
            if (out != null) out.progress(id, r.user, p, r.symbol, r.startedMillis);
            try {
                store.progress(id, p, r.symbol);
            } catch (SQLException e) {
                LOG.debug("progress of {} not stored: {}", id, e.getMessage());
            }
        });
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
        intake.shutdownNow();
        pool.shutdownNow();
        if (subscriber != null) subscriber.close();
        if (publisher != null) publisher.close();
        if (client != null) client.shutdown();
    }
}
