package io.tickstock.engine.indicators;

/** Plus directional indicator, percent; TA-Lib PLUS_DI: {@code 100 × +DM / TR}, Wilder-smoothed. Lookback {@code period}. */
public final class PlusDi extends DirectionalIndicator {
    public PlusDi(int period) {
        super("PLUS_DI", period);
    }

    @Override
    double of(DirectionalMovement dm) {
        return dm.plusDi();
    }
}
