package io.tickstock.engine.patterns.candles;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLHIKKAKE; no candle settings. An inside bar followed by a bar breaking out of it with a higher
 * high and higher low (−100) or lower high and lower low (+100) — a false breakout; output ±200 when, within
 * three bars, a close confirms the reversal beyond the inside bar's high (bullish) or low (bearish).
 * Stateful as TA-Lib: the last setup's bar index and result are kept per symbol (scanning starts three bars
 * before the lookback, as TA-Lib does), and a confirmation consumes the setup.
 */
public final class Hikkake extends CandlePattern {
    private final int setupIndex, setupResult;

    public Hikkake(CandleAverages averages) {
        super("CDLHIKKAKE", "BullishHikkake", "BearishHikkake", PatternKind.REVERSAL, 3, 5);
        setupIndex = averages.reserveMemory(2);
        setupResult = setupIndex + 1;
    }

    @Override
    public int firstBar() {
        return lookback() - 3;
    }

    @Override
    public int output(CandleHistory h) {
        if (h.high(1) < h.high(2)
                && h.low(1) > h.low(2)
                && ((h.high(0) < h.high(1) && h.low(0) < h.low(1)) || (h.high(0) > h.high(1) && h.low(0) > h.low(1)))) {
            int result = 100 * (h.high(0) < h.high(1) ? 1 : -1);
            h.remember(setupIndex, h.index());
            h.remember(setupResult, result);
            return result;
        }
        return Confirmation.check(h, setupIndex, setupResult);
    }
}
