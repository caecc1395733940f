package io.tickstock.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickstock.contract.BacktestParameters;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.patterns.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The summary's benchmark, drawdown duration and per-trade measures against hand-worked examples. */
class StatisticsTest {
    static final long DAY = 86_400_000L;

    static Simulation.EquityPoint at(int day, double equity) {
        return new Simulation.EquityPoint(SimulationTest.T0 + day * DAY, equity);
    }

    static Trade trade(String side, String reason, double pnl) {
        return new Trade(
                "SPY",
                "Hammer",
                "CDLHAMMER",
                side,
                "2013-10-08T13:30:00Z",
                100,
                "2013-10-09T13:30:00Z",
                101,
                10,
                reason,
                0,
                pnl,
                pnl / 1000,
                2);
    }

    @Test
    void theLongestDrawdownRunsFromAPeakToItsRecoveryOrTheEnd() {
        // peak 110 on day 1, regained on day 5 (4 days); new peak 120 on day 6, never regained to day 9 (3 days)
        List<Simulation.EquityPoint> curve =
                List.of(at(0, 100), at(1, 110), at(2, 90), at(4, 105), at(5, 110), at(6, 120), at(9, 119));
        assertThat(Statistics.drawdownDurationDays(curve, 100)).isEqualTo(4.0);
        assertThat(Statistics.drawdownDurationDays(List.of(at(0, 100), at(3, 101)), 100))
                .isZero();
        assertThat(Statistics.drawdownDurationDays(List.of(at(0, 100), at(1, 99), at(8, 99)), 100))
                .isEqualTo(8.0); // below the initial equity from the first point to the end
    }

    @Test
    void expectancyAverageWinAndLossAndTheBreakdowns() {
        List<Trade> trades = List.of(
                trade("long", "take_profit", 300),
                trade("long", "stop_loss", -100),
                trade("short", "stop_loss", -50),
                trade("short", "hold_expired", 0));
        assertThat(TradeBreakdown.expectancy(trades)).isEqualTo(37.5); // 150 / 4
        assertThat(TradeBreakdown.averageWin(trades)).isEqualTo(300.0);
        assertThat(TradeBreakdown.averageLoss(trades)).isEqualTo(-50.0); // (−100 − 50 + 0) / 3
        var bySide = TradeBreakdown.by(trades, Trade::side);
        assertThat(bySide.keySet()).containsExactly("long", "short");
        assertThat(bySide.get("long")).isEqualTo(new TradeBreakdown.Group(2, 0.5, 200));
        assertThat(bySide.get("short")).isEqualTo(new TradeBreakdown.Group(2, 0, -50));
        assertThat(TradeBreakdown.by(trades, Trade::exitReason).get("stop_loss"))
                .isEqualTo(new TradeBreakdown.Group(2, 0, -150));
        assertThat(TradeBreakdown.averageWin(List.of())).isNull();
    }

    @Test
    void buyAndHoldSplitsTheCapitalEquallyAndPaysTheSameCosts() {
        // 1 % commission, 0.5 % slippage, 10,000 dollars over two symbols: 5,000 each.
        BacktestParameters p = new BacktestParameters(10_000, 0.01, 0.005, 0.1, 0.05, 0.1, 20, true);
        List<Bar> a = List.of(SimulationTest.bar(0, 100, 100, 100, 100), SimulationTest.bar(1, 110, 110, 110, 110));
        List<Bar> b = List.of(SimulationTest.bar(0, 50, 50, 50, 50), SimulationTest.bar(1, 45, 45, 45, 45));
        List<Simulation.Series> series = List.of(
                new Simulation.Series("A", a, List.of(List.of(), List.of())),
                new Simulation.Series("B", b, List.of(List.of(), List.<Detection>of())));
        List<Simulation.EquityPoint> times = List.of(
                new Simulation.EquityPoint(a.get(0).startMillis(), 0),
                new Simulation.EquityPoint(a.get(1).startMillis(), 0));
        Benchmark.Outcome o = Benchmark.buyAndHold(series, p, times);
        // A: fill 100.5, shares floor(5,000 / (100.5 × 1.01)) = 49, cost 49 × 100.5 × 1.01 = 4,973.745
        // B: fill 50.25, shares floor(5,000 / (50.25 × 1.01)) = 98, cost 98 × 50.25 × 1.01 = 4,973.7450
        double cash = 10_000 - 4_973.745 - 4_973.745;
        assertThat(o.curve().getFirst().equity()).isCloseTo(cash + 49 * 100 + 98 * 50, within(1e-9));
        // exits: A 49 × 110 × 0.995 × 0.99 = 5,309.4195; B 98 × 45 × 0.995 × 0.99 = 4,344.0705
        assertThat(o.finalEquity()).isCloseTo(cash + 5_309.4195 + 4_344.0705, within(1e-9));
        assertThat(o.curve().getLast().equity()).isEqualTo(o.finalEquity());
    }

    @Test
    void theSummaryComparesWithTheBenchmark() {
        BacktestParameters p = new BacktestParameters(100_000, 0, 0, 0.1, 0.05, 0.1, 20, true);
        List<Simulation.EquityPoint> curve = new ArrayList<>(List.of(at(0, 100_000), at(1, 95_000), at(2, 103_000)));
        Statistics.Summary s = Statistics.summary(
                p,
                List.of(trade("long", "hold_expired", 3_000)),
                curve,
                110_000,
                curve.getFirst().timeMillis(),
                curve.getLast().timeMillis());
        assertThat(s.totalReturn()).isCloseTo(0.03, within(1e-12));
        assertThat(s.benchmarkReturn()).isCloseTo(0.10, within(1e-12));
        assertThat(s.alpha()).isCloseTo(-0.07, within(1e-12));
        assertThat(s.maxDrawdown()).isCloseTo(0.05, within(1e-12));
        assertThat(s.calmar()).isCloseTo(s.cagr() / 0.05, within(1e-12));
        assertThat(s.maxDrawdownDurationDays()).isEqualTo(2.0);
        assertThat(s.bySide()).containsOnlyKeys("long");
        assertThat(Map.copyOf(s.byExitReason())).containsOnlyKeys("hold_expired");
    }
}
