package io.tickstock.engine.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.bars.MarketSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricePatternsTest {
    private int minute;

    private Bar bar(double open, double high, double low, double close, long volume) {
        return new Bar("T", minute++ * Bar.MINUTE, open, high, low, close, volume, close, 1, MarketSession.REGULAR);
    }

    /** 20 bars ranging 99–101 with 1,000 shares, highs touching 101 twice. */
    private PricePatterns warmedUp() {
        PricePatterns p = new PricePatterns();
        for (int i = 0; i < PricePatterns.WINDOW; i++) {
            double high = i == 5 || i == 12 ? 101 : 100.6;
            double low = i == 8 || i == 15 ? 99 : 99.4;
            assertThat(p.add(bar(100, high, low, 100, 1_000))).isFalse();
        }
        return p;
    }

    private static List<Detection> scan(PricePatterns p, Bar b) {
        List<Detection> out = new ArrayList<>();
        p.scan(b, out::add);
        return out;
    }

    @Test
    void volumeSpikeAtThreeTimesTheAverage() {
        PricePatterns p = warmedUp();
        assertThat(scan(p, bar(100, 100.5, 99.5, 100.2, 2_999))).isEmpty();
        List<Detection> d = scan(p, bar(100, 100.5, 99.5, 100.2, 6_000));
        assertThat(d).extracting(Detection::patternType).containsExactly("Volume_Spike");
        assertThat(d.get(0).confidence()).isGreaterThan(0.9).isLessThanOrEqualTo(1.0);
        assertThat(d.get(0).direction()).isEqualTo("bullish");
    }

    @Test
    void breakoutAboveATestedResistanceIsBothPriceBreakoutAndResistanceBreak() {
        PricePatterns p = warmedUp();
        List<Detection> d = scan(p, bar(100.5, 101.6, 100.4, 101.5, 1_000));
        assertThat(d).extracting(Detection::patternType).containsExactly("Price_Breakout", "Resistance_Break");
        assertThat(d).allSatisfy(x -> assertThat(x.output()).isEqualTo(100));
        assertThat(scan(p, bar(101.5, 101.58, 101.2, 101.55, 1_000)))
                .as("no repeat without a new break")
                .isEmpty();
    }

    @Test
    void breakdownBelowTheRangeIsABearishBreakout() {
        PricePatterns p = warmedUp();
        List<Detection> d = scan(p, bar(99.5, 99.6, 98.4, 98.5, 1_000));
        assertThat(d).extracting(Detection::patternType).containsExactly("Price_Breakout");
        assertThat(d.get(0).direction()).isEqualTo("bearish");
    }

    @Test
    void supportTestTouchesTheLowAndHolds() {
        PricePatterns p = warmedUp();
        List<Detection> d = scan(p, bar(99.8, 100, 99.05, 99.9, 1_000));
        assertThat(d).extracting(Detection::patternType).containsExactly("Support_Test");
        assertThat(d.get(0).confidence()).isBetween(0.5, 1.0);
    }
}
