package io.tickstock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tickstock.contract.Channels;
import io.tickstock.contract.ContractSchemas;
import io.tickstock.contract.Events;
import io.tickstock.contract.Json;
import io.tickstock.contract.RedisUrl;
import io.tickstock.engine.Engine;
import io.tickstock.engine.EngineConfig;
import io.tickstock.engine.feed.MassiveSubscription;
import io.tickstock.engine.session.SessionSchedule;
import io.tickstock.testkit.FakeMassiveServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine on the Massive feed end to end: fake Massive server replaying SPY's ticks, the engine's Massive
 * client, real Redis and PostgreSQL. A server-side disconnect mid-stream publishes a critical
 * {@code market_feed} alert, then a recovery alert once re-authenticated and re-subscribed; bars keep coming;
 * every message validates against the contract's schemas.
 */
@Tag("e2e")
class MassiveFeedEndToEndTest {
    @TempDir
    Path tmp;

    /** A fake Massive server replaying SPY's recorded ticks of 2013-10-08 from 09:30 New York at {@code speed}. */
    static FakeMassiveServer spyFrom0930(double speed) {
        Path spy = Path.of(System.getProperty("tickstock.data.dir"), "lean/equity/usa/tick/spy/20131008_trade.zip");
        long from = LocalDate.of(2013, 10, 8)
                .atTime(9, 30)
                .atZone(ZoneId.of("America/New_York"))
                .toInstant()
                .toEpochMilli();
        return new FakeMassiveServer(0, "k", () -> TradeFiles.open(List.of(spy), from), speed);
    }

    /**
     * The engine streaming {@code server}'s T.SPY in a session opened at once, until {@code stop}; on a platform thread
     * of its own: on this 2-core machine the common ForkJoin pool has one worker, which the JDK WebSocket needs for its
     * own async steps.
     */
    static Future<Events.SessionEnd> stream(Engine engine, FakeMassiveServer server, AtomicBoolean stop) {
        ExecutorService feedThread = Executors.newSingleThreadExecutor();
        Future<Events.SessionEnd> session = feedThread.submit(() -> engine.stream(
                new MassiveSubscription(URI.create(server.url()), "k", List.of("T.SPY"), 10_000),
                1,
                SessionSchedule.immediate(),
                stop::get));
        feedThread.shutdown();
        return session;
    }

    @Test
    void aDisconnectPublishesCriticalThenRecoveryAndTheSessionGoesOn() throws Exception {
        record Message(String channel, String text) {}
        ConcurrentLinkedQueue<Message> published = new ConcurrentLinkedQueue<>();
        try (EmbeddedRedis redis = new EmbeddedRedis(0);
                EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(tmp.resolve("pg"), true, 0);
                FakeMassiveServer server = spyFrom0930(600)) {
            RedisClient client = RedisClient.create(RedisUrl.uri(redis.url()));
            StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub();
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    published.add(new Message(channel, message));
                }
            });
            sub.sync().subscribe(Channels.ALL.toArray(new String[0]));
            EngineConfig config = EngineConfig.builder(redis.url(), postgres.databaseUrl())
                    .universe("massive:T.SPY")
                    .healthIntervalMillis(1_000)
                    .spool(tmp.resolve("spool"), 1 << 20)
                    .build();
            AtomicBoolean stop = new AtomicBoolean();
            try (Engine engine = new Engine(config, System::currentTimeMillis).start()) {
                Future<Events.SessionEnd> session = stream(engine, server, stop);
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> published.stream()
                                        .filter(m -> m.channel().equals(Channels.BARS_STREAMING))
                                        .flatMap(m -> EndToEndTest.bars(Json.read(m.text())))
                                        .count()
                                >= 2);
                server.dropAll();
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> published.stream()
                                .anyMatch(m -> m.channel().equals(Channels.ALERTS_CRITICAL)
                                        && m.text().contains("restored")));
                long barsAfter = published.stream()
                        .filter(m -> m.channel().equals(Channels.BARS_STREAMING))
                        .flatMap(m -> EndToEndTest.bars(Json.read(m.text())))
                        .count();
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> published.stream()
                                        .filter(m -> m.channel().equals(Channels.BARS_STREAMING))
                                        .flatMap(m -> EndToEndTest.bars(Json.read(m.text())))
                                        .count()
                                > barsAfter);
                stop.set(true);
                Events.SessionEnd end = session.get();
                assertThat(end.finalStatus()).isEqualTo("stopped");
            }
            List<Message> critical = published.stream()
                    .filter(m -> m.channel().equals(Channels.ALERTS_CRITICAL))
                    .toList();
            assertThat(critical)
                    .anySatisfy(m -> assertThat(m.text())
                            .contains("\"severity\":\"critical\"")
                            .contains("Massive connection lost"));
            assertThat(critical)
                    .anySatisfy(m -> assertThat(m.text())
                            .contains("\"severity\":\"info\"")
                            .contains("Massive connection restored"));
            for (Message m : published)
                assertThat(ContractSchemas.violations(m.channel(), m.text()))
                        .as(m.text())
                        .isEmpty();
            assertThat(server.subscribeRequests()).containsExactly("T.SPY", "T.SPY");
            client.shutdown();
        }
    }

    @Test
    void aTradeStampedInTheFutureIsRefusedAndTheBarsGoOn() throws Exception {
        ConcurrentLinkedQueue<String> bars = new ConcurrentLinkedQueue<>(); // bar timestamps, as published
        try (EmbeddedRedis redis = new EmbeddedRedis(0);
                EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(tmp.resolve("pg"), true, 0);
                FakeMassiveServer server = spyFrom0930(300)) {
            RedisClient client = RedisClient.create(RedisUrl.uri(redis.url()));
            StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub();
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    EndToEndTest.bars(Json.read(message))
                            .forEach(b -> bars.add(b.path("timestamp").asText()));
                }
            });
            sub.sync().subscribe(Channels.BARS_STREAMING);
            EngineConfig config = EngineConfig.builder(redis.url(), postgres.databaseUrl())
                    .universe("massive:T.SPY")
                    .spool(tmp.resolve("spool"), 1 << 20)
                    .build();
            AtomicBoolean stop = new AtomicBoolean();
            try (Engine engine = new Engine(config, System::currentTimeMillis).start()) {
                Future<Events.SessionEnd> session = stream(engine, server, stop);
                await().atMost(Duration.ofSeconds(20)).until(() -> bars.size() >= 2);
                // one print dated 2100-01-01: taken as event time, it would close every bar and make the rest late
                server.broadcast("[{\"ev\":\"T\",\"sym\":\"SPY\",\"p\":169.5,\"s\":100,\"t\":4102444800000,\"q\":1}]");
                int before = bars.size();
                await().atMost(Duration.ofSeconds(30)).until(() -> bars.size() >= before + 3);
                // one print of 08:00, beyond the 15-minute correction window by now: late, dropped and counted
                server.broadcast("[{\"ev\":\"T\",\"sym\":\"SPY\",\"p\":169.5,\"s\":100,\"t\":1381233600000,\"q\":2}]");
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> engine.stats().lateTrades.get() >= 1);
                assertThat(engine.metricsText())
                        .contains("tickstock_trades_refused_total{reason=\"future\"} 1.0")
                        .containsPattern("tickstock_trades_refused_total\\{reason=\"late\"\\} [1-9]");
                stop.set(true);
                session.get();
            }
            assertThat(bars).allMatch(t -> t.startsWith("2013-10-08"));
            client.shutdown();
        }
    }

    @Test
    void aFeedThatCannotConnectMakesHealthCritical() throws Exception {
        ConcurrentLinkedQueue<String> health = new ConcurrentLinkedQueue<>();
        try (EmbeddedRedis redis = new EmbeddedRedis(0);
                EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(tmp.resolve("pg2"), true, 0)) {
            RedisClient client = RedisClient.create(RedisUrl.uri(redis.url()));
            StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub();
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    health.add(message);
                }
            });
            sub.sync().subscribe(Channels.HEALTH);
            EngineConfig config = EngineConfig.builder(redis.url(), postgres.databaseUrl())
                    .universe("massive:T.SPY")
                    .healthIntervalMillis(1_000)
                    .spool(tmp.resolve("spool"), 1 << 20)
                    .build();
            AtomicBoolean stop = new AtomicBoolean();
            int closedPort = FreePort.find(); // nothing listens: every connect fails, the client keeps retrying
            try (Engine engine = new Engine(config, System::currentTimeMillis).start()) {
                ExecutorService feedThread = Executors.newSingleThreadExecutor();
                Future<Events.SessionEnd> session = feedThread.submit(() -> engine.stream(
                        new MassiveSubscription(
                                URI.create("ws://127.0.0.1:" + closedPort + "/stocks"), "k", List.of("T.SPY"), 10_000),
                        1,
                        SessionSchedule.immediate(),
                        stop::get));
                feedThread.shutdown();
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> health.stream()
                                .anyMatch(h -> h.contains("\"status\":\"critical\"")
                                        && h.matches(".*\"connection_status\":\"(reconnecting|disconnected)\".*")));
                stop.set(true);
                session.get();
            }
            client.shutdown();
        }
    }
}
