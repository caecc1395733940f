package io.tickstock.engine.backtest;

import io.tickstock.contract.BacktestParameters;
import io.tickstock.engine.bars.Bar;
import java.util.ArrayList;
import java.util.List;

/**
 * The buy-and-hold benchmark a backtest is measured against: the initial capital split equally over the job's symbols
 * (those with bars); each share buys at its symbol's first bar open and sells at its last bar close, with the
 * strategy's costs (slippage against the trader and commission on each fill's notional). Shares = floor(allocation ÷
 * (entry fill × (1 + commission rate))); the rest stays cash. Across a split of raw bars the holding is multiplied by
 * the split's new shares per old, as a shareholder's is. Pure.
 */
public final class Benchmark {
    private Benchmark() {}

    /**
     * The benchmark's end and path.
     *
     * @param finalEquity after every exit, dollars
     * @param curve       the benchmark's equity at the strategy curve's times: holdings marked at each bar close, the
     *                    last point after the exits' costs
     */
    public record Outcome(double finalEquity, List<Simulation.EquityPoint> curve) {}

    /** Buy and hold of {@code series} over the times of {@code strategyCurve} (ascending). */
    static Outcome buyAndHold(
            List<Simulation.Series> series, BacktestParameters p, List<Simulation.EquityPoint> strategyCurve) {
        int n = series.size();
        double allocation = p.initialCapital() / n, cash = p.initialCapital();
        double[] shares = new double[n];
        int[] next = new int[n]; // first bar not yet applied
        double[] lastClose = new double[n];
        List<Simulation.EquityPoint> curve = new ArrayList<>(strategyCurve.size());
        for (Simulation.EquityPoint point : strategyCurve) {
            double equity = 0;
            for (int s = 0; s < n; s++) {
                List<Bar> bars = series.get(s).bars();
                while (next[s] < bars.size() && bars.get(next[s]).startMillis() <= point.timeMillis()) {
                    Bar bar = bars.get(next[s]);
                    if (next[s] == 0) {
                        double fill = bar.open() * (1 + p.slippageRate());
                        shares[s] = Math.floor(allocation / (fill * (1 + p.commissionRate())));
                        cash -= shares[s] * fill * (1 + p.commissionRate());
                    } else {
                        shares[s] *= series.get(s).splits().getOrDefault(next[s], 1.0);
                    }
                    lastClose[s] = bar.close();
                    next[s]++;
                }
                equity += shares[s] * lastClose[s];
            }
            curve.add(new Simulation.EquityPoint(point.timeMillis(), cash + equity));
        }
        double exit = 0;
        for (int s = 0; s < n; s++) {
            List<Bar> bars = series.get(s).bars();
            double fill = bars.getLast().close() * (1 - p.slippageRate());
            exit += shares[s] * fill * (1 - p.commissionRate());
        }
        double last = cash + exit;
        if (!curve.isEmpty())
            curve.set(
                    curve.size() - 1, new Simulation.EquityPoint(curve.getLast().timeMillis(), last));
        return new Outcome(last, curve);
    }
}
