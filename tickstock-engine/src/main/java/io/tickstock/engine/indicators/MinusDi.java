package io.tickstock.engine.indicators;

/** Minus directional indicator, percent; TA-Lib MINUS_DI: {@code 100 × −DM / TR}, Wilder-smoothed. Lookback {@code period}. */
public final class MinusDi extends DirectionalIndicator {
    public MinusDi(int period) {
        super("MINUS_DI", period);
    }

    @Override
    double of(DirectionalMovement dm) {
        return dm.minusDi();
    }
}
