package io.tickstock.engine.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.engine.MarketData;
import io.tickstock.engine.bars.Bar;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternConfidenceTest {
    @Test
    void boundedAndMonotoneInMarginTrendAndStrength() {
        double previous = -1;
        for (double m = 0; m <= 1.0001; m += 0.05) {
            double c = PatternConfidence.of(100, m, 0.5);
            assertThat(c).isBetween(0.0, 1.0).isGreaterThan(previous);
            previous = c;
        }
        assertThat(PatternConfidence.of(100, 0.5, 0.8)).isGreaterThan(PatternConfidence.of(100, 0.5, 0.2));
        assertThat(PatternConfidence.of(-200, 0.5, 0.5)).isGreaterThan(PatternConfidence.of(-100, 0.5, 0.5));
        assertThat(PatternConfidence.of(200, 5, 5)).isEqualTo(1.0);
        assertThat(PatternConfidence.of(100, -3, -3)).isEqualTo(0.4);
    }

    @Test
    void trendSupportFollowsThePatternKind() {
        assertThat(PatternConfidence.trendSupport(PatternKind.REVERSAL, 100, -0.6))
                .isEqualTo(0.6); // bullish after a fall
        assertThat(PatternConfidence.trendSupport(PatternKind.REVERSAL, 100, 0.6))
                .isZero();
        assertThat(PatternConfidence.trendSupport(PatternKind.CONTINUATION, -100, -0.6))
                .isEqualTo(0.6);
        assertThat(PatternConfidence.trendSupport(PatternKind.INDECISION, 100, -1))
                .isZero();
    }

    @Test
    void everyDetectionOnRecordedDataIsBoundedAndNamed() {
        PatternScanner scanner = new PatternScanner(CandlePatterns.taLib());
        List<Detection> found = new ArrayList<>();
        for (Bar b : MarketData.bars(MarketData.lean("minute/spy/20131008_trade.zip"))) scanner.scan(b, found::add);
        assertThat(found).isNotEmpty().allSatisfy(d -> {
            assertThat(d.confidence()).isBetween(0.4, 1.0);
            assertThat(d.function()).startsWith("CDL");
            assertThat(d.patternType()).matches("[A-Z][A-Za-z]+");
        });
        assertThat(found).extracting(Detection::patternType).contains("Doji");
    }

    @Test
    void aDojiWithZeroBodyClearsItsThresholdFully() {
        CandleHistory h = CandlePatterns.taLib().newHistory();
        for (int i = 0; i < 10; i++) h.add(10, 11, 9, 10.5);
        h.add(10, 10.5, 9.5, 10);
        h.clearMargins();
        assertThat(h.atMost(h.realBody(0), 0.2)).isTrue();
        assertThat(h.margin()).isEqualTo(1.0);
        h.clearMargins();
        assertThat(h.atMost(0.15, 0.2)).isTrue();
        assertThat(h.margin()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-12));
    }
}
