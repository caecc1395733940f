package io.tickstock.engine.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Per-trade measures of a backtest: expectancy (the mean trade P&amp;L), the mean winning and losing trade (a win has
 * a positive P&amp;L, a loss the rest, so expectancy = win rate × average win + (1 − win rate) × average loss), and the
 * trades grouped by side and by exit reason. Dollars; net of costs. Pure.
 */
public final class TradeBreakdown {
    private TradeBreakdown() {}

    /**
     * One group of trades.
     *
     * @param trades  how many
     * @param winRate the share with a positive P&amp;L, a fraction
     * @param pnl     their net P&amp;L, dollars
     */
    public record Group(int trades, double winRate, double pnl) {}

    /** The mean P&amp;L per trade, dollars; 0 without trades. */
    static double expectancy(List<Trade> trades) {
        return trades.stream().mapToDouble(Trade::pnl).average().orElse(0);
    }

    /** The mean P&amp;L of the winning trades (P&amp;L &gt; 0), dollars; null without one. */
    static @Nullable Double averageWin(List<Trade> trades) {
        var wins = trades.stream().mapToDouble(Trade::pnl).filter(x -> x > 0).summaryStatistics();
        return wins.getCount() == 0 ? null : wins.getAverage();
    }

    /** The mean P&amp;L of the other trades (P&amp;L ≤ 0), dollars, at most 0; null without one. */
    static @Nullable Double averageLoss(List<Trade> trades) {
        var losses = trades.stream().mapToDouble(Trade::pnl).filter(x -> x <= 0).summaryStatistics();
        return losses.getCount() == 0 ? null : losses.getAverage();
    }

    /** Trades grouped by {@code key} (e.g. {@link Trade#side}, {@link Trade#exitReason}), in order of first trade. */
    static Map<String, Group> by(List<Trade> trades, Function<Trade, String> key) {
        Map<String, List<Trade>> groups = new LinkedHashMap<>();
        for (Trade t : trades)
            groups.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t);
        Map<String, Group> out = new LinkedHashMap<>();
        groups.forEach((k, g) -> out.put(
                k,
                new Group(
                        g.size(),
                        Statistics.winRate(g),
                        g.stream().mapToDouble(Trade::pnl).sum())));
        return out;
    }
}
