package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.NEAR;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLHIKKAKEMOD; candle setting Near. A Hikkake whose inside bar is itself inside the bar before
 * (two nested inside bars), the second candle closing near its low (bullish setup, +100) or near its high
 * (bearish setup, −100); ±200 when confirmed within three bars as for {@link Hikkake}. Stateful as TA-Lib,
 * scanning from three bars before the lookback (its Near average starts there too).
 */
public final class ModifiedHikkake extends CandlePattern {
    private final int near, setupIndex, setupResult;

    public ModifiedHikkake(CandleAverages averages) {
        super(
                "CDLHIKKAKEMOD",
                "BullishModifiedHikkake",
                "BearishModifiedHikkake",
                PatternKind.REVERSAL,
                4,
                Math.max(1, NEAR.avgPeriod) + 5);
        near = averages.add(NEAR, 2, firstBar());
        setupIndex = averages.reserveMemory(2);
        setupResult = setupIndex + 1;
    }

    @Override
    public int firstBar() {
        return lookback() - 3;
    }

    @Override
    public int output(CandleHistory h) {
        if (h.high(2) < h.high(3)
                && h.low(2) > h.low(3)
                && h.high(1) < h.high(2)
                && h.low(1) > h.low(2)
                && ((h.high(0) < h.high(1) && h.low(0) < h.low(1) && h.close(2) <= h.low(2) + h.avg(near, 2))
                        || (h.high(0) > h.high(1)
                                && h.low(0) > h.low(1)
                                && h.close(2) >= h.high(2) - h.avg(near, 2)))) {
            int result = 100 * (h.high(0) < h.high(1) ? 1 : -1);
            h.remember(setupIndex, h.index());
            h.remember(setupResult, result);
            return result;
        }
        return Confirmation.check(h, setupIndex, setupResult);
    }
}
