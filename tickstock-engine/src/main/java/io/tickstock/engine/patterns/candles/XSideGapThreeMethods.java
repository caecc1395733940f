package io.tickstock.engine.patterns.candles;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLXSIDEGAP3METHODS; candle settings none. Two candles of one color with a gap between them, then
 * a candle of the other color opening inside the second body and closing inside the first (filling the
 * gap). Output ±100 with the first candle's color.
 */
public final class XSideGapThreeMethods extends CandlePattern {

    public XSideGapThreeMethods(CandleAverages unused) {
        super(
                "CDLXSIDEGAP3METHODS",
                "UpsideGapThreeMethods",
                "DownsideGapThreeMethods",
                PatternKind.CONTINUATION,
                3,
                2);
    }

    @Override
    public int output(CandleHistory h) {
        if (h.color(2) == h.color(1)
                && h.color(1) == -h.color(0)
                && h.open(0) < h.bodyTop(1)
                && h.open(0) > h.bodyBottom(1)
                && h.close(0) < h.bodyTop(2)
                && h.close(0) > h.bodyBottom(2)
                && ((h.white(2) && h.realBodyGapUp(1, 2)) || (h.black(2) && h.realBodyGapDown(1, 2)))) {
            return h.color(2) * 100;
        }
        return 0;
    }
}
