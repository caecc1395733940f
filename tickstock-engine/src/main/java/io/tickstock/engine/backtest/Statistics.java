package io.tickstock.engine.backtest;

import io.tickstock.contract.BacktestParameters;
import io.tickstock.contract.IsoTime;
import io.tickstock.engine.session.NyseCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The measures of a backtest, with these conventions: returns are fractions; {@code total_return} = final ÷ initial
 * equity − 1; {@code cagr} = (final ÷ initial)^(1 ÷ years) − 1 with years = calendar days from the first to the last
 * bar ÷ 365.25; {@code sharpe} and {@code sortino} are annualized (× √252) from daily returns of the equity at each New
 * York day's last bar, risk-free rate 0, the standard deviation a sample one, the downside deviation the root mean
 * square of the negative daily returns over all days; {@code max_drawdown} is the largest fall from a peak of the
 * equity curve, a fraction of that peak; {@code exposure} the fraction of bar times with a position open (per pattern
 * and symbol: its bars held ÷ the symbol's bars); {@code profit_factor} = gross profit ÷ gross loss (null without a
 * loss); {@code win_rate} counts trades with a positive P&amp;L; {@code benchmark_return} and {@code benchmark_cagr}
 * are {@link Benchmark}'s buy and hold measured the same way, {@code alpha} = total return − benchmark return;
 * {@code calmar} = CAGR ÷ max drawdown (null without a drawdown); {@code max_drawdown_duration_days} the longest time,
 * in calendar days, from a peak of the equity curve to the point that regained it (or to the curve's end); the trade
 * measures are {@link TradeBreakdown}'s. Pure.
 */
public final class Statistics {
    private Statistics() {}

    /** A drawdown: its depth (fraction of the peak) and the times (ISO-8601 UTC) of its peak and trough. */
    record Drawdown(
            double depth, @Nullable String peak, @Nullable String trough) {}

    /** The job's totals ({@code results.summary}); see the class comment for each measure's convention. */
    public record Summary(
            double initialCapital,
            double finalEquity,
            double totalReturn,
            double cagr,
            double benchmarkReturn,
            double benchmarkCagr,
            double alpha,
            double sharpe,
            double sortino,
            @Nullable Double calmar,
            double maxDrawdown,
            @Nullable String maxDrawdownPeak,
            @Nullable String maxDrawdownTrough,
            double maxDrawdownDurationDays,
            double winRate,
            @Nullable Double profitFactor,
            double expectancy,
            @Nullable Double avgWin,
            @Nullable Double avgLoss,
            double exposure,
            int trades,
            Map<String, TradeBreakdown.Group> bySide,
            Map<String, TradeBreakdown.Group> byExitReason) {}

    /** One pattern on one symbol ({@code results.by_pattern_symbol}). */
    public record PatternSymbol(
            String pattern,
            String symbol,
            int trades,
            double winRate,
            double avgReturn,
            double medianReturn,
            @Nullable Double profitFactor,
            double totalReturn,
            double cagr,
            double sharpe,
            double sortino,
            double maxDrawdown,
            @Nullable String maxDrawdownPeak,
            @Nullable String maxDrawdownTrough,
            double exposure,
            double avgBarsHeld) {}

    /** The job's totals. */
    static Summary summary(
            BacktestParameters p,
            List<Trade> trades,
            List<Simulation.EquityPoint> curve,
            double benchmarkFinal,
            long firstMillis,
            long lastMillis) {
        double pnl = 0;
        for (Trade t : trades) pnl += t.pnl();
        double initial = p.initialCapital(), last = initial + pnl;
        List<Double> daily = dailyReturns(curve, initial);
        Drawdown dd = drawdown(curve, initial);
        double cagr = cagr(initial, last, firstMillis, lastMillis);
        double benchmark = benchmarkFinal / initial - 1;
        return new Summary(
                initial,
                last,
                last / initial - 1,
                cagr,
                benchmark,
                cagr(initial, benchmarkFinal, firstMillis, lastMillis),
                last / initial - 1 - benchmark,
                sharpe(daily),
                sortino(daily),
                dd.depth() == 0 ? null : cagr / dd.depth(),
                dd.depth(),
                dd.peak(),
                dd.trough(),
                drawdownDurationDays(curve, initial),
                winRate(trades),
                profitFactor(trades),
                TradeBreakdown.expectancy(trades),
                TradeBreakdown.averageWin(trades),
                TradeBreakdown.averageLoss(trades),
                exposure(curve, trades),
                trades.size(),
                TradeBreakdown.by(trades, Trade::side),
                TradeBreakdown.by(trades, Trade::exitReason));
    }

    /**
     * The longest time under water, in calendar days: from a peak (the initial equity before the first point) to the
     * first point back at or above it, or to the last point when the curve never regains it; 0 without a fall.
     */
    static double drawdownDurationDays(List<Simulation.EquityPoint> curve, double initial) {
        if (curve.isEmpty()) return 0;
        double peak = initial;
        long peakAt = curve.getFirst().timeMillis(), longest = 0;
        boolean under = false;
        for (Simulation.EquityPoint e : curve) {
            if (e.equity() >= peak) {
                if (under) longest = Math.max(longest, e.timeMillis() - peakAt);
                under = false;
                peak = e.equity();
                peakAt = e.timeMillis();
            } else {
                under = true;
            }
        }
        if (under) longest = Math.max(longest, curve.getLast().timeMillis() - peakAt);
        return longest / 86_400_000.0;
    }

    /**
     * Per pattern × symbol, in order of first trade. Its Sharpe and Sortino come from its realized P&amp;L by day over
     * the job's {@code tradingDays} (days without an exit count as 0).
     */
    static List<PatternSymbol> byPatternAndSymbol(
            BacktestParameters p,
            List<Trade> trades,
            Map<String, Integer> barsBySymbol,
            long firstMillis,
            long lastMillis,
            int tradingDays) {
        Map<String, List<Trade>> groups = new LinkedHashMap<>();
        for (Trade t : trades)
            groups.computeIfAbsent(t.pattern() + "|" + t.symbol(), k -> new ArrayList<>())
                    .add(t);
        List<PatternSymbol> out = new ArrayList<>();
        for (List<Trade> g : groups.values()) {
            double initial = p.initialCapital(), pnl = 0;
            List<Simulation.EquityPoint> curve = new ArrayList<>();
            long held = 0;
            for (Trade t : g) {
                pnl += t.pnl();
                held += t.barsHeld();
                curve.add(new Simulation.EquityPoint(IsoTime.parseMillis(t.exitTime()), initial + pnl));
            }
            List<Double> returns = g.stream().map(Trade::returnPct).sorted().toList();
            Drawdown dd = drawdown(curve, initial);
            List<Double> daily = new ArrayList<>(dailyReturns(curve, initial));
            while (daily.size() < tradingDays) daily.add(0.0); // days without an exit: no realized change
            int bars = barsBySymbol.getOrDefault(g.getFirst().symbol(), 0);
            out.add(new PatternSymbol(
                    g.getFirst().pattern(),
                    g.getFirst().symbol(),
                    g.size(),
                    winRate(g),
                    returns.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                    median(returns),
                    profitFactor(g),
                    pnl / initial,
                    cagr(initial, initial + pnl, firstMillis, lastMillis),
                    sharpe(daily),
                    sortino(daily),
                    dd.depth(),
                    dd.peak(),
                    dd.trough(),
                    bars == 0 ? 0 : (double) held / bars,
                    (double) held / g.size()));
        }
        return out;
    }

    static double median(List<Double> sorted) {
        if (sorted.isEmpty()) return 0;
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double winRate(List<Trade> trades) {
        return trades.isEmpty()
                ? 0
                : (double) trades.stream().filter(t -> t.pnl() > 0).count() / trades.size();
    }

    static @Nullable Double profitFactor(List<Trade> trades) {
        double gain = 0, loss = 0;
        for (Trade t : trades) {
            if (t.pnl() > 0) gain += t.pnl();
            else loss -= t.pnl();
        }
        return loss == 0 ? null : gain / loss;
    }

    static double cagr(double initial, double last, long firstMillis, long lastMillis) {
        double years = Math.max(1, (lastMillis - firstMillis) / 86_400_000.0) / 365.25;
        return last <= 0 ? -1 : Math.pow(last / initial, 1 / years) - 1;
    }

    /** Returns of the equity at each New York day's last point, the first against {@code initial}. */
    static List<Double> dailyReturns(List<Simulation.EquityPoint> curve, double initial) {
        Map<LocalDate, Double> close = new TreeMap<>();
        for (Simulation.EquityPoint e : curve)
            close.put(LocalDate.ofInstant(Instant.ofEpochMilli(e.timeMillis()), NyseCalendar.NEW_YORK), e.equity());
        List<Double> r = new ArrayList<>(close.size());
        double previous = initial;
        for (double e : close.values()) {
            r.add(e / previous - 1);
            previous = e;
        }
        return r;
    }

    static double sharpe(List<Double> daily) {
        if (daily.size() < 2) return 0;
        double mean = daily.stream().mapToDouble(Double::doubleValue).average().orElse(0), v = 0;
        for (double r : daily) v += (r - mean) * (r - mean);
        double sd = Math.sqrt(v / (daily.size() - 1));
        return sd == 0 ? 0 : mean / sd * Math.sqrt(252);
    }

    static double sortino(List<Double> daily) {
        if (daily.isEmpty()) return 0;
        double mean = daily.stream().mapToDouble(Double::doubleValue).average().orElse(0), down = 0;
        for (double r : daily) if (r < 0) down += r * r;
        double dd = Math.sqrt(down / daily.size());
        return dd == 0 ? 0 : mean / dd * Math.sqrt(252);
    }

    static Drawdown drawdown(List<Simulation.EquityPoint> curve, double initial) {
        double peak = initial, worst = 0;
        long peakAt = curve.isEmpty() ? 0 : curve.getFirst().timeMillis(), worstPeak = -1, worstTrough = -1;
        for (Simulation.EquityPoint e : curve) {
            if (e.equity() > peak) {
                peak = e.equity();
                peakAt = e.timeMillis();
            }
            double depth = (peak - e.equity()) / peak;
            if (depth > worst) {
                worst = depth;
                worstPeak = peakAt;
                worstTrough = e.timeMillis();
            }
        }
        return worstTrough < 0
                ? new Drawdown(0, null, null)
                : new Drawdown(worst, IsoTime.format(worstPeak), IsoTime.format(worstTrough));
    }

    /** The fraction of the curve's times with a position open (a difference array over the curve's indices). */
    static double exposure(List<Simulation.EquityPoint> curve, List<Trade> trades) {
        if (curve.isEmpty()) return 0;
        long[] times =
                curve.stream().mapToLong(Simulation.EquityPoint::timeMillis).toArray();
        int[] diff = new int[times.length + 1];
        for (Trade t : trades) {
            int from = firstAtOrAfter(times, IsoTime.parseMillis(t.entryTime()));
            int to = firstAtOrAfter(times, IsoTime.parseMillis(t.exitTime()) + 1); // exclusive
            if (from < to) {
                diff[from]++;
                diff[to]--;
            }
        }
        long open = 0;
        int depth = 0;
        for (int i = 0; i < times.length; i++) if ((depth += diff[i]) > 0) open++;
        return (double) open / times.length;
    }

    private static int firstAtOrAfter(long[] sorted, long t) {
        int i = Arrays.binarySearch(sorted, t);
        if (i < 0) return -i - 1;
        while (i > 0 && sorted[i - 1] == t) i--;
        return i;
    }
}
