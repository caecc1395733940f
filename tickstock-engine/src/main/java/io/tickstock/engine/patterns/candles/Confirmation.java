package io.tickstock.engine.patterns.candles;

import io.tickstock.engine.patterns.CandleHistory;

/** The Hikkake confirmation rule shared by {@link Hikkake} and {@link ModifiedHikkake}. */
final class Confirmation {
    private Confirmation() {}

    /**
     * ±200 when the newest bar is within three bars of the remembered setup and closes beyond the high
     * (bullish setup) or low (bearish setup) of the bar before the setup bar, which consumes the setup
     * (TA-Lib resets its index to 0); otherwise 0.
     */
    static int check(CandleHistory h, int setupIndex, int setupResult) {
        long index = h.index(), setup = h.memory(setupIndex);
        long result = h.memory(setupResult);
        if (index > setup + 3 || result == 0) return 0;
        int insideAge = (int) (index - (setup - 1));
        if ((result > 0 && h.close(0) > h.high(insideAge)) || (result < 0 && h.close(0) < h.low(insideAge))) {
            h.remember(setupIndex, 0);
            return (int) result + 100 * (result > 0 ? 1 : -1);
        }
        return 0;
    }
}
