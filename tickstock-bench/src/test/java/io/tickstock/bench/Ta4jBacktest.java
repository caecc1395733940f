package io.tickstock.bench;

import io.tickstock.contract.BacktestParameters;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.patterns.Detection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseTradingRecord;
import org.ta4j.core.Indicator;
import org.ta4j.core.Position;
import org.ta4j.core.Rule;
import org.ta4j.core.Trade.TradeType;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.cost.LinearTransactionCostModel;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.OpenPriceIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.FixedRule;
import org.ta4j.core.rules.StopGainRule;
import org.ta4j.core.rules.StopLossRule;
import org.ta4j.core.rules.WaitForRule;

/**
 * The backtest's rules (issue 18, {@code Simulation}'s Javadoc) expressed in ta4j-core 0.22.2, as an independent check of
 * TickStock's simulation of one symbol: exits are ta4j {@link Rule}s ({@link StopLossRule} and {@link StopGainRule} on
 * the open, low and high, {@link WaitForRule} for "a later bar" and the holding period, {@link FixedRule} for the last
 * bar), trades are recorded in two {@link BaseTradingRecord}s (one for longs, one for shorts: a ta4j record trades one
 * side), in exact {@code DecimalNum} arithmetic, and P&amp;L and commission come from ta4j's {@link Position} and
 * {@link LinearTransactionCostModel}.
 *
 * <p>The loop is ours, not {@code BarSeriesManager}'s, because the manager never asks the entry rule on the bar a position
 * exits, while TickStock takes a signal completed on its exit bar (entered at the next open); and the manager trades a
 * fixed amount, while TickStock sizes each entry from the equity realized so far. Records are zero-cost so that ta4j's
 * stop rules measure from the entry fill (with a cost model they measure from the net price, commission included), and
 * each fill's commission is priced by a {@link LinearTransactionCostModel}. Test code; not thread-safe.
 */
final class Ta4jBacktest {
    /** One round trip as ta4j saw it: bar indexes, fills and shares, net P&amp;L in dollars. */
    record RoundTrip(
            boolean isLong,
            int entryIndex,
            double entryPrice,
            int exitIndex,
            double exitPrice,
            long shares,
            double commission,
            double pnl) {}

    private final BacktestParameters p;
    private final BarSeries series;
    private final Num hundred;

    Ta4jBacktest(List<Bar> bars, BacktestParameters parameters) {
        this.p = parameters;
        this.series = new BaseBarSeriesBuilder()
                .withName(bars.getFirst().symbol())
                .withNumFactory(DecimalNumFactory.getInstance())
                .build();
        Duration period =
                bars.size() > 1 && bars.get(1).startMillis() - bars.get(0).startMillis() < 86_400_000L
                        ? Duration.ofMinutes(1)
                        : Duration.ofDays(1);
        for (Bar b : bars)
            series.barBuilder()
                    .timePeriod(period)
                    .endTime(Instant.ofEpochMilli(b.startMillis()).plus(period))
                    .openPrice(b.open())
                    .highPrice(b.high())
                    .lowPrice(b.low())
                    .closePrice(b.close())
                    .volume(b.volume())
                    .add();
        this.hundred = series.numFactory().hundred();
    }

    /** Trades {@code signals} (per bar: the chosen detection or null) and returns the round trips in order. */
    List<RoundTrip> run(List<@Nullable Detection> signals) {
        TradingRecord longs = new BaseTradingRecord(TradeType.BUY, new ZeroCostModel(), new ZeroCostModel());
        TradingRecord shorts = new BaseTradingRecord(TradeType.SELL, new ZeroCostModel(), new ZeroCostModel());
        Exits longExits = new Exits(TradeType.BUY), shortExits = new Exits(TradeType.SELL);
        LinearTransactionCostModel commission = new LinearTransactionCostModel(p.commissionRate());
        List<RoundTrip> out = new ArrayList<>();
        Num realized = num(p.initialCapital());
        Detection pending = null;
        for (int i = 0; i <= series.getEndIndex(); i++) {
            if (pending != null) {
                boolean isLong = pending.direction().equals("bullish");
                Num fill = series.getBar(i)
                        .getOpenPrice()
                        .multipliedBy(num(isLong ? 1 + p.slippageRate() : 1 - p.slippageRate()));
                Num shares = num(p.maxPositionSize())
                        .multipliedBy(realized)
                        .dividedBy(fill)
                        .floor();
                if (shares.isGreaterThanOrEqual(series.numFactory().one()))
                    (isLong ? longs : shorts).enter(i, fill, shares);
                pending = null;
            }
            TradingRecord open = longs.getCurrentPosition().isOpened()
                    ? longs
                    : shorts.getCurrentPosition().isOpened() ? shorts : null;
            if (open != null) {
                Num price = (open == longs ? longExits : shortExits).price(i, open);
                if (price != null) {
                    boolean isLong = open == longs;
                    Num fill = price.multipliedBy(num(isLong ? 1 - p.slippageRate() : 1 + p.slippageRate()));
                    Position pos = open.getCurrentPosition();
                    open.exit(i, fill, pos.getEntry().getAmount());
                    Position closed = open.getPositions().getLast();
                    Num cost = commission
                            .calculate(
                                    closed.getEntry().getPricePerAsset(),
                                    closed.getEntry().getAmount())
                            .plus(commission.calculate(
                                    closed.getExit().getPricePerAsset(),
                                    closed.getExit().getAmount()));
                    Num pnl = closed.getGrossProfit().minus(cost);
                    realized = realized.plus(pnl);
                    out.add(new RoundTrip(
                            isLong,
                            closed.getEntry().getIndex(),
                            closed.getEntry().getPricePerAsset().doubleValue(),
                            i,
                            fill.doubleValue(),
                            closed.getEntry().getAmount().longValue(),
                            cost.doubleValue(),
                            pnl.doubleValue()));
                    open = null;
                }
            }
            if (open == null && i < series.getEndIndex()) pending = signals.get(i);
        }
        return out;
    }

    private Num num(double v) {
        return series.numFactory().numOf(v);
    }

    /** The exit rules of one side, in the order TickStock applies them, and the price each fills at. */
    private final class Exits {
        private final Rule laterBar, gapStop, gapTarget, stop, target, holdExpired, endOfData;
        private final boolean isLong;

        Exits(TradeType side) {
            isLong = side == TradeType.BUY;
            Indicator<Num> open = new OpenPriceIndicator(series);
            Indicator<Num> adverse = isLong ? new LowPriceIndicator(series) : new HighPriceIndicator(series);
            Indicator<Num> favourable = isLong ? new HighPriceIndicator(series) : new LowPriceIndicator(series);
            Num stopPct = num(p.stopLossPct()).multipliedBy(hundred),
                    targetPct = num(p.takeProfitPct()).multipliedBy(hundred);
            laterBar = new WaitForRule(side, 1);
            gapStop = laterBar.and(new StopLossRule(open, stopPct));
            gapTarget = laterBar.and(new StopGainRule(open, targetPct));
            stop = new StopLossRule(adverse, stopPct);
            target = new StopGainRule(favourable, targetPct);
            holdExpired = new WaitForRule(side, p.holdBars() - 1);
            endOfData = new FixedRule(series.getEndIndex());
        }

        /** The price the position exits at on bar {@code i}, before slippage; null when it stays open. */
        @Nullable
        Num price(int i, TradingRecord record) {
            Num entry = record.getCurrentPosition().getEntry().getPricePerAsset();
            if (gapStop.isSatisfied(i, record) || gapTarget.isSatisfied(i, record))
                return series.getBar(i).getOpenPrice();
            if (stop.isSatisfied(i, record))
                return entry.multipliedBy(hundred.plus(
                                num(isLong ? -p.stopLossPct() : p.stopLossPct()).multipliedBy(hundred))
                        .dividedBy(hundred));
            if (target.isSatisfied(i, record))
                return entry.multipliedBy(hundred.plus(num(isLong ? p.takeProfitPct() : -p.takeProfitPct())
                                .multipliedBy(hundred))
                        .dividedBy(hundred));
            if (holdExpired.isSatisfied(i, record) || endOfData.isSatisfied(i, record))
                return new ClosePriceIndicator(series).getValue(i);
            return null;
        }
    }
}
