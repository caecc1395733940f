package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.NEAR;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDL3LINESTRIKE; candle settings Near. Three candles of one color, each opening near the prior
 * body and closing further on, then a candle of the other color opening beyond the third close and closing
 * beyond the first open. Output ±100 with the color of the three.
 */
public final class ThreeLineStrike extends CandlePattern {
    private final int near3;
    private final int near2;

    public ThreeLineStrike(CandleAverages averages) {
        super(
                "CDL3LINESTRIKE",
                "BullishThreeLineStrike",
                "BearishThreeLineStrike",
                PatternKind.CONTINUATION,
                4,
                longest(NEAR) + 3);
        near3 = averages.add(NEAR, 3, lookback());
        near2 = averages.add(NEAR, 2, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        if (h.color(3) == h.color(2)
                && h.color(2) == h.color(1)
                && h.color(0) == -h.color(1)
                && h.open(2) >= h.bodyBottom(3) - h.avg(near3, 3)
                && h.open(2) <= h.bodyTop(3) + h.avg(near3, 3)
                && h.open(1) >= h.bodyBottom(2) - h.avg(near2, 2)
                && h.open(1) <= h.bodyTop(2) + h.avg(near2, 2)
                && ((h.white(1)
                                && h.close(1) > h.close(2)
                                && h.close(2) > h.close(3)
                                && h.open(0) > h.close(1)
                                && h.close(0) < h.open(3))
                        || (h.black(1)
                                && h.close(1) < h.close(2)
                                && h.close(2) < h.close(3)
                                && h.open(0) < h.close(1)
                                && h.close(0) > h.open(3)))) {
            return h.color(1) * 100;
        }
        return 0;
    }
}
