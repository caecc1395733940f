package io.tickstock.cli;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tickstock.app.web.SessionAdmin;
import io.tickstock.contract.Channels;
import io.tickstock.contract.Json;
import io.tickstock.contract.LogText;
import io.tickstock.contract.RedisUrl;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tickstock session start|stop}: asks the running engine to start or stop its live session. */
@Command(
        name = "session",
        mixinStandardHelpOptions = true,
        description = {
            "Start or stop the running engine's live session (as the app's admin endpoint does), through the Redis in "
                    + "TICKSTOCK_REDIS_URL, and wait for the engine to confirm.",
            "Exit code 0 when confirmed, 1 when no engine listens or none confirmed in time."
        })
public final class SessionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "start or stop")
    String action;

    @Option(
            names = "--wait",
            description = "Seconds to wait for the engine's session_started/stopped event (default: ${DEFAULT-VALUE}).",
            defaultValue = "10")
    int waitSeconds;

    @Override
    public Integer call() throws Exception {
        if (!action.equals("start") && !action.equals("stop")) {
            throw new ParameterException(spec.commandLine(), "action must be 'start' or 'stop', was '" + action + "'");
        }
        String redisUrl = System.getenv("TICKSTOCK_REDIS_URL");
        if (redisUrl == null || redisUrl.isBlank()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "set TICKSTOCK_REDIS_URL to the Redis of the running engine (e.g. redis://127.0.0.1:6379)");
        }
        String channel = action.equals("start") ? Channels.SESSION_STARTED : Channels.SESSION_STOPPED;
        BlockingQueue<String> confirmations = new ArrayBlockingQueue<>(16);
        RedisClient client = RedisClient.create(RedisUrl.uri(redisUrl));
        try (StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub()) {
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String ch, String message) {
                    confirmations.offer(message);
                }
            });
            sub.sync().subscribe(channel);
            long engines = SessionAdmin.request(
                    redisUrl, action, "cli:" + System.getProperty("user.name"), System.currentTimeMillis());
            if (engines == 0) {
                System.err.println("no engine is listening on " + Channels.ENGINE_COMMANDS
                        + ": start 'tickstock engine' with this TICKSTOCK_REDIS_URL");
                return 1;
            }
            String event = confirmations.poll(waitSeconds, TimeUnit.SECONDS);
            if (event == null) {
                System.err.println("the engine did not confirm within " + waitSeconds + " s (a session may already be "
                        + (action.equals("start") ? "running" : "stopped") + ")");
                return 1;
            }
            var session = Json.read(event).path("session");
            System.out.println("session " + session.path("session_id").asText() + " "
                    + (action.equals("start")
                            ? "started (" + session.path("trigger_type").asText() + ")"
                            : session.path("final_status").asText()));
            return 0;
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot reach Redis at " + LogText.url(redisUrl) + ": start it or set TICKSTOCK_REDIS_URL", e);
        } finally {
            client.shutdown();
        }
    }
}
