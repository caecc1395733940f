package io.tickstock.engine.patterns;

/**
 * TA-Lib's default candle settings (ta_global.c, TA_CandleDefaultSettings): what range of a candle is
 * averaged, over how many previous candles, and the factor applied. An average over 0 candles uses the
 * candle itself. Shadows averages are halved (TA-Lib's TA_CANDLEAVERAGE).
 */
public enum CandleSetting {
    BODY_LONG(RangeType.REAL_BODY, 10, 1.0),
    BODY_VERY_LONG(RangeType.REAL_BODY, 10, 3.0),
    BODY_SHORT(RangeType.REAL_BODY, 10, 1.0),
    BODY_DOJI(RangeType.HIGH_LOW, 10, 0.1),
    SHADOW_LONG(RangeType.REAL_BODY, 0, 1.0),
    SHADOW_VERY_LONG(RangeType.REAL_BODY, 0, 2.0),
    SHADOW_SHORT(RangeType.SHADOWS, 10, 1.0),
    SHADOW_VERY_SHORT(RangeType.HIGH_LOW, 10, 0.1),
    NEAR(RangeType.HIGH_LOW, 5, 0.2),
    FAR(RangeType.HIGH_LOW, 5, 0.6),
    EQUAL(RangeType.HIGH_LOW, 5, 0.05);

    /** Which measure of a candle a setting averages. */
    public enum RangeType {
        REAL_BODY,
        HIGH_LOW,
        SHADOWS
    }

    public final RangeType rangeType;
    public final int avgPeriod;
    public final double factor;

    CandleSetting(RangeType rangeType, int avgPeriod, double factor) {
        this.rangeType = rangeType;
        this.avgPeriod = avgPeriod;
        this.factor = factor;
    }

    /** The longest averaging period among {@code settings} (for lookbacks). */
    public static int longest(CandleSetting... settings) {
        int max = 0;
        for (CandleSetting s : settings) max = Math.max(max, s.avgPeriod);
        return max;
    }

    /** TA_CANDLERANGE: the measured range of one candle. */
    public double range(double open, double high, double low, double close) {
        return switch (rangeType) {
            case REAL_BODY -> Math.abs(close - open);
            case HIGH_LOW -> high - low;
            case SHADOWS -> (high - (close >= open ? close : open)) + ((close >= open ? open : close) - low);
        };
    }
}
