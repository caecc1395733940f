package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.longest;
import static io.tickstock.engine.patterns.CandleSetting.BODY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_LONG;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_VERY_SHORT;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLSHOOTINGSTAR; candle settings BodyShort, ShadowLong, ShadowVeryShort. A small body gapping up
 * from the prior body, an upper shadow longer than the body, almost no lower shadow. Output −100.
 */
public final class ShootingStar extends CandlePattern {
    private final int bodyShort;
    private final int shadowLong;
    private final int shadowVeryShort;

    public ShootingStar(CandleAverages averages) {
        super("CDLSHOOTINGSTAR", "ShootingStar", "ShootingStar", PatternKind.REVERSAL, 1, longest(BODY_SHORT, SHADOW_LONG, SHADOW_VERY_SHORT) + 1);
        bodyShort = averages.add(BODY_SHORT, 0, lookback());
        shadowLong = averages.add(SHADOW_LONG, 0, lookback());
        shadowVeryShort = averages.add(SHADOW_VERY_SHORT, 0, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.below(h.realBody(0), h.avg(bodyShort, 0))
                && h.above(h.upperShadow(0), h.avg(shadowLong, 0))
                && h.below(h.lowerShadow(0), h.avg(shadowVeryShort, 0))
                && h.realBodyGapUp(0, 1) ? -100 : 0;
    }
}
