package io.tickstock.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.patterns.Detection;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Forward returns with their base rate, edge and interval, worked by hand on six bars. */
class ForwardReturnsTest {
    static List<Bar> closes(double... closes) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < closes.length; i++)
            bars.add(SimulationTest.bar(i, closes[i], closes[i], closes[i], closes[i]));
        return bars;
    }

    static Map<String, Object> row(List<Map<String, Object>> table, String direction, int horizon) {
        return table.stream()
                .filter(r -> r.get("direction").equals(direction)
                        && r.get("horizon_bars").equals(horizon))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theBaseRateCountsEveryBarTheSameWay() {
        // closes 100, 101, 100, 102, 103, 101: one-bar moves up, down, up, up, down → 3 of 5 bars rise, 2 fall
        List<Bar> bars = closes(100, 101, 100, 102, 103, 101);
        List<List<Detection>> d = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++)
            d.add(
                    i == 0 || i == 2
                            ? List.of(SimulationTest.signal("bullish"))
                            : i == 1 ? List.of(SimulationTest.signal("bearish")) : List.of());
        ForwardReturns f = new ForwardReturns(PatternFilter.of(List.of("all")));
        f.add("SPY", bars, d);
        var table = f.table();
        Map<String, Object> bull = row(table, "bullish", 1);
        assertThat(bull.get("count")).isEqualTo(2L); // bars 0 (→101) and 2 (→102): both up
        assertThat(bull.get("hit_rate")).isEqualTo(1.0);
        assertThat(bull.get("base_hit_rate")).isEqualTo(0.6); // 3 rises of 5
        assertThat((double) bull.get("edge")).isCloseTo(0.4, within(1e-12));
        assertThat((double) bull.get("hit_rate_low")).isCloseTo(HitRate.of(2, 2).low(), within(1e-12));
        Map<String, Object> bear = row(table, "bearish", 1);
        assertThat(bear.get("hit_rate")).isEqualTo(1.0); // bar 1: 101 → 100
        assertThat(bear.get("base_hit_rate")).isEqualTo(0.4); // 2 falls of 5
        Map<String, Object> bull20 = row(table, "bullish", 20);
        assertThat(bull20.get("count")).isEqualTo(0L);
        assertThat(bull20.get("base_hit_rate")).isNull();
        assertThat(bull20.get("edge")).isNull();
    }

    @Test
    void aSplitGapEndsEveryHorizonThatSpansIt() {
        List<Bar> bars = closes(100, 101, 50.4, 50.6, 50.2, 50.8);
        List<List<Detection>> d = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) d.add(i == 1 ? List.of(SimulationTest.signal("bullish")) : List.of());
        BitSet gaps = new BitSet();
        gaps.set(2);
        ForwardReturns f = new ForwardReturns(PatternFilter.of(List.of("all")));
        f.add("SPY", bars, d, gaps);
        Map<String, Object> bull = row(f.table(), "bullish", 1);
        assertThat(bull.get("count")).isEqualTo(0L); // bar 1 → bar 2 spans the gap
        assertThat(bull.get("base_hit_rate")).isEqualTo(0.75); // 0→1, 2→3, 4→5 rise, 3→4 falls; 1→2 not counted
    }
}
