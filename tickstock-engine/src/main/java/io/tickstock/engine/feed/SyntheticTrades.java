package io.tickstock.engine.feed;

import io.tickstock.engine.session.NyseCalendar;
import io.tickstock.engine.trades.Trade;
import io.tickstock.engine.trades.TradeUpdates;
import java.time.LocalDate;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Seeded, reproducible synthetic trades for a universe over one regular session (09:30–16:00 New York):
 * per symbol a log-normal starting price ($5–$500) and trade rate, log-normal price moves whose volatility
 * clusters (GARCH(1,1)-style: {@code σ² ← ω + α·r² + β·σ²}), a U-shaped intraday intensity (busy at the
 * open and the close), occasional jumps of 1.5–5 % that trigger patterns and breakouts, cent prices, round
 * lots with some odd lots. The same seed and symbols give the same trades. Trades come out in time order
 * across symbols (ties by symbol index). Not thread-safe.
 */
public final class SyntheticTrades implements TradeSource {
    private static final double SESSION_MINUTES = 390;

    private final PriorityQueue<Symbol> queue = new PriorityQueue<>((a, b) -> a.nextMillis != b.nextMillis
            ? Long.compare(a.nextMillis, b.nextMillis)
            : Integer.compare(a.index, b.index));
    private final long openMillis, closeMillis;

    /** @param symbols the universe; each gets its own random stream derived from {@code seed} */
    public SyntheticTrades(List<String> symbols, LocalDate day, long seed) {
        this.openMillis =
                day.atTime(9, 30).atZone(NyseCalendar.NEW_YORK).toInstant().toEpochMilli();
        this.closeMillis =
                day.atTime(16, 0).atZone(NyseCalendar.NEW_YORK).toInstant().toEpochMilli();
        SplittableRandom root = new SplittableRandom(seed);
        for (int i = 0; i < symbols.size(); i++) {
            Symbol s = new Symbol(symbols.get(i), i, root.split());
            s.schedule(openMillis);
            if (s.nextMillis < closeMillis) queue.add(s);
        }
    }

    /** The session's open, epoch ms. */
    public long openMillis() {
        return openMillis;
    }

    @Override
    public @Nullable Trade next() {
        Symbol s = queue.poll();
        if (s == null) return null;
        Trade t = s.trade();
        s.schedule(s.nextMillis);
        if (s.nextMillis < closeMillis) queue.add(s);
        return t;
    }

    @Override
    public long malformed() {
        return 0;
    }

    @Override
    public void close() {
        queue.clear();
    }

    private final class Symbol {
        final String symbol;
        final int index;
        final SplittableRandom random;
        final double tradesPerMinute;
        double logPrice, variance, lastMinutes;
        long nextMillis;

        Symbol(String symbol, int index, SplittableRandom random) {
            this.symbol = symbol;
            this.index = index;
            this.random = random;
            this.logPrice = Math.log(5) + random.nextDouble() * Math.log(100); // $5–$500
            this.tradesPerMinute = Math.exp(Math.log(5) + random.nextDouble() * Math.log(60)); // 5–300 a minute
            this.variance = 1e-6;
        }

        /** Draws the next trade time after {@code fromMillis} from the U-shaped intensity. */
        void schedule(long fromMillis) {
            double minute = (fromMillis - openMillis) / 60_000.0;
            double u = 1 + 2.5 * (Math.exp(-minute / 25) + Math.exp(-(SESSION_MINUTES - minute) / 25));
            double gapMinutes = -Math.log(1 - random.nextDouble()) / (tradesPerMinute * u);
            nextMillis = fromMillis + Math.max(1, (long) (gapMinutes * 60_000));
        }

        Trade trade() {
            double minutes = (nextMillis - openMillis) / 60_000.0;
            double dt = Math.max(1e-4, minutes - lastMinutes);
            lastMinutes = minutes;
            double r = Math.sqrt(variance * dt) * gaussian();
            if (random.nextDouble() < 0.0004)
                r += (random.nextBoolean() ? 1 : -1) * (0.015 + 0.035 * random.nextDouble());
            variance = 2e-8 + 0.08 * r * r / dt + 0.9 * variance; // volatility clustering, per-minute variance
            variance = Math.min(variance, 4e-4);
            logPrice += r;
            double price = Math.max(0.01, Math.round(Math.exp(logPrice) * 100) / 100.0);
            long size = random.nextInt(10) == 0
                    ? 1 + random.nextInt(99)
                    : 100L * (1 + (long) Math.exp(random.nextDouble() * 3));
            return new Trade(symbol, nextMillis, price, size, TradeUpdates.ALL);
        }

        double gaussian() {
            double u1 = 1 - random.nextDouble(), u2 = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }
    }
}
