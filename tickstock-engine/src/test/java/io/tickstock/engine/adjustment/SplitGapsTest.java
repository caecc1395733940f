package io.tickstock.engine.adjustment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickstock.engine.MarketData;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.bars.MarketSession;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which overnight gaps of raw bars are taken for splits. */
class SplitGapsTest {
    static final long DAY0 = 1_402_061_400_000L; // 2014-06-06 09:30 New York

    static Bar bar(long startMillis, double open, double close) {
        return new Bar(
                "AAPL",
                startMillis,
                open,
                Math.max(open, close),
                Math.min(open, close),
                close,
                100,
                close,
                1,
                MarketSession.REGULAR);
    }

    @Test
    void anOvernightGapNearASplitRatioIsOneAndOtherMovesAreNot() {
        long day = 86_400_000L, monday = DAY0 + 3 * day;
        List<Bar> bars = List.of(
                bar(DAY0, 640, 645.57),
                bar(monday, 92.69, 93.0), // 645.57 → 92.69: ratio 0.1436, × 7 = 1.005 → 7:1
                bar(monday + 60_000, 46, 46.5), // −50 % inside one day: not overnight
                bar(monday + day, 32.6, 33), // −30 %: not more than 30 %
                bar(monday + 2 * day, 19.8, 20), // −40 %: ratio 0.6, near no split (× 2 = 1.2, × 3/2 = 0.9)
                bar(monday + 3 * day, 200, 201)); // × 10: a 1:10 reverse split
        List<SplitGap> gaps = SplitGaps.find(bars);
        assertThat(gaps).extracting(SplitGap::index).containsExactly(1, 5);
        assertThat(gaps.getFirst().split()).isEqualTo("7:1");
        assertThat(gaps.getFirst().date()).isEqualTo(LocalDate.of(2014, 6, 9));
        assertThat(gaps.get(1).split()).isEqualTo("1:10");
        assertThat(gaps.getFirst().shareRatio()).isEqualTo(7.0);
        assertThat(gaps.get(1).shareRatio()).isEqualTo(0.1);
        assertThat(gaps.getFirst().describe("AAPL")).contains("-85.6%", "2014-06-09", "7:1", "looks like");
    }

    @Test
    void theFactorFileSaysWhichGapsAreSplits() throws IOException {
        long day = 86_400_000L, monday = DAY0 + 3 * day;
        FactorFile aapl = FactorFile.find(MarketData.root(), "AAPL").orElseThrow();
        List<Bar> bars = List.of(bar(DAY0, 640, 645.57), bar(monday, 92.69, 93.0), bar(monday + day, 60, 61));
        List<SplitGap> splits = SplitGaps.recorded(bars, aapl);
        assertThat(splits).singleElement().satisfies(g -> {
            assertThat(g.index()).isEqualTo(1);
            assertThat(g.shareRatio()).isCloseTo(7.0, within(1e-4));
            assertThat(g.split()).isEqualTo("7:1");
            assertThat(g.recorded()).isTrue();
        }); // the −35 % of the next day is a move, not a split: the factor file records none
    }

    @Test
    void nearestSplitTakesTheClosestRatioWithinTheTolerance() {
        assertThat(SplitGaps.nearestSplit(0.5)).containsExactly(2, 1);
        assertThat(SplitGaps.nearestSplit(0.667)).containsExactly(3, 2);
        assertThat(SplitGaps.nearestSplit(0.26)).containsExactly(4, 1);
        assertThat(SplitGaps.nearestSplit(0.42)).isNull(); // between 2:1 (ln 0.84) and 3:1 (ln 1.26)
    }
}
