package io.tickstock.cli;

import static org.awaitility.Awaitility.await;

import io.tickstock.app.App;
import io.tickstock.app.AppConfig;
import io.tickstock.contract.Json;
import io.tickstock.engine.Engine;
import io.tickstock.engine.EngineConfig;
import io.tickstock.engine.feed.LeanTickFile;
import io.tickstock.engine.feed.TradeSource;
import io.tickstock.engine.trades.Trade;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hung engine is shown lost: the process runs and its heartbeat thread too, but its feed thread has stopped moving
 * (here a trade source that blocks, as a stuck read would). The heartbeat asserts progress, so the app shows the
 * engine lost, and alive again when the feed moves on.
 */
@Tag("e2e")
class HungEngineTest {
    static final String PASSWORD = "hung-engine-password";

    @TempDir
    Path tmp;

    /** SPY's trades of 2013-10-08 until {@code blockAfter} have been read, then nothing until released. */
    static final class StallingSource implements TradeSource {
        final LeanTickFile file;
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicLong read = new AtomicLong();
        final long blockAfter;
        volatile long blockedAtNanos;

        StallingSource(Path file, long blockAfter) throws IOException {
            this.file = new LeanTickFile(file);
            this.blockAfter = blockAfter;
        }

        @Override
        public @Nullable Trade next() throws IOException {
            if (read.incrementAndGet() == blockAfter) {
                blockedAtNanos = System.nanoTime();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            return file.next();
        }

        @Override
        public long malformed() {
            return file.malformed();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    @Test
    void anEngineWhoseFeedStopsMovingIsShownLostAndBackWhenItMoves() throws Exception {
        Path spy = Path.of(System.getProperty("tickstock.data.dir"), "lean/equity/usa/tick/spy/20131008_trade.zip");
        try (EmbeddedRedis redis = new EmbeddedRedis(0);
                EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(tmp.resolve("pg"), true, 0);
                App app = new App(
                                new AppConfig(redis.url(), postgres.databaseUrl(), "127.0.0.1", 0, 5, PASSWORD),
                                System::currentTimeMillis)
                        .start()) {
            EngineConfig config = EngineConfig.builder(redis.url(), postgres.databaseUrl())
                    .replay(List.of(spy), Double.POSITIVE_INFINITY, LocalTime.of(9, 30), null)
                    .universe("replay:spy")
                    .heartbeatMillis(1_000)
                    .spool(tmp.resolve("spool"), 1 << 20)
                    .build();
            String cookie = Dashboards.login(app.port(), PASSWORD);
            StallingSource source = new StallingSource(spy, 20_000);
            try (Engine engine = new Engine(config, System::currentTimeMillis).start()) {
                long from = LocalDate.of(2013, 10, 8)
                        .atTime(9, 30)
                        .atZone(ZoneId.of("America/New_York"))
                        .toInstant()
                        .toEpochMilli();
                CompletableFuture<?> run = CompletableFuture.runAsync(() -> {
                    try {
                        engine.replay(source, 1, from, Long.MAX_VALUE);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> engineStatus(app, cookie).equals("alive"));
                await().atMost(Duration.ofSeconds(30)).until(() -> source.blockedAtNanos != 0);
                await().atMost(Duration.ofSeconds(15))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> engineStatus(app, cookie).equals("lost"));
                double lostAfter = (System.nanoTime() - source.blockedAtNanos) / 1e9;
                System.out.printf(
                        "feed stalled: the app showed the engine lost after %.1f s (heartbeat 1 s)%n", lostAfter);
                source.release.countDown();
                await().atMost(Duration.ofSeconds(15))
                        .until(() -> engineStatus(app, cookie).equals("alive"));
                run.get();
            }
        }
    }

    static String engineStatus(App app, String cookie) throws Exception {
        return Json.read(Dashboards.get(app.port(), "/streaming/api/status", cookie)
                        .body())
                .path("engine")
                .path("status")
                .asText();
    }
}
