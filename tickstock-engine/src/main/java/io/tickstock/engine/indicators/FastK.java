package io.tickstock.engine.indicators;

/** The fast stochastic %K of TA-Lib's STOCH, STOCHF and STOCHRSI, with TA-Lib's operation order. */
final class FastK {
    private FastK() {}

    /** {@code (x − lowest) / ((highest − lowest) / 100)}, 0 when highest equals lowest. */
    static double of(double x, double highest, double lowest) {
        double diff = (highest - lowest) / 100.0;
        return diff != 0.0 ? (x - lowest) / diff : 0.0;
    }
}
