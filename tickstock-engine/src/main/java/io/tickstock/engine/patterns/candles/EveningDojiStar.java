package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_DOJI;
import static io.tickstock.engine.patterns.CandleSetting.BODY_LONG;
import static io.tickstock.engine.patterns.CandleSetting.BODY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLEVENINGDOJISTAR; candle settings BodyLong, BodyDoji, BodyShort. A long white candle, a doji
 * gapping up, and a black candle closing more than 30% into the first body. Output −100.
 */
public final class EveningDojiStar extends CandlePattern {
    /** TA-Lib's default optInPenetration. */
    static final double PENETRATION = 0.3;

    private final int bodyLong;
    private final int bodyDoji;
    private final int bodyShort;

    public EveningDojiStar(CandleAverages averages) {
        super(
                "CDLEVENINGDOJISTAR",
                "EveningDojiStar",
                "EveningDojiStar",
                PatternKind.REVERSAL,
                3,
                longest(BODY_DOJI, BODY_LONG, BODY_SHORT) + 2);
        bodyLong = averages.add(BODY_LONG, 2, lookback());
        bodyDoji = averages.add(BODY_DOJI, 1, lookback());
        bodyShort = averages.add(BODY_SHORT, 0, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.above(h.realBody(2), h.avg(bodyLong, 2))
                        && h.white(2)
                        && h.atMost(h.realBody(1), h.avg(bodyDoji, 1))
                        && h.realBodyGapUp(1, 2)
                        && h.above(h.realBody(0), h.avg(bodyShort, 0))
                        && h.black(0)
                        && h.close(0) < h.close(2) - h.realBody(2) * PENETRATION
                ? -100
                : 0;
    }
}
