package io.tickstock.engine.backtest;

/**
 * One round trip of a backtest. Times are ISO-8601 UTC bar starts; prices are fills (slippage included), dollars.
 *
 * @param side        {@code long} or {@code short}
 * @param exitReason  {@code stop_loss}, {@code take_profit}, {@code hold_expired}, {@code end_of_data} or
 *                    {@code split_gap}
 * @param commission  both fills' commissions, dollars
 * @param pnl         net profit, dollars: (exit − entry) × shares for a long, (entry − exit) × shares for a short,
 *                    minus {@code commission}
 * @param returnPct   {@code pnl} over the entry notional (entry price × shares), a fraction
 * @param barsHeld    bars from the entry bar to the exit bar, both counted
 */
public record Trade(
        String symbol,
        String pattern,
        String function,
        String side,
        String entryTime,
        double entryPrice,
        String exitTime,
        double exitPrice,
        long shares,
        String exitReason,
        double commission,
        double pnl,
        double returnPct,
        int barsHeld) {}
