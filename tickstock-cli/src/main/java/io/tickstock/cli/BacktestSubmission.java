package io.tickstock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tickstock.contract.BacktestRequest;
import io.tickstock.contract.Channels;
import io.tickstock.contract.DatabaseUrl;
import io.tickstock.contract.Json;
import io.tickstock.contract.RedisUrl;
import io.tickstock.engine.backtest.Backtest;
import io.tickstock.engine.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code tickstock backtest --submit}: publishes the job on {@link Channels#JOBS_BACKTEST}, shows its progress and
 * waits for its result (the same summary as a local run). Exit 1 when no worker listens, the job fails or is cancelled.
 */
final class BacktestSubmission {
    private BacktestSubmission() {}

    static int submit(
            CommandLine cmd,
            @Nullable String redisUrl,
            @Nullable String databaseUrl,
            BacktestRequest job,
            @Nullable Path json)
            throws Exception {
        if (redisUrl == null || redisUrl.isBlank())
            throw new ParameterException(
                    cmd, "--submit needs TICKSTOCK_REDIS_URL: the Redis of the running engine or backtest-worker");
        BlockingQueue<JsonNode> events = new ArrayBlockingQueue<>(1_000);
        RedisClient client = RedisClient.create(RedisUrl.uri(redisUrl));
        try (StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub();
                StatefulRedisConnection<String, String> pub = client.connect()) {
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    JsonNode e = Json.read(message);
                    if (e.path("data").path("job_id").asText().equals(job.jobId())) events.offer(e);
                }
            });
            sub.sync().subscribe(Channels.BACKTEST_PROGRESS, Channels.BACKTEST_RESULTS);
            long workers =
                    pub.sync().publish(Channels.JOBS_BACKTEST, job.toJson(System.currentTimeMillis(), "tickstock_cli"));
            if (workers == 0) {
                cmd.getErr()
                        .println(
                                "no backtest worker listens on " + Channels.JOBS_BACKTEST
                                        + ": start 'tickstock engine' or 'tickstock backtest-worker' with this TICKSTOCK_REDIS_URL");
                return 1;
            }
            cmd.getErr().println("job " + job.jobId() + " submitted");
            return await(cmd, events, databaseUrl, json);
        } finally {
            client.shutdown();
        }
    }

    /**
     * Shows the job's progress until its result; prints the summary (and writes {@code json}) when it completed. A
     * result too long for Redis (only its summary and {@code results_url}) is read whole from {@code databaseUrl}'s
     * {@code backtest_jobs}; without a database only its summary is shown.
     */
    private static int await(
            CommandLine cmd, BlockingQueue<JsonNode> events, @Nullable String databaseUrl, @Nullable Path json)
            throws Exception {
        long t0 = System.nanoTime();
        while (true) {
            JsonNode e = events.poll(10, TimeUnit.MINUTES);
            if (e == null) {
                cmd.getErr().println("no result within 10 minutes");
                return 1;
            }
            JsonNode d = e.path("data");
            if (e.path("event_type").asText().equals("backtest_progress")) {
                cmd.getErr()
                        .printf(
                                "\r%s %3.0f %%",
                                d.path("current_symbol").asText(""),
                                d.path("progress").asDouble() * 100);
                continue;
            }
            cmd.getErr().println();
            if (!d.path("status").asText().equals("completed")) {
                cmd.getErr()
                        .println("job " + d.path("status").asText() + ": "
                                + d.path("error").asText());
                return 1;
            }
            JsonNode results = d.path("results");
            if (results.has("results_url")) {
                if (databaseUrl == null || databaseUrl.isBlank()) {
                    cmd.getOut().println(results.path("summary").toPrettyString());
                    cmd.getErr()
                            .println("the whole result is too long for Redis: read it at the app's "
                                    + results.path("results_url").asText()
                                    + ", or give --database (TICKSTOCK_DATABASE_URL) to have it here");
                    return 0;
                }
                results = storedResults(databaseUrl, d.path("job_id").asText());
            }
            Backtest.Result result = Json.MAPPER.treeToValue(results, Backtest.Result.class);
            cmd.getOut().print(BacktestReport.text(result, (System.nanoTime() - t0) / 1e9));
            cmd.getOut().flush();
            if (json != null) Files.writeString(json, Json.write(Map.of("status", "completed", "results", results)));
            return 0;
        }
    }

    /** A job's whole result from {@code backtest_jobs}. */
    private static JsonNode storedResults(String databaseUrl, String jobId) throws SQLException {
        try (HikariDataSource db = Database.open(DatabaseUrl.parse(databaseUrl), "tickstock-backtest-result", 1);
                Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT results::text FROM backtest_jobs WHERE job_id = ?")) {
            ps.setObject(1, UUID.fromString(jobId));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null)
                    throw new SQLException("backtest job " + jobId + " has no stored result");
                return Json.read(rs.getString(1));
            }
        }
    }
}
