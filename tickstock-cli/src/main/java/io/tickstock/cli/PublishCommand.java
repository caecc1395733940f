package io.tickstock.cli;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import io.tickstock.contract.RedisKeys;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tickstock publish}: sends contract-valid events to a TickStock Redis without an engine (seeds/000–004's
 * {@code test_*} scripts, seeds/002's test scenarios), so a consumer can be tested on its own. Each subcommand prints
 * what it published as one line of JSON.
 */
@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        subcommands = {
            PublishCommand.Pattern.class,
            PublishCommand.Alert.class,
            PublishCommand.Health.class,
            PublishCommand.Critical.class,
            PublishCommand.Session.class,
            PublishCommand.RunScenario.class
        },
        description = {
            "Publish one contract-valid event (pattern, alert, health, critical, session) or a test scenario of seeds/002 "
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
    static final class Target {
        @Option(
                names = "--redis",
                description = "Redis URL (default: TICKSTOCK_REDIS_URL).",
                defaultValue = "${env:TICKSTOCK_REDIS_URL}")
        @Nullable
        String redis;

        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        /** Connects, runs {@code work}, disconnects. @throws ParameterException when no Redis URL is set */
        <T> T with(RedisWork<T> work) throws Exception {
            if (redis == null || redis.isBlank())
                throw new ParameterException(
                        spec.commandLine(),
                        "set TICKSTOCK_REDIS_URL (or --redis) to the Redis of the consumer to test, e.g. redis://127.0.0.1:6379");
            RedisClient client = RedisClient.create(redis);
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

    @Command(name = "pattern", mixinStandardHelpOptions = true, description = "Publish one streaming_pattern.")
    static final class Pattern implements Callable<Integer> {
        @Mixin
        Target target;

        @Option(names = "--symbol", defaultValue = "SPY", description = "Symbol (default: ${DEFAULT-VALUE}).")
        String symbol;

        @Option(
                names = "--pattern",
                defaultValue = "Hammer",
                description = "pattern_type, e.g. Hammer, BullishEngulfing (default: ${DEFAULT-VALUE}).")
        String pattern;

        @Option(names = "--confidence", defaultValue = "0.85", description = "0..1 (default: ${DEFAULT-VALUE}).")
        double confidence;

        @Option(
                names = "--direction",
                defaultValue = "bullish",
                description = "bullish, bearish or neutral (default: ${DEFAULT-VALUE}).")
        String direction;

        @Option(names = "--price", defaultValue = "100", description = "The bar's price (default: ${DEFAULT-VALUE}).")
        double price;

        @Option(names = "--session-id", description = "Session (default: the running session, if any).")
        @Nullable
        String sessionId;

        @Override
        public Integer call() throws Exception {
            if (!(confidence >= 0 && confidence <= 1))
                throw new ParameterException(target.spec.commandLine(), "--confidence must be in [0, 1]");
            if (!List.of("bullish", "bearish", "neutral").contains(direction))
                throw new ParameterException(
                        target.spec.commandLine(), "--direction must be bullish, bearish or neutral");
            String sid = sessionId != null
                    ? sessionId
                    : target.with(r -> java.util.Optional.ofNullable(currentSession(r)))
                            .orElse(null);
            return target.publishOne(ScenarioEvents.pattern(
                    System.currentTimeMillis(), symbol, pattern, confidence, direction, price, sid));
        }
    }

    @Command(name = "alert", mixinStandardHelpOptions = true, description = "Publish one indicator_alert.")
    static final class Alert implements Callable<Integer> {
        @Mixin
        Target target;

        @Option(names = "--symbol", defaultValue = "SPY", description = "Symbol (default: ${DEFAULT-VALUE}).")
        String symbol;

        @Option(
                names = "--type",
                defaultValue = "RSI_OVERBOUGHT",
                description = "alert_type (default: ${DEFAULT-VALUE}).")
        String type;

        @Option(names = "--indicator", defaultValue = "RSI", description = "Indicator (default: ${DEFAULT-VALUE}).")
        String indicator;

        @Option(names = "--value", defaultValue = "75.5", description = "Indicator value (default: ${DEFAULT-VALUE}).")
        double value;

        @Option(names = "--threshold", defaultValue = "70", description = "Threshold (default: ${DEFAULT-VALUE}).")
        double threshold;

        @Option(
                names = "--severity",
                defaultValue = "warning",
                description = "info, warning, error or critical (default: ${DEFAULT-VALUE}).")
        String severity;

        @Override
        public Integer call() throws Exception {
            String sid = target.with(r -> java.util.Optional.ofNullable(currentSession(r)))
                    .orElse(null);
            return target.publishOne(ScenarioEvents.alert(
                    System.currentTimeMillis(), symbol, type, indicator, value, threshold, severity, sid));
        }
    }

    @Command(name = "health", mixinStandardHelpOptions = true, description = "Publish one streaming_health.")
    static final class Health implements Callable<Integer> {
        @Mixin
        Target target;

        @Option(
                names = "--status",
                defaultValue = "healthy",
                description = "healthy, warning or critical (default: ${DEFAULT-VALUE}).")
        String status;

        @Option(names = "--active-symbols", defaultValue = "500", description = "(default: ${DEFAULT-VALUE}).")
        int activeSymbols;

        @Option(names = "--issue", description = "An issue explaining a warning or critical status (repeatable).")
        List<String> issues = List.of();

        @Override
        public Integer call() throws Exception {
            if (!List.of("healthy", "warning", "critical").contains(status))
                throw new ParameterException(
                        target.spec.commandLine(), "--status must be healthy, warning or critical");
            String sid = target.with(r -> java.util.Optional.ofNullable(currentSession(r)))
                    .orElse(null);
            return target.publishOne(ScenarioEvents.health(
                    System.currentTimeMillis(),
                    status,
                    activeSymbols,
                    status.equals("critical") ? "disconnected" : "connected",
                    1_000,
                    issues,
                    sid));
        }
    }

    @Command(name = "critical", mixinStandardHelpOptions = true, description = "Publish one critical_alert.")
    static final class Critical implements Callable<Integer> {
        @Mixin
        Target target;

        @Option(
                names = "--message",
                defaultValue = "WebSocket connection lost",
                description = "(default: ${DEFAULT-VALUE}).")
        String message;

        @Option(
                names = "--severity",
                defaultValue = "critical",
                description = "info, warning, error or critical (default: ${DEFAULT-VALUE}).")
        String severity;

        @Option(names = "--component", defaultValue = "market_feed", description = "(default: ${DEFAULT-VALUE}).")
        String component;

        @Option(names = "--recovery", description = "Publish a recovery (severity info) with this text.")
        @Nullable
        String recovery;

        @Override
        public Integer call() throws Exception {
            return target.publishOne(ScenarioEvents.critical(
                    System.currentTimeMillis(),
                    recovery != null ? "info" : severity,
                    component,
                    message,
                    recovery != null ? null : "Check " + component,
                    recovery));
        }
    }

    @Command(
            name = "session",
            mixinStandardHelpOptions = true,
            description = {
                "Publish streaming_session_started (and set the current-session key, as the engine does) or "
                        + "streaming_session_stopped (and delete it)."
            })
    static final class Session implements Callable<Integer> {
        @Mixin
        Target target;

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
            Scenario.Close close = target.with(r -> closing(r, sessionId, totalPatterns, totalIndicators, now));
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

    @Command(
            name = "scenario",
            mixinStandardHelpOptions = true,
            description = {
                "Replay a test scenario of seeds/002 against a running consumer: normal (30 min), high-volume (15 min), "
                        + "error-recovery (15 min) or market-close; docs/operations.md lists what each sends and what the app shows."
            })
    static final class RunScenario implements Callable<Integer> {
        @Mixin
        Target target;

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
                        target.spec.commandLine(),
                        "scenario must be one of " + Scenario.NAMES + ", was '" + name + "'");
            double pace = ReplayOptions.parseSpeed(target.spec.commandLine(), speed);
            return target.with(r -> {
                long t0 = System.currentTimeMillis();
                String running = currentSession(r);
                String sid = sessionId != null
                        ? sessionId
                        : running != null && !name.equals("normal")
                                ? running
                                : UUID.randomUUID().toString();
                Scenario s = Scenario.of(name, seed, sid, closing(r, sessionId, totalPatterns, totalIndicators, t0));
                Map<String, Long> byChannel = new TreeMap<>();
                for (Scenario.Step step : s.steps()) {
                    long due = t0 + Math.round(step.atMillis() / pace), wait = due - System.currentTimeMillis();
                    if (wait > 0) TimeUnit.MILLISECONDS.sleep(wait);
                    ScenarioEvents.Message m = step.message().apply(System.currentTimeMillis());
                    if (m.channel().equals(io.tickstock.contract.Channels.SESSION_STARTED))
                        r.set(
                                RedisKeys.CURRENT_SESSION,
                                Json.read(m.json()).path("session").toString());
                    if (m.channel().equals(io.tickstock.contract.Channels.SESSION_STOPPED))
                        r.del(RedisKeys.CURRENT_SESSION);
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
}
