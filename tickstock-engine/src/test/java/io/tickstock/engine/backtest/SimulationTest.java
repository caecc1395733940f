package io.tickstock.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickstock.contract.BacktestParameters;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.bars.MarketSession;
import io.tickstock.engine.patterns.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fill and exit rules of {@link Simulation}, one test each, on hand-built bars and signals. */
class SimulationTest {
    static final long T0 = 1_381_224_600_000L; // 2013-10-08 09:30 New York
    /** No costs, 10 % positions, 5 % stop, 10 % target, 20 bars. */
    static final BacktestParameters FREE = new BacktestParameters(100_000, 0, 0, 0.1, 0.05, 0.10, 20, true);

    static Bar bar(int i, double open, double high, double low, double close) {
        return new Bar("SPY", T0 + i * 60_000L, open, high, low, close, 1_000, close, 10, MarketSession.REGULAR);
    }

    static Detection signal(String direction) {
        return new Detection(
                direction.equals("bearish")
                        ? "BearishEngulfing"
                        : direction.equals("bullish") ? "BullishEngulfing" : "Doji",
                direction.equals("neutral") ? "CDLDOJI" : "CDLENGULFING",
                direction.equals("bearish") ? -100 : 100,
                direction,
                0.8,
                Map.of());
    }

    /** Bars with a signal of {@code direction} on bar 0 (so entry at bar 1's open). */
    static List<Trade> run(BacktestParameters p, String direction, Bar... bars) {
        List<List<Detection>> detections = new ArrayList<>();
        for (int i = 0; i < bars.length; i++) detections.add(i == 0 ? List.of(signal(direction)) : List.of());
        return new Simulation(p, PatternFilter.of(List.of("all")))
                .run(List.of(new Simulation.Series("SPY", List.of(bars), detections)), f -> {}, () -> false)
                .trades();
    }

    @Test
    void entersAtTheNextOpenAndSizesOnTheRealizedEquity() {
        List<Trade> t = run(
                FREE, "bullish", bar(0, 99, 101, 98, 100), bar(1, 100, 101, 99, 100.5), bar(2, 100.5, 101, 100, 101));
        assertThat(t).hasSize(1);
        assertThat(t.getFirst().entryPrice()).isEqualTo(100);
        assertThat(t.getFirst().shares()).isEqualTo(100); // floor(0.1 × 100,000 / 100)
        assertThat(t.getFirst().exitReason()).isEqualTo("end_of_data");
        assertThat(t.getFirst().exitPrice()).isEqualTo(101);
        assertThat(t.getFirst().pnl()).isEqualTo(100.0);
    }

    @Test
    void aLaterBarOpeningThroughTheStopFillsAtThatOpen() {
        List<Trade> t =
                run(FREE, "bullish", bar(0, 99, 101, 98, 100), bar(1, 100, 101, 99, 100), bar(2, 90, 91, 89, 90));
        assertThat(t.getFirst().exitReason()).isEqualTo("stop_loss");
        assertThat(t.getFirst().exitPrice()).as("the open, below the 95 stop").isEqualTo(90);
    }

    @Test
    void aLaterBarOpeningThroughTheTargetFillsAtThatOpen() {
        List<Trade> t =
                run(FREE, "bullish", bar(0, 99, 101, 98, 100), bar(1, 100, 101, 99, 100), bar(2, 115, 116, 114, 115));
        assertThat(t.getFirst().exitReason()).isEqualTo("take_profit");
        assertThat(t.getFirst().exitPrice()).isEqualTo(115);
    }

    @Test
    void stopAndTargetInsideOneBarTakeTheStop() {
        List<Trade> t =
                run(FREE, "bullish", bar(0, 99, 101, 98, 100), bar(1, 100, 101, 99, 100), bar(2, 100, 111, 94, 100));
        assertThat(t.getFirst().exitReason()).isEqualTo("stop_loss");
        assertThat(t.getFirst().exitPrice()).isCloseTo(95, within(1e-9));
    }

    @Test
    void theEntryBarsRangeAfterTheOpeningFillCounts() {
        List<Trade> t = run(FREE, "bullish", bar(0, 99, 101, 98, 100), bar(1, 100, 112, 99, 111));
        assertThat(t.getFirst().exitReason()).isEqualTo("take_profit");
        assertThat(t.getFirst().exitPrice()).isCloseTo(110, within(1e-9));
        assertThat(t.getFirst().barsHeld()).isEqualTo(1);
    }

    @Test
    void theHoldExpiresAtTheCloseOfItsLastBarTheEntryBarCounting() {
        BacktestParameters three = new BacktestParameters(100_000, 0, 0, 0.1, 0.05, 0.10, 3, true);
        List<Trade> t = run(
                three,
                "bullish",
                bar(0, 99, 101, 98, 100),
                bar(1, 100, 101, 99, 100),
                bar(2, 100, 101, 99, 100.2),
                bar(3, 100.2, 101, 99, 100.7),
                bar(4, 100.7, 101, 99, 100.9));
        assertThat(t.getFirst().exitReason()).isEqualTo("hold_expired");
        assertThat(t.getFirst().exitTime()).isEqualTo(io.tickstock.contract.IsoTime.format(T0 + 3 * 60_000L));
        assertThat(t.getFirst().exitPrice()).isEqualTo(100.7);
        assertThat(t.getFirst().barsHeld()).isEqualTo(3);
    }

    @Test
    void aBearishSignalSellsShortTheMirrorOfALong() {
        List<Trade> t =
                run(FREE, "bearish", bar(0, 101, 102, 99, 100), bar(1, 100, 101, 99, 100), bar(2, 100, 100.5, 89, 92));
        assertThat(t.getFirst().side()).isEqualTo("short");
        assertThat(t.getFirst().exitReason()).isEqualTo("take_profit");
        assertThat(t.getFirst().exitPrice()).isCloseTo(90, within(1e-9));
        assertThat(t.getFirst().pnl()).isCloseTo(100 * 10.0, within(1e-9));
        BacktestParameters longOnly = new BacktestParameters(100_000, 0, 0, 0.1, 0.05, 0.10, 20, false);
        assertThat(run(longOnly, "bearish", bar(0, 101, 102, 99, 100), bar(1, 100, 101, 99, 100)))
                .isEmpty();
    }

    @Test
    void indecisionPatternsAreNotTraded() {
        assertThat(run(FREE, "neutral", bar(0, 100, 101, 99, 100), bar(1, 100, 101, 99, 100)))
                .isEmpty();
    }

    @Test
    void slippageMovesEveryFillAgainstTheTraderAndCommissionIsChargedOnEach() {
        BacktestParameters costly = new BacktestParameters(100_000, 0.001, 0.01, 0.1, 0.05, 0.10, 20, true);
        Trade t = run(costly, "bullish", bar(0, 99, 101, 98, 100), bar(1, 100, 101, 99, 100), bar(2, 100, 101, 99, 101))
                .getFirst();
        assertThat(t.entryPrice()).isCloseTo(101, within(1e-9));
        assertThat(t.shares()).isEqualTo(99); // floor(10,000 / 101)
        assertThat(t.exitPrice()).isCloseTo(101 * 0.99, within(1e-9));
        double commission = 0.001 * 99 * 101 + 0.001 * 99 * 101 * 0.99;
        assertThat(t.commission()).isCloseTo(commission, within(1e-9));
        assertThat(t.pnl()).isCloseTo((101 * 0.99 - 101) * 99 - commission, within(1e-9));
    }

    @Test
    void signalsWhileInAPositionAreIgnored() {
        Bar[] bars = {
            bar(0, 99, 101, 98, 100), bar(1, 100, 101, 99, 100), bar(2, 100, 101, 99, 100), bar(3, 100, 101, 99, 100)
        };
        List<List<Detection>> detections =
                List.of(List.of(signal("bullish")), List.of(signal("bearish")), List.of(signal("bullish")), List.of());
        List<Trade> t = new Simulation(FREE, PatternFilter.of(List.of("CDLENGULFING")))
                .run(List.of(new Simulation.Series("SPY", List.of(bars), detections)), f -> {}, () -> false)
                .trades();
        assertThat(t).hasSize(1);
        assertThat(t.getFirst().side()).isEqualTo("long");
    }

    @Test
    void theSummarysFinalEquityIsTheCapitalPlusEveryTradesPnl() {
        var results = Backtest.runRaw(
                Map.of("SPY", syntheticDay()),
                PatternFilter.of(List.of("all")),
                BacktestParameters.DEFAULTS,
                f -> {},
                () -> false);
        List<Trade> trades = results.trades();
        double pnl = 0;
        for (Trade t : trades) pnl += t.pnl();
        assertThat(trades).isNotEmpty();
        assertThat(results.summary().finalEquity()).isEqualTo(100_000 + pnl);
        assertThat(results.summary().trades()).isEqualTo(trades.size());
        String json = io.tickstock.contract.Json.write(results);
        assertThat(json)
                .contains("\"final_equity\"", "\"by_pattern_symbol\"", "\"forward_returns\"", "\"equity_curve\"");
    }

    /** 390 minutes of a deterministic zig-zag: enough shapes for some patterns to fire. */
    static List<Bar> syntheticDay() {
        List<Bar> bars = new ArrayList<>();
        double price = 100;
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 390; i++) {
            double open = price, close = price * (1 + (r.nextDouble() - 0.5) * 0.01);
            double high = Math.max(open, close) * (1 + r.nextDouble() * 0.003);
            double low = Math.min(open, close) * (1 - r.nextDouble() * 0.003);
            bars.add(bar(i, open, high, low, close));
            price = close;
        }
        return bars;
    }

    @Test
    void aPositionIsClosedAtTheLastCloseBeforeASplitGapAndNoSignalCrossesIt() {
        Bar[] bars = {
            bar(0, 99, 101, 98, 100),
            bar(1, 100, 101, 99, 100.5),
            bar(2, 100.5, 102, 100, 101),
            bar(3, 50.6, 51, 50, 50.8)
        };
        List<List<Detection>> detections = new ArrayList<>();
        for (int i = 0; i < bars.length; i++) detections.add(i == 0 || i == 2 ? List.of(signal("bullish")) : List.of());
        Map<Integer, Double> splits = Map.of(3, 2.0); // a 2:1 split between bar 2 and bar 3
        List<Trade> t = new Simulation(FREE, PatternFilter.of(List.of("all")))
                .run(List.of(new Simulation.Series("SPY", List.of(bars), detections, splits)), f -> {}, () -> false)
                .trades();
        assertThat(t).hasSize(1); // bar 2's signal would enter after the gap: not taken
        assertThat(t.getFirst().exitReason()).isEqualTo("split_gap");
        assertThat(t.getFirst().exitPrice()).isEqualTo(101);
        assertThat(t.getFirst().pnl()).isEqualTo(100.0); // (101 − 100) × 100 shares, the gap not booked
    }
}
