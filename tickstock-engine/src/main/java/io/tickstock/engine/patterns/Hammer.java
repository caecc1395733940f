package io.tickstock.engine.patterns;

import java.util.Map;

/**
 * TA-Lib CDLHAMMER (0.4); candle settings BodyShort, ShadowLong, ShadowVeryShort, Near. A small real body
 * (&lt; BodyShort average), a long lower shadow (&gt; ShadowLong, i.e. longer than the body), almost no
 * upper shadow (&lt; ShadowVeryShort average), and the body's bottom at or below the prior candle's low plus
 * the Near average of the candles before it. Output 100, direction bullish. Lookback 11. Confidence
 * {@code 0.5 + 0.5 × mean margin} of the three shape conditions, each margin the fraction by which the
 * bar clears its threshold, clamped to [0, 1].
 */
public final class Hammer implements CandlePattern {
    private final CandleAverage bodyShort = new CandleAverage(CandleSetting.BODY_SHORT, 0);
    private final CandleAverage shadowLong = new CandleAverage(CandleSetting.SHADOW_LONG, 0);
    private final CandleAverage shadowVeryShort = new CandleAverage(CandleSetting.SHADOW_VERY_SHORT, 0);
    private final CandleAverage near = new CandleAverage(CandleSetting.NEAR, 1);

    @Override
    public int lookback() {
        int longest = Math.max(Math.max(CandleSetting.BODY_SHORT.avgPeriod, CandleSetting.SHADOW_LONG.avgPeriod),
                Math.max(CandleSetting.SHADOW_VERY_SHORT.avgPeriod, CandleSetting.NEAR.avgPeriod));
        return longest + 1;
    }

    @Override
    public Detection evaluate(CandleHistory h) {
        long index = h.count() - 1;
        if (index < lookback()) return null;
        if (index == lookback()) {
            bodyShort.start(h);
            shadowLong.start(h);
            shadowVeryShort.start(h);
            near.start(h);
        }
        double body = h.realBody(0), lower = h.lowerShadow(0), upper = h.upperShadow(0);
        double bodyMax = bodyShort.average(h), lowerMin = shadowLong.average(h), upperMax = shadowVeryShort.average(h);
        double nearLimit = near.average(h) + h.low(1);
        boolean hammer = body < bodyMax && lower > lowerMin && upper < upperMax
                && Math.min(h.close(0), h.open(0)) <= nearLimit;
        bodyShort.roll(h);
        shadowLong.roll(h);
        shadowVeryShort.roll(h);
        near.roll(h);
        if (!hammer) return null;
        double margin = (CandlePattern.unit(1 - body / bodyMax)
                + CandlePattern.unit(lowerMin > 0 ? lower / lowerMin - 1 : 1)
                + CandlePattern.unit(upperMax > 0 ? 1 - upper / upperMax : 1)) / 3;
        return new Detection("Hammer", "CDLHAMMER", 100, "bullish", 0.5 + 0.5 * margin,
                Map.of("body", body, "lower_shadow", lower, "upper_shadow", upper, "body_threshold", bodyMax));
    }
}
