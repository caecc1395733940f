package io.tickstock.cli;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tickstock.contract.Json;
import io.tickstock.contract.RedisUrl;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The Redis {@code tickstock publish} sends to ({@code --redis}, default TICKSTOCK_REDIS_URL), a mixin. */
final class PublishTarget {
    @Option(
            names = "--redis",
            description = "Redis URL (default: TICKSTOCK_REDIS_URL).",
            defaultValue = "${env:TICKSTOCK_REDIS_URL}")
    @Nullable
    String redis;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** Connects, runs {@code work}, disconnects. @throws ParameterException when no Redis URL is set */
    <T> T with(PublishCommand.RedisWork<T> work) throws Exception {
        if (redis == null || redis.isBlank())
            throw new ParameterException(
                    spec.commandLine(),
                    "set TICKSTOCK_REDIS_URL (or --redis) to the Redis of the consumer to test, e.g. redis://127.0.0.1:6379");
        RedisClient client = RedisClient.create(RedisUrl.uri(redis));
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            return work.run(c.sync());
        } finally {
            client.shutdown();
        }
    }

    /** Publishes one message and prints {@code {"channel":…,"subscribers":…}}. */
    int publishOne(ScenarioEvents.Message m) throws Exception {
        long receivers = with(r -> r.publish(m.channel(), m.json()));
        spec.commandLine()
                .getOut()
                .println(Json.write(
                        Map.of("channel", m.channel(), "subscribers", receivers, "message", Json.read(m.json()))));
        return 0;
    }
}
