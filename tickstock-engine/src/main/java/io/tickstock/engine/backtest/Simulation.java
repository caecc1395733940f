package io.tickstock.engine.backtest;

import io.tickstock.contract.BacktestParameters;
import io.tickstock.contract.IsoTime;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.patterns.Detection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Trades the detections of several symbols' bars on one account, in time order, by these rules:
 *
 * <ul>
 *   <li><b>Signals</b>: a bullish detection opens a long, a bearish one a short (when {@link
 *       BacktestParameters#allowShort}); neutral (indecision) patterns are not traded. When several chosen patterns
 *       complete on one bar, the most confident opens the position (ties: the live engine's order). Signals while the
 *       symbol holds a position are ignored; one position per symbol.
 *   <li><b>Entry</b>: at the next bar's open, moved by the slippage against the trader (long: × (1 + slippage),
 *       short: × (1 − slippage)). Shares = floor(max_position_size × realized equity ÷ entry price), the realized
 *       equity being the initial capital plus the closed trades' P&amp;L; no trade when that is 0.
 *   <li><b>Exits</b>, checked on every bar from the entry bar on. Stop and target are set from the entry fill
 *       (long: × (1 − stop_loss_pct) and × (1 + take_profit_pct); short the mirror). On a later bar, an open through
 *       the stop or the target fills at that open. Otherwise (and on the entry bar, whose range after the opening fill
 *       counts) the stop fills at the stop price when the low (short: high) reaches it, the target at the target price
 *       when the high (short: low) reaches it; when both lie inside one bar the stop is taken (conservative: the order
 *       inside a bar is unknown). Otherwise the position closes at the close of its {@code hold_bars}-th bar (the entry
 *       bar is the first), at the close of the symbol's last bar, or at the close of the last bar before a split-like
 *       gap of raw bars ({@code split_gap}; no signal of that bar is taken either). Every exit fill also slips against
 *       the trader.
 *   <li><b>Costs</b>: commission = commission_rate × notional on each fill.
 * </ul>
 *
 * The equity curve marks open positions to each bar's close (one point per distinct bar time). Not thread-safe; one
 * run per instance.
 */
public final class Simulation {
    /**
     * One symbol's input: its bars in time order, per bar the detections it completed, and the splits between raw
     * bars (key {@code g}: a split between bar {@code g − 1} and bar {@code g}, its value new shares per old; no
     * position is held across one).
     */
    public record Series(String symbol, List<Bar> bars, List<List<Detection>> detections, Map<Integer, Double> splits) {
        /** A series without splits (adjusted bars). */
        public Series(String symbol, List<Bar> bars, List<List<Detection>> detections) {
            this(symbol, bars, detections, Map.of());
        }

        /** Whether bar {@code i} is the last before a split. */
        boolean beforeGap(int i) {
            return splits.containsKey(i + 1);
        }
    }

    /** The outcome: trades in exit order, the equity curve, and per symbol the bars spent in a position. */
    public record Outcome(List<Trade> trades, List<EquityPoint> equity, Map<String, Integer> barsInPosition) {}

    /** Mark-to-market equity after the bars that start at {@code timeMillis}, dollars. */
    public record EquityPoint(long timeMillis, double equity) {}

    private static final class Position {
        final Detection signal;
        final boolean isLong;
        final int entryIndex;
        final double entry, stop, target, entryCommission;
        final long shares;

        Position(
                Detection signal,
                boolean isLong,
                int entryIndex,
                double entry,
                long shares,
                double commission,
                BacktestParameters p) {
            this.signal = signal;
            this.isLong = isLong;
            this.entryIndex = entryIndex;
            this.entry = entry;
            this.shares = shares;
            this.entryCommission = commission;
            this.stop = isLong ? entry * (1 - p.stopLossPct()) : entry * (1 + p.stopLossPct());
            this.target = isLong ? entry * (1 + p.takeProfitPct()) : entry * (1 - p.takeProfitPct());
        }

        double unrealized(double price) {
            return (isLong ? price - entry : entry - price) * shares - entryCommission;
        }
    }

    private record Step(long time, int series, int index) {}

    private final BacktestParameters p;
    private final PatternFilter filter;
    private final List<Trade> trades = new ArrayList<>();
    private double realized;

    public Simulation(BacktestParameters parameters, PatternFilter filter) {
        this.p = parameters;
        this.filter = filter;
        this.realized = parameters.initialCapital();
    }

    /**
     * Runs every series; {@code progress} gets the fraction done (0..1) every 1,024 bars and {@code cancelled} is
     * asked as often.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancelled} answers true
     */
    public Outcome run(List<Series> series, DoubleConsumer progress, BooleanSupplier cancelled) {
        List<Step> steps = new ArrayList<>();
        for (int s = 0; s < series.size(); s++)
            for (int i = 0; i < series.get(s).bars().size(); i++)
                steps.add(new Step(series.get(s).bars().get(i).startMillis(), s, i));
        steps.sort(Comparator.comparingLong(Step::time).thenComparingInt(Step::series));
        @Nullable Position[] open = new Position[series.size()];
        @Nullable Detection[] pending = new Detection[series.size()];
        int[] inPosition = new int[series.size()];
        List<EquityPoint> equity = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            Step st = steps.get(k);
            Series s = series.get(st.series());
            Bar bar = s.bars().get(st.index());
            Detection signal = pending[st.series()];
            pending[st.series()] = null;
            if (signal != null && open[st.series()] == null) open[st.series()] = enter(signal, bar, st.index());
            Position pos = open[st.series()];
            if (pos != null) {
                inPosition[st.series()]++;
                if (exit(s, pos, st.index())) open[st.series()] = null;
            }
            if (open[st.series()] == null && st.index() + 1 < s.bars().size() && !s.beforeGap(st.index()))
                pending[st.series()] = choose(s.detections().get(st.index()));
            if (k + 1 == steps.size() || steps.get(k + 1).time() != st.time())
                equity.add(new EquityPoint(st.time(), markToMarket(series, open, st.time())));
            if ((k & 1023) == 0) {
                if (cancelled.getAsBoolean()) throw new CancellationException("cancelled");
                progress.accept((double) k / steps.size());
            }
        }
        Map<String, Integer> bars = new LinkedHashMap<>();
        for (int s = 0; s < series.size(); s++) bars.merge(series.get(s).symbol(), inPosition[s], Integer::sum);
        progress.accept(1);
        return new Outcome(List.copyOf(trades), equity, bars);
    }

    /** The signal a bar's detections give: the most confident chosen, tradable one; null for none. */
    @Nullable
    Detection choose(List<Detection> detections) {
        Detection best = null;
        for (Detection d : detections) {
            boolean tradable = d.direction().equals("bullish")
                    || (p.allowShort() && d.direction().equals("bearish"));
            if (tradable && filter.matches(d) && (best == null || d.confidence() > best.confidence())) best = d;
        }
        return best;
    }

    private @Nullable Position enter(Detection signal, Bar bar, int index) {
        boolean isLong = signal.direction().equals("bullish");
        double fill = isLong ? bar.open() * (1 + p.slippageRate()) : bar.open() * (1 - p.slippageRate());
        long shares = (long) Math.floor(p.maxPositionSize() * realized / fill);
        if (shares < 1) return null;
        return new Position(signal, isLong, index, fill, shares, p.commissionRate() * shares * fill, p);
    }

    /** Applies the exit rules to bar {@code i}; true when the position closed on it. */
    private boolean exit(Series s, Position pos, int i) {
        Bar bar = s.bars().get(i);
        double price;
        String reason;
        boolean later = i > pos.entryIndex;
        if (later && (pos.isLong ? bar.open() <= pos.stop : bar.open() >= pos.stop)) {
            price = bar.open();
            reason = "stop_loss";
        } else if (later && (pos.isLong ? bar.open() >= pos.target : bar.open() <= pos.target)) {
            price = bar.open();
            reason = "take_profit";
        } else if (pos.isLong ? bar.low() <= pos.stop : bar.high() >= pos.stop) {
            price = pos.stop;
            reason = "stop_loss";
        } else if (pos.isLong ? bar.high() >= pos.target : bar.low() <= pos.target) {
            price = pos.target;
            reason = "take_profit";
        } else if (i - pos.entryIndex + 1 >= p.holdBars()) {
            price = bar.close();
            reason = "hold_expired";
        } else if (i + 1 == s.bars().size()) {
            price = bar.close();
            reason = "end_of_data";
        } else if (s.beforeGap(i)) {
            price = bar.close();
            reason = "split_gap";
        } else {
            return false;
        }
        double fill = pos.isLong ? price * (1 - p.slippageRate()) : price * (1 + p.slippageRate());
        double exitCommission = p.commissionRate() * pos.shares * fill;
        double commission = pos.entryCommission + exitCommission;
        double gross = (pos.isLong ? fill - pos.entry : pos.entry - fill) * pos.shares;
        double pnl = gross - commission;
        realized += pnl;
        trades.add(new Trade(
                s.symbol(),
                pos.signal.patternType(),
                pos.signal.function(),
                pos.isLong ? "long" : "short",
                IsoTime.format(s.bars().get(pos.entryIndex).startMillis()),
                pos.entry,
                IsoTime.format(bar.startMillis()),
                fill,
                pos.shares,
                reason,
                commission,
                pnl,
                pnl / (pos.entry * pos.shares),
                i - pos.entryIndex + 1));
        return true;
    }

    private double markToMarket(List<Series> series, @Nullable Position[] open, long time) {
        double e = realized;
        for (int s = 0; s < open.length; s++) {
            Position pos = open[s];
            if (pos == null) continue;
            e += pos.unrealized(lastClose(series.get(s).bars(), time));
        }
        return e;
    }

    /** The close of the last bar starting at or before {@code time}. */
    private static double lastClose(List<Bar> bars, long time) {
        int lo = 0, hi = bars.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (bars.get(mid).startMillis() <= time) lo = mid;
            else hi = mid - 1;
        }
        return bars.get(lo).close();
    }
}
