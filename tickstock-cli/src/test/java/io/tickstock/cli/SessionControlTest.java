package io.tickstock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tickstock.app.App;
import io.tickstock.app.AppConfig;
import io.tickstock.contract.Channels;
import io.tickstock.contract.Json;
import io.tickstock.contract.RedisUrl;
import io.tickstock.engine.Engine;
import io.tickstock.engine.EngineConfig;
import io.tickstock.engine.feed.MassiveSubscription;
import io.tickstock.engine.session.NyseCalendar;
import io.tickstock.engine.session.SessionSchedule;
import io.tickstock.testkit.AppHttp;
import io.tickstock.testkit.FakeMassiveServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live sessions under operator control, on real servers: the engine follows the NYSE calendar on a Saturday
 * (clock shifted to 2026-11-21 12:00 New York), so no session runs until an admin asks the app for one;
 * {@code POST /streaming/api/admin/session/start} opens a {@code manual} session that publishes bars,
 * {@code …/stop} ends it as {@code stopped}. Non-admins get 403, a bad action 400.
 */
@Tag("e2e")
class SessionControlTest {
    @TempDir
    Path tmp;

    record Message(String channel, String text) {}

    @Test
    void adminStartsAndStopsTheLiveSession() throws Exception {
        ConcurrentLinkedQueue<Message> published = new ConcurrentLinkedQueue<>();
        Path spy = Path.of(System.getProperty("tickstock.data.dir"), "lean/equity/usa/tick/spy/20131008_trade.zip");
        long from = LocalDate.of(2013, 10, 8)
                .atTime(9, 30)
                .atZone(ZoneId.of("America/New_York"))
                .toInstant()
                .toEpochMilli();
        long saturdayNoon = LocalDateTime.of(2026, 11, 21, 12, 0)
                .atZone(NyseCalendar.NEW_YORK)
                .toInstant()
                .toEpochMilli();
        long offset = saturdayNoon - System.currentTimeMillis();
        LongSupplier clock = () -> System.currentTimeMillis() + offset;
        try (EmbeddedRedis redis = new EmbeddedRedis(0);
                EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(tmp.resolve("pg"), true, 0);
                FakeMassiveServer server =
                        new FakeMassiveServer(0, "k", () -> TradeFiles.open(List.of(spy), from), 600);
                App app = new App(
                                new AppConfig(redis.url(), postgres.databaseUrl(), "127.0.0.1", 0, 50, "admin-pw"),
                                clock)
                        .start()) {
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
            try (Engine engine = new Engine(config, clock).start()) {
                ExecutorService feedThread = Executors.newSingleThreadExecutor();
                Future<?> feed = feedThread.submit(() -> engine.stream(
                        new MassiveSubscription(URI.create(server.url()), "k", List.of("T.SPY"), 10_000),
                        1,
                        SessionSchedule.calendar(new NyseCalendar(), false),
                        stop::get));
                feedThread.shutdown();
                // connected, trades flowing, but a Saturday: no session and no bars for three seconds
                await().during(Duration.ofSeconds(3))
                        .atMost(Duration.ofSeconds(5))
                        .until(() -> published.stream()
                                .noneMatch(m -> m.channel().equals(Channels.SESSION_STARTED)
                                        || m.channel().equals(Channels.BARS_STREAMING)));

                String cookie = AppHttp.login(app.port(), "admin", "admin-pw").orElseThrow();
                assertThat(AppHttp.post(app.port(), "/streaming/api/admin/session/restart", cookie)
                                .body())
                        .contains("\"parameter\":\"action\"");
                HttpResponse<String> started = AppHttp.post(app.port(), "/streaming/api/admin/session/start", cookie);
                assertThat(started.statusCode()).isEqualTo(202);
                assertThat(started.body()).contains("\"engines\":1");
                await().atMost(Duration.ofSeconds(10))
                        .until(() ->
                                published.stream().anyMatch(m -> m.channel().equals(Channels.SESSION_STARTED)));
                String session = published.stream()
                        .filter(m -> m.channel().equals(Channels.SESSION_STARTED))
                        .findFirst()
                        .orElseThrow()
                        .text();
                assertThat(Json.read(session)
                                .path("session")
                                .path("trigger_type")
                                .asText())
                        .isEqualTo("manual");
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> published.stream()
                                        .filter(m -> m.channel().equals(Channels.BARS_STREAMING))
                                        .flatMap(m -> EndToEndTest.bars(Json.read(m.text())))
                                        .count()
                                >= 2);

                assertThat(AppHttp.post(app.port(), "/streaming/api/admin/session/stop", cookie)
                                .statusCode())
                        .isEqualTo(202);
                await().atMost(Duration.ofSeconds(10))
                        .until(() ->
                                published.stream().anyMatch(m -> m.channel().equals(Channels.SESSION_STOPPED)));
                String stopped = published.stream()
                        .filter(m -> m.channel().equals(Channels.SESSION_STOPPED))
                        .findFirst()
                        .orElseThrow()
                        .text();
                assertThat(Json.read(stopped)
                                .path("session")
                                .path("final_status")
                                .asText())
                        .isEqualTo("stopped");
                stop.set(true);
                feed.get();
            }
            client.shutdown();
        }
    }
}
