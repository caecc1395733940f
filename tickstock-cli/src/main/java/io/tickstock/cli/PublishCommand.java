package io.tickstock.cli;

import io.lettuce.core.api.sync.RedisCommands;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import io.tickstock.contract.RedisKeys;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tickstock publish}: sends contract-valid events to a TickStock Redis without an engine (the legacy
 * {@code test_*} scripts and test-plan scenarios), so a consumer can be tested on its own. Each subcommand prints
 * what it published as one line of JSON.
 */
@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        subcommands = {
            PublishPattern.class,
            PublishAlert.class,
            PublishHealth.class,
            PublishCritical.class,
            PublishSession.class,
            PublishScenario.class
        },
        description = {
            "Publish one contract-valid event (pattern, alert, health, critical, session) or a legacy test-plan scenario "
                    + "to the Redis in TICKSTOCK_REDIS_URL (or --redis), as the engine would, to test a consumer without one."
        })
public final class PublishCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The Redis to publish to. */
    interface RedisWork<T> {
        T run(RedisCommands<String, String> redis) throws Exception;
    }

    /** The running session's id from {@link RedisKeys#CURRENT_SESSION}, or null. */
    static @Nullable String currentSession(RedisCommands<String, String> redis) {
        String json = redis.get(RedisKeys.CURRENT_SESSION);
        if (json == null) return null;
        String id = Json.read(json).path("session_id").asText("");
        return id.isEmpty() ? null : id;
    }

    /** The session a stop closes: {@code sessionId}, else the running one, else a new id; its duration so far. */
    static Scenario.Close closing(
            RedisCommands<String, String> redis,
            @Nullable String sessionId,
            long totalPatterns,
            long totalIndicators,
            long nowMillis) {
        String json = redis.get(RedisKeys.CURRENT_SESSION);
        String running =
                json == null ? null : Json.read(json).path("session_id").asText(null);
        long started = nowMillis;
        if (json != null) {
            try {
                started = IsoTime.parseMillis(Json.read(json).path("started_at").asText());
            } catch (RuntimeException unknown) {
                // duration 0
            }
        }
        String sid = sessionId != null
                ? sessionId
                : running != null ? running : UUID.randomUUID().toString();
        return new Scenario.Close(sid, Math.max(0, (nowMillis - started) / 1000), totalPatterns, totalIndicators);
    }
}
