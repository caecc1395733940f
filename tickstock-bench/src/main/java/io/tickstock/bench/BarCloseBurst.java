package io.tickstock.bench;

import io.tickstock.engine.Shards;
import io.tickstock.engine.alerts.Alert;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.bars.MarketSession;
import io.tickstock.engine.health.EngineStats;
import io.tickstock.engine.indicators.Indicator;
import io.tickstock.engine.patterns.Detection;
import io.tickstock.engine.pipeline.AnalyticsListener;
import io.tickstock.engine.pipeline.Pipeline;
import io.tickstock.engine.publish.CommandSink;
import io.tickstock.engine.publish.EventEmitter;
import io.tickstock.engine.publish.RedisPublisher;
import io.tickstock.engine.session.NyseCalendar;
import io.tickstock.engine.session.SessionTrigger;
import io.tickstock.engine.session.StreamingSession;
import io.tickstock.engine.trades.Trade;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The bar-close burst: {@code symbols} symbols, each warmed with {@value #WARM_BARS} seeded random-walk minute bars
 * (past SMA 200's lookback), get one trade in the same minute; one watermark then closes all their bars at once.
 * Measured: from that watermark to the moment Redis has acknowledged the last event (bars, indicator values,
 * patterns, alerts; the engine's default indicators; pipelined by the real {@link RedisPublisher}). Several
 * minutes are closed in a row; also reports the heap used after a full GC (everything warmed, Redis connected). A
 * subscriber listens on every channel throughout ({@link RedisFloor}); after the measured closes, one more close is
 * captured and its exact messages replayed into Redis with no analytics: Redis's own floor for that close.
 *
 * Events go out in the engine's {@code --batch-events} mode (indicator values and patterns in batch messages of up to 50),
 * or one message each with a fourth argument {@code singles}; a fifth gives the analytics shards (default: the available
 * processors, as the engine), closing their symbols' bars at once.
 *
 * <p>Run as its own JVM with a fixed heap: {@code java -Xmx512m … io.tickstock.bench.BarCloseBurst redis://… 10000 5 [batch|singles] [shards]}
 * prints one JSON object {@code {"symbols":…,"burst_ms":[…],"shard_ms":[…],"redis_floor_ms":[…],"events_per_burst":…,"heap_mb":…}}.
 */
public final class BarCloseBurst {
    static final int WARM_BARS = 210;
    static final long OPEN = 1_381_239_000_000L; // 2013-10-08 09:30 New York

    private BarCloseBurst() {}

    public static void main(String[] args) throws Exception {
        String redisUrl = args[0];
        int symbols = Integer.parseInt(args[1]), rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        boolean batch = args.length <= 3 || !args[3].equals("singles");
        int shardCount = args.length > 4
                ? Integer.parseInt(args[4])
                : Runtime.getRuntime().availableProcessors();
        // "none": the shard's work alone, events built and not sent
        @Nullable
        RedisPublisher publisher = redisUrl.equals("none")
                ? null
                : new RedisPublisher(redisUrl, 4_000_000, (down, why) -> {}, ms -> {}).start();
        @Nullable RedisFloor floor = publisher == null ? null : new RedisFloor(redisUrl); // subscribes to every channel
        long[] sent = new long[2]; // commands, payload characters
        List<RedisFloor.Message> captured = new ArrayList<>();
        boolean[] capture = {false};
        CountingSinks nowhere = new CountingSinks();
        CommandSink counted = c -> {
            sent[0]++;
            sent[1] += c.payload().length();
            if (capture[0]) captured.add(new RedisFloor.Message(c.target(), c.payload()));
            return publisher == null ? nowhere.send(c) : publisher.send(c);
        };
        EventEmitter emitter =
                new EventEmitter(counted, new CountingSinks(), new EngineStats(), System::currentTimeMillis, batch);
        emitter.session(
                new StreamingSession("bench:burst", symbols, SessionTrigger.REPLAY, System.currentTimeMillis()));
        Shards pipeline = new Shards(shardCount, Pipeline.Options.defaults(), emitter, bar -> {});
        List<String> names = symbols(symbols);
        double[] price = warm(pipeline, names);

        SplittableRandom random = new SplittableRandom(7);
        double[] ms = new double[rounds], shard = new double[rounds];
        long events = 0, bytes = 0;
        for (int r = 0; r < rounds; r++) {
            long before = publisher == null ? 0 : publisher.published() + publisher.dropped();
            sent[0] = sent[1] = 0;
            long t0 = closeMinute(pipeline, names, price, r, random);
            shard[r] = (System.nanoTime() - t0) / 1e6;
            long target = before + sent[0];
            while (publisher != null && publisher.published() + publisher.dropped() < target)
                LockSupport.parkNanos(20_000);
            ms[r] = (System.nanoTime() - t0) / 1e6;
            events = sent[0];
            bytes = sent[1];
        }
        long heap = heapAfterGc(pipeline);
        double[] floorMs = publisher == null || floor == null
                ? new double[0]
                : floor(publisher, floor, capture, captured, sent, pipeline, names, price, rounds, random);
        if (publisher != null) publisher.close();
        if (floor != null) floor.close();
        print(symbols, ms, shard, floorMs, captured.size(), events, bytes, heap, publisher);
    }

    private static void print(
            int symbols,
            double[] ms,
            double[] shard,
            double[] floorMs,
            int floorMessages,
            long events,
            long bytes,
            long heap,
            @Nullable RedisPublisher publisher) {
        System.out.printf(
                "{\"symbols\":%d,\"burst_ms\":%s,\"shard_ms\":%s,\"redis_floor_ms\":%s,\"floor_messages\":%d,\"events_per_burst\":%d,\"kb_per_burst\":%d,\"heap_mb\":%d,\"dropped\":%d}%n",
                symbols,
                round(ms),
                round(shard),
                round(floorMs),
                floorMessages,
                events,
                bytes >> 10,
                heap >> 20,
                publisher == null ? 0 : publisher.dropped());
    }

    /** Heap used after a full GC, bytes, with {@code reachable} (every symbol's state) still held. */
    private static long heapAfterGc(Object reachable) {
        try {
            System.gc();
            System.gc();
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        } finally {
            Reference.reachabilityFence(reachable);
        }
    }

    /** One more close, captured, then its messages replayed into Redis with no analytics; @return the replays' ms */
    private static double[] floor(
            RedisPublisher publisher,
            RedisFloor floor,
            boolean[] capture,
            List<RedisFloor.Message> captured,
            long[] sent,
            Shards pipeline,
            List<String> names,
            double[] price,
            int rounds,
            SplittableRandom random)
            throws IOException {
        capture[0] = true;
        long target =
                publisher.published() + publisher.dropped() + sentDuring(sent, pipeline, names, price, rounds, random);
        while (publisher.published() + publisher.dropped() < target) LockSupport.parkNanos(20_000);
        double[] ms = new double[Math.max(5, rounds / 2)];
        for (int i = 0; i < ms.length; i++) ms[i] = floor.publish(captured);
        return ms;
    }

    /** Closes minute {@code round} and returns how many commands it sent. */
    private static long sentDuring(
            long[] sent, Shards pipeline, List<String> names, double[] price, int round, SplittableRandom random) {
        sent[0] = sent[1] = 0;
        closeMinute(pipeline, names, price, round, random);
        return sent[0];
    }

    private static String round(double[] values) {
        return Arrays.toString(
                Arrays.stream(values).map(v -> Math.round(v * 10) / 10.0).toArray());
    }

    /** {@code n} symbol names S0, S1, … (base 36). */
    public static List<String> symbols(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) names.add("S" + Integer.toString(i, 36).toUpperCase(Locale.ROOT));
        return names;
    }

    /**
     * Closes minute {@code round} after the warm-up for every symbol: four trades each (open, high, low, close,
     * drawn like the warm-up bars, so the closing candles are ordinary ones and not flat one-trade bars that
     * every doji-family pattern matches) and then the watermark past the minute's grace, which closes all
     * their bars at once.
     *
     * @return {@link System#nanoTime()} just before the watermark
     */
    public static long closeMinute(
            Shards pipeline, List<String> names, double[] price, int round, SplittableRandom random) {
        long minute = minuteStart(WARM_BARS + round);
        for (int i = 0; i < names.size(); i++) {
            double open = price[i], close = open * (1 + random.nextGaussian() * 0.002);
            double high = Math.max(open, close) * (1 + random.nextDouble() * 0.001),
                    low = Math.min(open, close) * (1 - random.nextDouble() * 0.001);
            price[i] = close;
            String symbol = names.get(i);
            pipeline.onTrade(new Trade(symbol, minute + 1_000, cents(open), 100 + random.nextInt(5_000), true));
            pipeline.onTrade(new Trade(symbol, minute + 20_000, cents(high), 100 + random.nextInt(5_000), true));
            pipeline.onTrade(new Trade(symbol, minute + 40_000, cents(low), 100 + random.nextInt(5_000), true));
            pipeline.onTrade(new Trade(symbol, minute + 59_000, cents(close), 100 + random.nextInt(5_000), true));
        }
        pipeline.drain(); // the trades are in their bars before the clock starts
        long t0 = System.nanoTime();
        pipeline.onWatermark(minute + Bar.MINUTE + 2_000); // the grace after the minute: every bar closes
        pipeline.drain(); // returns when every shard has closed its bars (and queued their events)
        return t0;
    }

    /**
     * The start of the {@code n}-th regular-session minute from 2013-10-08 09:30 New York (epoch ms): 390 a day, going
     * on at 09:30 New York time on the following days, so any number of rounds stays in regular hours (which alone
     * feed the analytics). Weekends are not skipped: the engine's sessions go by time of day.
     */
    static long minuteStart(int n) {
        if (n < SESSION_MINUTES) return OPEN + n * Bar.MINUTE;
        ZonedDateTime open = Instant.ofEpochMilli(OPEN).atZone(NyseCalendar.NEW_YORK);
        return open.plusDays(n / SESSION_MINUTES).toInstant().toEpochMilli() + (n % SESSION_MINUTES) * Bar.MINUTE;
    }

    private static final int SESSION_MINUTES = 390;

    private static double cents(double price) {
        return Math.round(price * 100) / 100.0;
    }

    /** Seeded random-walk bars through every symbol's analytics (nothing published); @return the last close per symbol */
    public static double[] warm(Shards pipeline, List<String> names) {
        SplittableRandom random = new SplittableRandom(42);
        double[] price = new double[names.size()];
        for (int i = 0; i < price.length; i++) price[i] = 10 + random.nextDouble() * 200;
        for (int m = 0; m < WARM_BARS; m++) {
            long start = OPEN + m * Bar.MINUTE;
            for (int i = 0; i < price.length; i++) {
                double open = price[i], close = open * (1 + random.nextGaussian() * 0.002);
                double high = Math.max(open, close) * (1 + random.nextDouble() * 0.001),
                        low = Math.min(open, close) * (1 - random.nextDouble() * 0.001);
                price[i] = close;
                pipeline.warm(
                        new Bar(
                                names.get(i),
                                start,
                                open,
                                high,
                                low,
                                close,
                                1_000 + random.nextInt(50_000),
                                (open + close) / 2,
                                10 + random.nextInt(100),
                                MarketSession.REGULAR),
                        false);
            }
        }
        return price;
    }

    /** A listener that ignores everything (warming, analytics measured alone). */
    public static final AnalyticsListener NO_OP = new AnalyticsListener() {
        @Override
        public void onBar(Bar bar) {}

        @Override
        public void onIndicators(Bar bar, List<Indicator> ready) {}

        @Override
        public void onPattern(Bar bar, Detection detection) {}

        @Override
        public void onAlert(Bar bar, Alert alert) {}
    };
}
