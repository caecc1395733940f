package io.tickstock.bench;

import io.tickstock.cli.EmbeddedKafka;
import io.tickstock.cli.EmbeddedPostgresServer;
import io.tickstock.cli.EmbeddedRedis;
import io.tickstock.engine.Engine;
import io.tickstock.engine.EngineConfig;
import io.tickstock.engine.ReplayClock;
import io.tickstock.engine.SessionOwner;
import io.tickstock.engine.feed.SyntheticTrades;
import io.tickstock.engine.kafka.GroupProgress;
import io.tickstock.engine.kafka.Ingest;
import io.tickstock.engine.kafka.TradeLogWriter;
import io.tickstock.engine.kafka.TradeRecords;
import io.tickstock.engine.session.FinalStatus;
import io.tickstock.engine.session.SessionTrigger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scale-out's throughput on this machine: for each engine count, {@code engines} engines of the consumer group
 * (in this process, each with its own Redis publisher, PostgreSQL writer and partition threads) read what ingest
 * writes of a seeded synthetic universe ({@code symbols} symbols, the first {@code minutes} minutes of a session) as
 * fast as ingest can write it (an embedded Kafka broker, Redis and PostgreSQL; every row written). Measured: from the
 * session's start until the group has committed the end of the log (every row durable), so trades/s is what the
 * engines sustain; the lag is the records written but not yet committed, sampled every 250 ms. A 5-minute run with
 * one engine warms the process up first and is not reported.
 */
final class ScaleOutBench {
    private ScaleOutBench() {}

    static Map<String, Object> run(List<Integer> engineCounts, int symbols, int minutes, Path work) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> universe = new ArrayList<>();
        for (int i = 1; i <= symbols; i++) universe.add(String.format("S%04d", i));
        LocalDate day = LocalDate.of(2024, 3, 4);
        try (EmbeddedKafka kafka = new EmbeddedKafka(work.resolve("kafka"));
                EmbeddedRedis redis = new EmbeddedRedis(0);
                EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(work.resolve("pg"), true, 0)) {
            EngineConfig base = EngineConfig.builder(redis.url(), postgres.databaseUrl())
                    .universe("synthetic:bench-" + symbols)
                    .spool(work.resolve("spool"), 256L << 20)
                    .build();
            try (TradeLogWriter log =
                    new TradeLogWriter(kafka.connection(), TradeRecords.TOPIC, TradeRecords.DEFAULT_PARTITIONS)) {
                once(1, universe, day, Math.min(minutes, 5), base, kafka, log); // warm-up: JIT, pools, the group
                for (int n : engineCounts) out.put(n + "_engines", once(n, universe, day, minutes, base, kafka, log));
            }
        }
        return out;
    }

    private static Map<String, Object> once(
            int engines,
            List<String> universe,
            LocalDate day,
            int minutes,
            EngineConfig base,
            EmbeddedKafka kafka,
            TradeLogWriter log)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Engine> running = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        start(engines, base, kafka, stop, running, threads);
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            measure(universe, day, minutes, base, kafka, log, result);
        } finally {
            stop.set(true);
            for (Thread t : threads) t.join(30_000);
            for (Engine e : running) e.close();
        }
        System.err.println(engines + " engines: " + result);
        return result;
    }

    /** Starts {@code engines} engines reading the log on their own threads. */
    private static void start(
            int engines,
            EngineConfig base,
            EmbeddedKafka kafka,
            AtomicBoolean stop,
            List<Engine> running,
            List<Thread> threads) {
        for (int i = 1; i <= engines; i++) {
            String id = "bench-" + engines + "-" + i;
            Engine e = new Engine(base.toBuilder().engineId(id).build().spoolIn(id), System::currentTimeMillis).start();
            running.add(e);
            threads.add(
                    Thread.ofPlatform().name("consumer-" + id).start(() -> e.consume(kafka.connection(), stop::get)));
        }
    }

    /** One ingest of the synthetic session and its wait for the group; the figures go to {@code result}. */
    private static void measure(
            List<String> universe,
            LocalDate day,
            int minutes,
            EngineConfig base,
            EmbeddedKafka kafka,
            TradeLogWriter log,
            Map<String, Object> result)
            throws Exception {
        try (SessionOwner owner = new SessionOwner(base.spoolIn("ingest"), System::currentTimeMillis);
                GroupProgress group = new GroupProgress(kafka.connection(), TradeRecords.TOPIC, TradeRecords.GROUP);
                SyntheticTrades feed = new SyntheticTrades(universe, day, 42)) {
            long start = System.nanoTime();
            String sessionId =
                    owner.start(universe.size(), SessionTrigger.REPLAY).id();
            log.session(sessionId);
            AtomicLong maxLag = new AtomicLong();
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    maxLag.accumulateAndGet(group.behind()[1], Math::max);
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException x) {
                        return;
                    }
                }
            });
            long trades = Ingest.replay(
                    feed,
                    log,
                    new ReplayClock(feed.openMillis(), Double.POSITIVE_INFINITY),
                    feed.openMillis() + minutes * 60_000L,
                    () -> false,
                    sessionId);
            double written = (System.nanoTime() - start) / 1e9;
            long lagAtEnd = group.behind()[1];
            group.awaitConsumed(() -> false, System.err::println);
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            var end = owner.stop(FinalStatus.COMPLETED);
            result.put("trades", trades);
            result.put("ingest_seconds", Math.round(written * 10) / 10.0);
            result.put("seconds", Math.round(seconds * 10) / 10.0);
            result.put("trades_per_sec", Math.round(trades / seconds));
            result.put("lag_records_when_ingest_ended", lagAtEnd);
            result.put("max_lag_records", maxLag.get());
            result.put("patterns", end.totalPatterns());
            result.put("indicator_values", end.totalIndicators());
        }
    }
}
