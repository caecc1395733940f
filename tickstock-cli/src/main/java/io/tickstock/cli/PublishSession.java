package io.tickstock.cli;

import io.tickstock.contract.Json;
import io.tickstock.contract.RedisKeys;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tickstock publish session start|stop}, with the current-session key as the engine keeps it. */
@Command(
        name = "session",
        mixinStandardHelpOptions = true,
        description = {
            "Publish streaming_session_started (and set the current-session key, as the engine does) or "
                    + "streaming_session_stopped (and delete it)."
        })
final class PublishSession implements Callable<Integer> {
    @Mixin
    PublishTarget target;

    @Parameters(index = "0", description = "start or stop")
    String action;

    @Option(names = "--session-id", description = "Session id (start: a new UUID; stop: the running session).")
    @Nullable
    String sessionId;

    @Option(names = "--universe", defaultValue = "scenario:manual", description = "(default: ${DEFAULT-VALUE}).")
    String universe;

    @Option(names = "--symbols", defaultValue = "500", description = "symbol_count (default: ${DEFAULT-VALUE}).")
    int symbols;

    @Option(names = "--total-patterns", defaultValue = "0", description = "At stop (default: ${DEFAULT-VALUE}).")
    long totalPatterns;

    @Option(names = "--total-indicators", defaultValue = "0", description = "At stop (default: ${DEFAULT-VALUE}).")
    long totalIndicators;

    @Override
    public Integer call() throws Exception {
        long now = System.currentTimeMillis();
        if (action.equals("start")) {
            String sid = sessionId != null ? sessionId : UUID.randomUUID().toString();
            ScenarioEvents.Message m = ScenarioEvents.sessionStarted(now, sid, universe, symbols);
            target.with(r -> r.set(
                    RedisKeys.CURRENT_SESSION,
                    Json.read(m.json()).path("session").toString()));
            return target.publishOne(m);
        }
        if (!action.equals("stop"))
            throw new ParameterException(
                    target.spec.commandLine(), "action must be 'start' or 'stop', was '" + action + "'");
        Scenario.Close close =
                target.with(r -> PublishCommand.closing(r, sessionId, totalPatterns, totalIndicators, now));
        target.with(r -> r.del(RedisKeys.CURRENT_SESSION));
        return target.publishOne(ScenarioEvents.sessionStopped(
                now,
                close.sessionId(),
                close.durationSeconds(),
                close.totalPatterns(),
                close.totalIndicators(),
                "completed"));
    }
}
