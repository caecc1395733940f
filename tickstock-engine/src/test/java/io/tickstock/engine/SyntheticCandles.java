package io.tickstock.engine;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.bars.MarketSession;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random candles on a coarse price grid, built to hit the rare and the edge cases of candlestick
 * rules that real data seldom shows: gaps, runs of one color, zero bodies and zero shadows, equal prices.
 */
public final class SyntheticCandles {
    private SyntheticCandles() {}

    public static List<Bar> series(long seed, int length) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Bar> bars = new ArrayList<>(length);
        double tick = 0.05, close = 100;
        int color = 1;
        for (int i = 0; i < length; i++) {
            if (random.nextInt(4) == 0) color = -color; // runs of one color
            double open = close + tick * (random.nextInt(9) == 0 ? random.nextInt(-12, 13) : random.nextInt(-1, 2));
            int bodyTicks = random.nextInt(5) == 0 ? 0 : random.nextInt(1, random.nextInt(3) == 0 ? 40 : 10);
            double c = open + color * bodyTicks * tick;
            double top = Math.max(open, c), bottom = Math.min(open, c);
            double high = top + tick * (random.nextInt(3) == 0 ? 0 : random.nextInt(0, random.nextBoolean() ? 30 : 4));
            double low =
                    bottom - tick * (random.nextInt(3) == 0 ? 0 : random.nextInt(0, random.nextBoolean() ? 30 : 4));
            bars.add(new Bar(
                    "SYN", i * Bar.MINUTE, r(open), r(high), r(low), r(c), 1000, r(c), 1, MarketSession.REGULAR));
            close = c;
        }
        return bars;
    }

    private static double r(double price) {
        return Math.round(price * 100) / 100.0;
    }
}
