package io.tickstock.contract;

/**
 * A backtest's trading parameters (the job protocol's {@code parameters}; fractions, not percents).
 *
 * @param initialCapital  starting equity, dollars (&gt; 0)
 * @param commissionRate  commission on each fill as a fraction of its notional (0–0.1)
 * @param slippageRate    every fill moves this fraction against the trader (0–0.1)
 * @param maxPositionSize a position's notional as a fraction of the realized equity at entry (0–1]
 * @param stopLossPct     the stop's distance from the entry fill (0–1]
 * @param takeProfitPct   the target's distance from the entry fill (&gt; 0)
 * @param holdBars        bars a position is held at most, the entry bar counting as the first (&ge; 1)
 * @param allowShort      whether a bearish detection opens a short
 */
public record BacktestParameters(
        double initialCapital,
        double commissionRate,
        double slippageRate,
        double maxPositionSize,
        double stopLossPct,
        double takeProfitPct,
        int holdBars,
        boolean allowShort) {
    /** The job protocol's defaults. */
    public static final BacktestParameters DEFAULTS =
            new BacktestParameters(100_000, 0.001, 0.0005, 0.1, 0.05, 0.10, 20, true);

    /** @throws IllegalArgumentException naming the parameter (snake_case, as in the job) that is out of range */
    public BacktestParameters {
        check(initialCapital > 0 && initialCapital <= 1e12, "initial_capital", "a positive amount up to 1e12");
        check(commissionRate >= 0 && commissionRate <= 0.1, "commission_rate", "a fraction from 0 to 0.1");
        check(slippageRate >= 0 && slippageRate <= 0.1, "slippage_rate", "a fraction from 0 to 0.1");
        check(maxPositionSize > 0 && maxPositionSize <= 1, "max_position_size", "a fraction in (0, 1]");
        check(stopLossPct > 0 && stopLossPct <= 1, "stop_loss_pct", "a fraction in (0, 1]");
        check(takeProfitPct > 0 && takeProfitPct <= 100, "take_profit_pct", "a positive fraction");
        check(holdBars >= 1 && holdBars <= 100_000, "hold_bars", "a whole number from 1 to 100000");
    }

    private static void check(boolean ok, String parameter, String rule) {
        if (!ok) throw new IllegalArgumentException(parameter + " must be " + rule);
    }
}
