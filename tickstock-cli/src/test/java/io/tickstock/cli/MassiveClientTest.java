package io.tickstock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickstock.engine.feed.MassiveClient;
import io.tickstock.engine.feed.MassiveFlatFile;
import io.tickstock.engine.feed.MassiveSubscription;
import io.tickstock.engine.feed.TradeSource;
import io.tickstock.engine.trades.Trade;
import io.tickstock.engine.trades.TradeConditions;
import io.tickstock.engine.trades.TradeUpdates;
import io.tickstock.testkit.FakeMassiveServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Massive client against the fake Massive server: handshake, faults, frames. */
class MassiveClientTest {
    static final Path SAMPLE = Path.of(System.getProperty("tickstock.data.dir", "../../shared/data"))
            .resolve("massive/us_stocks_sip/trades_v1/2023/03/2023-03-28.csv.gz");
    static final String KEY = "test-key";
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<AutoCloseable> open = new ArrayList<>();

    final MassiveClient.Listener listener = new MassiveClient.Listener() {
        @Override
        public void onConnectionLost(String reason) {
            events.add("lost");
        }

        @Override
        public void onConnectionRestored(long downMillis) {
            events.add("restored");
        }

        @Override
        public void onFatal(String status, String message) {
            events.add(status);
        }
    };

    static Supplier<TradeSource> sample() {
        return () -> {
            try {
                return new MassiveFlatFile(SAMPLE, null, TradeConditions.bundled());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    FakeMassiveServer server(Supplier<TradeSource> trades) {
        FakeMassiveServer s = new FakeMassiveServer(0, KEY, trades, Double.POSITIVE_INFINITY);
        open.add(s);
        return s;
    }

    MassiveClient client(FakeMassiveServer s, String key, String topics) {
        MassiveClient c = new MassiveClient(
                        new MassiveSubscription(URI.create(s.url()), key, List.of(topics.split(",")), 1_000),
                        TradeConditions.bundled(),
                        listener)
                .start();
        open.add(0, c);
        return c;
    }

    static TradeSource none() {
        return new TradeSource() {
            @Override
            public Trade next() {
                return null;
            }

            @Override
            public long malformed() {
                return 0;
            }

            @Override
            public void close() {}
        };
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    @Test
    void handshakeSubscribesAndReceivesTheReplayedTrades() throws Exception {
        FakeMassiveServer s = server(sample());
        MassiveClient c = client(s, KEY, "T.MSFT");
        List<Trade> got = new ArrayList<>();
        for (int i = 0; i < 10; i++) got.add(c.poll(10, TimeUnit.SECONDS));
        assertThat(s.subscribeRequests()).containsExactly("T.MSFT");
        assertThat(got)
                .doesNotContainNull()
                .allSatisfy(t -> assertThat(t.symbol()).isEqualTo("MSFT"));
        assertThat(got.get(0).price()).isEqualTo(276.16);
        assertThat(got.get(0).timeMillis()).isEqualTo(1_679_990_400_018L);
        assertThat(c.malformed()).isEmpty();
        assertThat(c.sequenceRegressions()).isZero();
    }

    @Test
    @SuppressWarnings("FutureReturnValueIgnored") // the tasks only occupy the common pool until released
    void theHandshakeDoesNotWaitForABusyCommonPool() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        int workers = java.util.concurrent.ForkJoinPool.getCommonPoolParallelism();
        for (int i = 0; i < workers; i++) {
            java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            FakeMassiveServer s = server(MassiveClientTest::none);
            client(s, KEY, "T.*");
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !s.subscribeRequests().isEmpty());
        } finally {
            release.countDown();
        }
    }

    @Test
    void conditionRulesLoadFromTheReferenceEndpointKeepingTheMinuteException() {
        FakeMassiveServer s = server(MassiveClientTest::none);
        assertThat(io.tickstock.engine.feed.MassiveReference.restBase(URI.create(s.url()))
                        .toString())
                .isEqualTo(s.restUrl());
        assertThat(io.tickstock.engine.feed.MassiveReference.restBase(URI.create("wss://socket.massive.com/stocks")))
                .hasToString("https://api.massive.com");
        TradeConditions rules = io.tickstock.engine.feed.MassiveReference.conditions(URI.create(s.restUrl()), KEY)
                .orElseThrow();
        assertThat(rules.source()).startsWith("massive reference (");
        assertThat(rules.minuteUpdates(new int[] {12}))
                .as("extended hours update minute bars")
                .isEqualTo(TradeUpdates.ALL);
        assertThat(rules.minuteUpdates(new int[] {12, 37})).isEqualTo(TradeUpdates.VOLUME);
        assertThat(io.tickstock.engine.feed.MassiveReference.conditions(URI.create(s.restUrl()), "wrong"))
                .isEmpty();
        assertThat(io.tickstock.engine.feed.MassiveReference.conditions(URI.create("http://127.0.0.1:1"), KEY))
                .isEmpty();
    }

    @Test
    void aBadKeyStopsTheClientWithAuthFailed() {
        FakeMassiveServer s = server(MassiveClientTest::none);
        MassiveClient c = client(s, "wrong", "T.*");
        await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("auth_failed"));
        assertThat(c.failed()).isTrue();
        assertThat(s.subscribeRequests()).isEmpty();
    }

    @Test
    void reconnectsReauthenticatesAndResubscribesAfterAServerSideDisconnect() {
        FakeMassiveServer s = server(MassiveClientTest::none);
        MassiveClient c = client(s, KEY, "T.AAPL,T.MSFT");
        await().atMost(Duration.ofSeconds(10)).until(() -> s.subscribeRequests().size() == 1);
        s.dropAll();
        await().atMost(Duration.ofSeconds(15)).until(() -> s.subscribeRequests().size() == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("restored"));
        assertThat(events).containsExactly("lost", "restored");
        assertThat(s.subscribeRequests()).containsExactly("T.AAPL,T.MSFT", "T.AAPL,T.MSFT");
        assertThat(c.reconnects()).isEqualTo(1);
    }

    @Test
    void mixedMalformedAndOutOfSequenceFramesAreCountedNotFatal() throws Exception {
        FakeMassiveServer s = server(MassiveClientTest::none);
        MassiveClient c = client(s, KEY, "T.*");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> s.connections() == 1 && !s.subscribeRequests().isEmpty());
        s.broadcast("not json");
        s.broadcast("{\"ev\":\"T\"}");
        s.broadcast("[{\"ev\":\"T\",\"sym\":\"AAPL\",\"p\":-1,\"s\":1,\"t\":1}]");
        s.broadcast("[{\"ev\":\"T\",\"sym\":\"AAPL\",\"p\":190.5,\"s\":100,\"c\":[37],\"t\":1700000000000,\"q\":1},"
                + "{\"ev\":\"status\",\"status\":\"success\",\"message\":\"x\"},"
                + "{\"ev\":\"AM\",\"sym\":\"AAPL\",\"o\":1,\"h\":1,\"l\":1,\"c\":1,\"v\":1,\"s\":1699999940000},"
                + "{\"ev\":\"T\",\"sym\":\"AAPL\",\"p\":190.6,\"s\":100,\"t\":1700000000001,\"q\":5},"
                + "{\"ev\":\"T\",\"sym\":\"AAPL\",\"p\":190.7,\"s\":100,\"t\":1700000000002,\"q\":4}]");
        Trade first = c.poll(10, TimeUnit.SECONDS);
        assertThat(first.price()).isEqualTo(190.5);
        assertThat(first.updates()).as("odd lot").isEqualTo(TradeUpdates.VOLUME);
        assertThat(c.poll(1, TimeUnit.SECONDS).price()).isEqualTo(190.6);
        assertThat(c.poll(1, TimeUnit.SECONDS).price()).isEqualTo(190.7);
        assertThat(c.malformed())
                .hasSize(3)
                .containsKeys("frame is not a JSON array", "trade event missing sym, p, s or t");
        assertThat(c.malformed().keySet()).anyMatch(reason -> reason.startsWith("unreadable JSON"));
        assertThat(c.sequenceGaps()).isEqualTo(1);
        assertThat(c.sequenceRegressions()).isEqualTo(1);
        assertThat(c.authenticated()).isTrue();
    }

    @Test
    void aTradeStampedTooFarInTheFutureIsRefusedAndCounted() throws Exception {
        FakeMassiveServer s = server(MassiveClientTest::none);
        MassiveClient c = client(s, KEY, "T.*");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> s.connections() == 1 && !s.subscribeRequests().isEmpty());
        long now = System.currentTimeMillis();
        s.broadcast("[{\"ev\":\"T\",\"sym\":\"AAPL\",\"p\":190.5,\"s\":100,\"t\":4102444800000,\"q\":1},"
                + "{\"ev\":\"T\",\"sym\":\"AAPL\",\"p\":190.6,\"s\":100,\"t\":" + (now + 60_000) + ",\"q\":2},"
                + "{\"ev\":\"T\",\"sym\":\"AAPL\",\"p\":190.7,\"s\":100,\"t\":" + (now + 1_000) + ",\"q\":3}]");
        Trade t = c.poll(10, TimeUnit.SECONDS);
        assertThat(t.price()).as("only the trade within 5 s of the clock").isEqualTo(190.7);
        assertThat(c.futureTrades()).isEqualTo(2);
        assertThat(c.malformed()).isEmpty();
    }

    @Test
    void aSecondConnectionWithTheSameKeyEndsTheFirstWithMaxConnections() {
        FakeMassiveServer s = server(MassiveClientTest::none);
        client(s, KEY, "T.*");
        await().atMost(Duration.ofSeconds(10)).until(() -> s.connections() == 1);
        MassiveClient second = new MassiveClient(
                        new MassiveSubscription(URI.create(s.url()), KEY, List.of("T.*"), 10),
                        TradeConditions.bundled(),
                        new MassiveClient.Listener() {
                            @Override
                            public void onConnectionLost(String reason) {}

                            @Override
                            public void onConnectionRestored(long downMillis) {}

                            @Override
                            public void onFatal(String status, String message) {}
                        })
                .start();
        open.add(0, second);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("max_connections"));
        assertThat(events).doesNotContain("lost");
    }
}
