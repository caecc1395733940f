package io.tickstock.engine.kafka;

import io.tickstock.engine.ReplayClock;
import io.tickstock.engine.feed.MassiveClient;
import io.tickstock.engine.feed.MassiveReference;
import io.tickstock.engine.feed.MassiveSubscription;
import io.tickstock.engine.feed.TradeSource;
import io.tickstock.engine.trades.ReplayWindow;
import io.tickstock.engine.trades.Trade;
import io.tickstock.engine.trades.TradeConditions;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tickstock ingest}'s loops: a feed read once into the trade log. Watermarks go to every partition at least
 * once a second of wall time (and, for a replay, of event time), so engines close the bars of quiet symbols on time.
 * Runs on the calling thread.
 */
public final class Ingest {
    private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);
    private static final long SECOND_NANOS = 1_000_000_000L;

    private Ingest() {}

    /**
     * Writes the trades of {@code feed} before {@code toMillis} (event time) on the replay clock (those stamped outside
     * the replayed day refused: {@link ReplayWindow}), then the end of the feed (every bar may close): the session end
     * of {@code sessionId}, or without a session a watermark of {@link Long#MAX_VALUE}; and waits for the log's
     * acknowledgments.
     *
     * @param sessionId the session the trades belong to (its session record written before), or null
     * @return the trades written
     * @throws IOException when the feed cannot be read
     * @throws IllegalStateException when Kafka refused a record
     */
    public static long replay(
            TradeSource feed,
            TradeLogWriter log,
            ReplayClock clock,
            long toMillis,
            BooleanSupplier stop,
            @Nullable String sessionId)
            throws IOException {
        long eventTime = Long.MIN_VALUE, lastMark = Long.MIN_VALUE, lastMarkWall = System.nanoTime(), n = 0;
        ReplayWindow window = ReplayWindow.ofDay(clock.startMillis());
        for (Trade t; (t = feed.next()) != null && t.timeMillis() < toMillis && !stop.getAsBoolean(); ) {
            if (!window.accepts(t)) continue;
            while (clock.now() < t.timeMillis()) {
                if (System.nanoTime() - lastMarkWall >= SECOND_NANOS && eventTime != Long.MIN_VALUE) {
                    lastMark = Math.max(eventTime, clock.now());
                    log.watermark(lastMark);
                    lastMarkWall = System.nanoTime();
                }
                clock.pause(t.timeMillis());
            }
            log.write(t);
            n++;
            eventTime = Math.max(eventTime, t.timeMillis());
            if (lastMark == Long.MIN_VALUE
                    || eventTime - lastMark >= 1_000
                    || System.nanoTime() - lastMarkWall >= SECOND_NANOS) {
                log.watermark(eventTime);
                lastMark = eventTime;
                lastMarkWall = System.nanoTime();
            }
        }
        if (sessionId == null) log.watermark(Long.MAX_VALUE);
        else log.endSession(sessionId);
        log.flush();
        return n;
    }

    /**
     * Streams the Massive WebSocket into the log until {@code stop} says so or Massive refuses the key. Once a second
     * a watermark goes to every partition: the newest trade's time plus the wall time since it arrived (event time moves
     * on between trades, as in the live engine). No end-of-feed watermark: another ingest may take over.
     *
     * @return the trades written
     * @throws IllegalStateException when Massive refuses the key or the connection limit is reached, or Kafka refused a
     *                               record
     */
    public static long live(MassiveSubscription massive, TradeLogWriter log, BooleanSupplier stop)
            throws InterruptedException {
        return live(massive, log, stop, now -> true);
    }

    /**
     * {@link #live(MassiveSubscription, TradeLogWriter, BooleanSupplier)} with sessions: {@code session} is asked about
     * ten times a second with the wall clock (epoch ms) whether a session is open, and may start or end one (the
     * caller writes the session record, or the session end); trades and watermarks are written only while
     * it says yes, the others are counted as outside a session.
     */
    /** Logs connection losses and keeps a refusal (status: message) in {@code fatal}; called on the client's thread. */
    private static MassiveClient.Listener listener(AtomicReference<@Nullable String> fatal) {
        return new MassiveClient.Listener() {
            @Override
            public void onConnectionLost(String reason) {
                LOG.warn("Massive connection lost ({}); reconnecting", reason);
            }

            @Override
            public void onConnectionRestored(long downMillis) {
                LOG.info("Massive connection restored after {} ms", downMillis);
            }

            @Override
            public void onFatal(String status, String message) {
                fatal.set(status + ": " + message);
            }
        };
    }

    public static long live(
            MassiveSubscription massive, TradeLogWriter log, BooleanSupplier stop, LongPredicate session)
            throws InterruptedException {
        TradeConditions conditions = MassiveReference.conditions(
                        MassiveReference.restBase(massive.url()), massive.apiKey())
                .orElse(TradeConditions.bundled());
        AtomicReference<@Nullable String> fatal = new AtomicReference<>(); // set on the client's thread
        long n = 0;
        try (MassiveClient c = new MassiveClient(massive, conditions, listener(fatal)).start()) {
            long eventTime = Long.MIN_VALUE, lastTradeWall = System.currentTimeMillis(), lastMarkWall = lastTradeWall;
            long outside = 0, nextAsk = 0;
            boolean open = false;
            while (!stop.getAsBoolean() && fatal.get() == null) {
                Trade t = c.poll(100, TimeUnit.MILLISECONDS);
                long wall = System.currentTimeMillis();
                if (wall >= nextAsk) {
                    nextAsk = wall + 100;
                    open = session.test(wall);
                }
                if (!open) {
                    if (t != null && ++outside % 10_000 == 1)
                        LOG.info("{} trades outside a session so far (not written)", outside);
                    continue;
                }
                if (t != null) {
                    log.write(t);
                    n++;
                    eventTime = Math.max(eventTime, t.timeMillis());
                    lastTradeWall = wall;
                }
                if (wall - lastMarkWall >= 1_000 && eventTime != Long.MIN_VALUE) {
                    log.watermark(eventTime + (wall - lastTradeWall));
                    lastMarkWall = wall;
                }
            }
        }
        log.flush();
        String refused = fatal.get();
        if (refused != null)
            throw new IllegalStateException("Massive refused the stream (" + refused
                    + "): check TICKSTOCK_MASSIVE_API_KEY and that no other client uses the key");
        return n;
    }
}
