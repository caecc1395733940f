package io.tickstock.engine.patterns.candles;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDL3OUTSIDE; candle settings none. An engulfing pair followed by a candle closing further in the
 * engulfing candle's direction. Output ±100 with the engulfing candle's color.
 */
public final class ThreeOutside extends CandlePattern {

    public ThreeOutside(CandleAverages unused) {
        super("CDL3OUTSIDE", "ThreeOutsideUp", "ThreeOutsideDown", PatternKind.REVERSAL, 3, 3);
    }

    @Override
    public int output(CandleHistory h) {
        if ((h.white(1) && h.black(2) && h.close(1) > h.open(2) && h.open(1) < h.close(2) && h.close(0) > h.close(1))
                || (h.black(1)
                        && h.white(2)
                        && h.open(1) > h.close(2)
                        && h.close(1) < h.open(2)
                        && h.close(0) < h.close(1))) {
            return h.color(1) * 100;
        }
        return 0;
    }
}
