package io.tickstock.cli;

import io.tickstock.contract.Channels;
import io.tickstock.contract.Json;
import io.tickstock.contract.RedisKeys;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tickstock publish scenario NAME}: a test scenario of the legacy test plan ({@link Scenario}). */
@Command(
        name = "scenario",
        mixinStandardHelpOptions = true,
        description = {
            "Replay a legacy test-plan scenario against a running consumer: normal (30 min), high-volume (15 min), "
                    + "error-recovery (15 min) or market-close; docs/operations.md lists what each sends and what the app shows."
        })
final class PublishScenario implements Callable<Integer> {
    @Mixin
    PublishTarget target;

    @Parameters(index = "0", description = "normal, high-volume, error-recovery or market-close")
    String name;

    @Option(
            names = "--speed",
            defaultValue = "1",
            description = "A multiple of real time, or 'max' (default: ${DEFAULT-VALUE}).")
    String speed;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--session-id", description = "Session of the events (default: the running one, else new).")
    @Nullable
    String sessionId;

    @Option(names = "--total-patterns", defaultValue = "0", description = "market-close's totals (default: 0).")
    long totalPatterns;

    @Option(names = "--total-indicators", defaultValue = "0", description = "market-close's totals (default: 0).")
    long totalIndicators;

    @Override
    public Integer call() throws Exception {
        if (!Scenario.NAMES.contains(name))
            throw new ParameterException(
                    target.spec.commandLine(), "scenario must be one of " + Scenario.NAMES + ", was '" + name + "'");
        double pace = ReplayOptions.parseSpeed(target.spec.commandLine(), speed);
        return target.with(r -> {
            long t0 = System.currentTimeMillis();
            String running = PublishCommand.currentSession(r);
            String sid = sessionId != null
                    ? sessionId
                    : running != null && !name.equals("normal")
                            ? running
                            : UUID.randomUUID().toString();
            Scenario s = Scenario.of(
                    name, seed, sid, PublishCommand.closing(r, sessionId, totalPatterns, totalIndicators, t0));
            Map<String, Long> byChannel = new TreeMap<>();
            for (Scenario.Step step : s.steps()) {
                long due = t0 + Math.round(step.atMillis() / pace), wait = due - System.currentTimeMillis();
                if (wait > 0) TimeUnit.MILLISECONDS.sleep(wait);
                ScenarioEvents.Message m = step.message().apply(System.currentTimeMillis());
                if (m.channel().equals(Channels.SESSION_STARTED))
                    r.set(
                            RedisKeys.CURRENT_SESSION,
                            Json.read(m.json()).path("session").toString());
                if (m.channel().equals(Channels.SESSION_STOPPED)) r.del(RedisKeys.CURRENT_SESSION);
                r.publish(m.channel(), m.json());
                byChannel.merge(m.channel(), 1L, Long::sum);
            }
            target.spec
                    .commandLine()
                    .getOut()
                    .println(Json.write(Map.of(
                            "scenario",
                            name,
                            "session_id",
                            sid,
                            "messages",
                            s.steps().size(),
                            "by_channel",
                            byChannel,
                            "seconds",
                            Math.round((System.currentTimeMillis() - t0) / 10.0) / 100.0)));
            return 0;
        });
    }
}
