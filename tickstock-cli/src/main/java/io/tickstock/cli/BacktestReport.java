package io.tickstock.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import io.tickstock.engine.backtest.Backtest;
import io.tickstock.engine.backtest.Statistics;
import io.tickstock.engine.backtest.Trade;
import io.tickstock.engine.backtest.TradeBreakdown;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code tickstock backtest}'s readable summary and its trades CSV. Pure. */
final class BacktestReport {
    private BacktestReport() {}

    static String text(Backtest.Result results, double seconds) {
        Statistics.Summary s = results.summary();
        StringBuilder b = new StringBuilder();
        b.append(String.format("backtest: %s bars in %.2f s%n", results.bars(), seconds));
        b.append(String.format("prices: %s%n", results.adjustment()));
        for (String w : results.warnings()) b.append("warning: ").append(w).append('\n');
        b.append(String.format(
                "equity %,.2f → %,.2f  total return %s  CAGR %s  Sharpe %s  Sortino %s  max drawdown %s%n",
                s.initialCapital(),
                s.finalEquity(),
                pct(s.totalReturn()),
                pct(s.cagr()),
                num(s.sharpe()),
                num(s.sortino()),
                pct(s.maxDrawdown())));
        b.append(String.format(
                "benchmark (buy and hold, equal weight) total return %s  CAGR %s  alpha %s  Calmar %s  "
                        + "longest drawdown %.0f days%n",
                pct(s.benchmarkReturn()),
                pct(s.benchmarkCagr()),
                pct(s.alpha()),
                num(s.calmar()),
                s.maxDrawdownDurationDays()));
        b.append(String.format(
                "%d trades  win rate %s  profit factor %s  expectancy %s  avg win %s  avg loss %s  exposure %s%n",
                s.trades(),
                pct(s.winRate()),
                num(s.profitFactor()),
                dollars(s.expectancy()),
                dollars(s.avgWin()),
                dollars(s.avgLoss()),
                pct(s.exposure())));
        s.bySide().forEach((side, g) -> b.append(group(side, g)));
        s.byExitReason().forEach((reason, g) -> b.append(group(reason, g)));
        b.append('\n');
        List<Statistics.PatternSymbol> groups = results.byPatternSymbol();
        b.append(String.format(
                "%-28s %-6s %6s %7s %9s %9s %8s%n", "pattern", "symbol", "trades", "win", "avg ret", "total", "PF"));
        groups.stream()
                .sorted(Comparator.comparingDouble(Statistics.PatternSymbol::totalReturn)
                        .reversed())
                .limit(25)
                .forEach(g -> b.append(String.format(
                        "%-28s %-6s %6d %7s %9s %9s %8s%n",
                        g.pattern(),
                        g.symbol(),
                        g.trades(),
                        pct(g.winRate()),
                        pct(g.avgReturn()),
                        pct(g.totalReturn()),
                        num(g.profitFactor()))));
        if (groups.size() > 25) b.append("… ").append(groups.size() - 25).append(" more in --json\n");
        return b.toString();
    }

    private static String group(String name, TradeBreakdown.Group g) {
        return String.format(
                "  %-13s %5d trades  win rate %7s  P&L %s%n", name, g.trades(), pct(g.winRate()), dollars(g.pnl()));
    }

    static String dollars(@Nullable Object v) {
        return v instanceof Number n ? String.format("%,.2f", n.doubleValue()) : "–";
    }

    static String pct(@Nullable Object v) {
        return v instanceof Number n ? String.format("%.2f%%", n.doubleValue() * 100) : "–";
    }

    static String num(@Nullable Object v) {
        return v instanceof Number n ? String.format("%.2f", n.doubleValue()) : "–";
    }

    private static final CsvMapper CSV = CsvMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    /** One row per trade (the {@link Trade} components, snake_case), header first; times ISO-8601 UTC, dollars. */
    static String tradesCsv(List<Trade> trades) throws JsonProcessingException {
        return CSV.writer(CSV.schemaFor(Trade.class).withHeader()).writeValueAsString(trades);
    }
}
