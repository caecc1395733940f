package io.tickstock.engine.patterns.candles;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLSHOOTINGSTAR; candle settings BodyShort, ShadowLong, ShadowVeryShort. A small body gapping up
 * from the prior body, an upper shadow longer than the body, almost no lower shadow. Output −100.
 */
public final class ShootingStar extends CandlePattern {
    private final InvertedHammer shape;

    public ShootingStar(CandleAverages averages) {
        super("CDLSHOOTINGSTAR", "ShootingStar", "ShootingStar", PatternKind.REVERSAL, 1, InvertedHammer.LOOKBACK);
        shape = new InvertedHammer(averages);
    }

    @Override
    public int output(CandleHistory h) {
        return shape.shape(h) && h.realBodyGapUp(0, 1) ? -100 : 0;
    }
}
