package io.tickstock.engine.patterns.candles;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLENGULFING; candle settings none. A candle whose real body engulfs the prior candle's body of
 * the opposite color (strictly, as TA-Lib 0.4). Output ±100 with the engulfing candle's color.
 */
public final class Engulfing extends CandlePattern {

    public Engulfing(CandleAverages unused) {
        super("CDLENGULFING", "BullishEngulfing", "BearishEngulfing", PatternKind.REVERSAL, 2, 2);
    }

    @Override
    public int output(CandleHistory h) {
        if ((h.white(0) && h.black(1) && h.close(0) > h.open(1) && h.open(0) < h.close(1))
                || (h.black(0) && h.white(1) && h.open(0) > h.close(1) && h.close(0) < h.open(1))) {
            return h.color(0) * 100;
        }
        return 0;
    }
}
