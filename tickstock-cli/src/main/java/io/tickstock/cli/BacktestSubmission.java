package io.tickstock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tickstock.contract.BacktestRequest;
import io.tickstock.contract.Channels;
import io.tickstock.contract.Json;
import io.tickstock.engine.backtest.Backtest;
import java.nio.file.Files;
import java.nio.file.Path;
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

    static int submit(CommandLine cmd, @Nullable String redisUrl, BacktestRequest job, @Nullable Path json)
            throws Exception {
        if (redisUrl == null || redisUrl.isBlank())
            throw new ParameterException(
                    cmd, "--submit needs TICKSTOCK_REDIS_URL: the Redis of the running engine or backtest-worker");
        BlockingQueue<JsonNode> events = new ArrayBlockingQueue<>(1_000);
        RedisClient client = RedisClient.create(redisUrl);
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
            return await(cmd, events, json);
        } finally {
            client.shutdown();
        }
    }

    /** Shows the job's progress until its result; prints the summary (and writes {@code json}) when it completed. */
    private static int await(CommandLine cmd, BlockingQueue<JsonNode> events, @Nullable Path json) throws Exception {
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
            Backtest.Result result = Json.MAPPER.treeToValue(d.path("results"), Backtest.Result.class);
            cmd.getOut().print(BacktestReport.text(result, (System.nanoTime() - t0) / 1e9));
            cmd.getOut().flush();
            if (json != null)
                Files.writeString(
                        json, Json.write(java.util.Map.of("status", "completed", "results", d.path("results"))));
            return 0;
        }
    }
}
