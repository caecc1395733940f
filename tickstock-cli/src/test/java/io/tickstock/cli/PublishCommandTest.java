package io.tickstock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tickstock.app.subscriber.Inbound;
import io.tickstock.app.subscriber.MessageReader;
import io.tickstock.contract.Channels;
import io.tickstock.contract.Json;
import io.tickstock.contract.RedisKeys;
import io.tickstock.contract.RedisUrl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code tickstock publish} against a real Redis: every message it sends is read by the app's own reader without a
 * refusal, and each scenario of seeds/002 sends what docs/operations.md says.
 */
@Tag("e2e")
class PublishCommandTest {
    static EmbeddedRedis redis;
    static RedisClient client;
    static StatefulRedisPubSubConnection<String, String> subscriber;
    static StatefulRedisConnection<String, String> connection;
    static final ConcurrentLinkedQueue<String[]> received = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void redis() throws Exception {
        redis = new EmbeddedRedis(0);
        client = RedisClient.create(RedisUrl.uri(redis.url()));
        connection = client.connect();
        subscriber = client.connectPubSub();
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                received.add(new String[] {channel, message});
            }
        });
        subscriber.sync().subscribe(Channels.ALL.toArray(String[]::new));
    }

    @AfterAll
    static void stop() throws Exception {
        subscriber.close();
        connection.close();
        client.shutdown();
        redis.close();
    }

    @BeforeEach
    void clear() {
        received.clear();
        connection.sync().del(RedisKeys.CURRENT_SESSION);
    }

    static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cmd = TickStockCli.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--redis", redis.url()));
        assertThat(cmd.execute(all.toArray(String[]::new)))
                .as(String.join(" ", args))
                .isZero();
        return out.toString();
    }

    /** Every received message, read by the app's reader; none refused. */
    static List<Inbound> readAll(int expected) throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= expected);
        MessageReader reader = new MessageReader(System::currentTimeMillis);
        List<Inbound> events = new ArrayList<>();
        for (String[] m : received) {
            events.addAll(reader.read(m[0], m[1]));
            assertThat(io.tickstock.contract.ContractSchemas.violations(m[0], m[1]))
                    .as("the contract's schema")
                    .isEmpty();
        }
        return events;
    }

    static Map<String, Long> byChannel() {
        return received.stream().collect(Collectors.groupingBy(m -> m[0], Collectors.counting()));
    }

    @Test
    void theMonitorShowsTheSessionTheHeartbeatAndTheRatesPerChannel() throws Exception {
        connection.sync().set(RedisKeys.PRODUCER_HEARTBEAT, Double.toString(System.currentTimeMillis() / 1000.0));
        var scenario = java.util.concurrent.CompletableFuture.runAsync(
                () -> run("publish", "scenario", "normal", "--speed", "600"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> connection.sync().get(RedisKeys.CURRENT_SESSION) != null); // the session has started
        String out = run("monitor", "--json", "--sample", "1");
        scenario.get(30, java.util.concurrent.TimeUnit.SECONDS);
        var snapshot = Json.read(out);
        assertThat(snapshot.path("session").path("universe").asText()).isEqualTo("scenario:normal");
        assertThat(snapshot.path("engine").path("status").asText()).isEqualTo("alive");
        assertThat(snapshot.path("messages_per_second").path(Channels.HEALTH).asDouble())
                .as("a health every 10 s at 600× is 60/s")
                .isGreaterThan(20);
        assertThat(snapshot.path("database").asText()).contains("TICKSTOCK_DATABASE_URL");
        String text = run("monitor", "--sample", "1");
        assertThat(text).contains("session", "engine", "heartbeat");
    }

    @Test
    void eachSingleEventIsContractValid() throws Exception {
        run("publish", "session", "start", "--universe", "test:publish");
        String sid = Json.read(connection.sync().get(RedisKeys.CURRENT_SESSION))
                .path("session_id")
                .asText();
        run("publish", "pattern", "--symbol", "SPY", "--pattern", "Hammer", "--confidence", "0.9");
        run("publish", "alert", "--symbol", "IBM", "--value", "81.5");
        run("publish", "health", "--status", "warning", "--issue", "lag above 1 s");
        run("publish", "critical", "--message", "Redis slow");
        run("publish", "session", "stop", "--total-patterns", "1");
        List<Inbound> events = readAll(6);
        assertThat(events).hasSize(6);
        Inbound.Pattern p = (Inbound.Pattern) events.get(1).event();
        assertThat(p.detection().patternType()).isEqualTo("Hammer");
        assertThat(p.detection().metadata()).containsEntry("session_id", sid);
        assertThat(((Inbound.SessionStopped) events.get(5).event()).session().sessionId())
                .as("stop closes the running session")
                .isEqualTo(sid);
        assertThat(connection.sync().get(RedisKeys.CURRENT_SESSION)).isNull();
    }

    @Test
    void theNormalScenarioStartsASessionWithItsPatternsAlertsAndHealth() throws Exception {
        String out = run("publish", "scenario", "normal", "--speed", "max");
        assertThat(Json.read(out).path("messages").asInt()).isEqualTo(1 + 180 + 75 + 25);
        readAll(281);
        assertThat(byChannel())
                .containsEntry(Channels.SESSION_STARTED, 1L)
                .containsEntry(Channels.HEALTH, 180L)
                .containsEntry(Channels.PATTERNS_STREAMING, 75L)
                .containsEntry(Channels.ALERTS_INDICATORS, 25L)
                .doesNotContainKey(Channels.ALERTS_CRITICAL);
        assertThat(connection.sync().get(RedisKeys.CURRENT_SESSION)).isNotNull();
    }

    @Test
    void errorRecoveryLosesTheFeedForTwoMinutesThenRecovers() throws Exception {
        run("publish", "scenario", "error-recovery", "--speed", "max");
        List<Inbound> events = readAll(90 + 26 + 2);
        List<String> critical = events.stream()
                .filter(e -> e.event() instanceof Inbound.Critical)
                .map(e -> ((Inbound.Critical) e.event()).alert().severity())
                .toList();
        assertThat(critical).containsExactly("critical", "info");
        assertThat(events.stream()
                        .filter(e -> e.event() instanceof Inbound.Health h
                                && h.health().path("status").asText().equals("critical"))
                        .count())
                .as("12 health events in the two minutes without the feed")
                .isEqualTo(12);
    }

    @Test
    void highVolumeSendsAThousandPatternsAMinuteAndMarketCloseStopsTheSession() throws Exception {
        run("publish", "session", "start");
        run("publish", "scenario", "high-volume", "--speed", "max");
        run("publish", "scenario", "market-close", "--total-patterns", "15000", "--total-indicators", "42");
        readAll(1 + 90 + 15_000 + 1_500 + 1);
        assertThat(byChannel())
                .containsEntry(Channels.PATTERNS_STREAMING, 15_000L)
                .containsEntry(Channels.ALERTS_INDICATORS, 1_500L)
                .containsEntry(Channels.SESSION_STOPPED, 1L);
        String stop = received.stream()
                .filter(m -> m[0].equals(Channels.SESSION_STOPPED))
                .findFirst()
                .orElseThrow()[1];
        assertThat(Json.read(stop).path("session").path("total_patterns").asLong())
                .isEqualTo(15_000);
        assertThat(connection.sync().get(RedisKeys.CURRENT_SESSION)).isNull();
    }
}
