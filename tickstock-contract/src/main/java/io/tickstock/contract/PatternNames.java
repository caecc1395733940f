package io.tickstock.contract;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The names a backtest job may use for its patterns: TickStock's {@code pattern_type} of each direction of
 * the 61 TA-Lib candlestick patterns and the 4 price patterns, and the TA-Lib function names; matched without regard
 * to case. The engine's catalog ({@code CandlePatterns}, {@code PricePatterns}) is the source; {@code
 * PatternNamesTest} in the engine checks that this list equals it. Pure.
 */
public final class PatternNames {
    private PatternNames() {}

    /** Every {@code pattern_type}, sorted. */
    public static final List<String> PATTERN_TYPES = List.of(
            "AdvanceBlock",
            "BearishAbandonedBaby",
            "BearishBeltHold",
            "BearishBreakaway",
            "BearishClosingMarubozu",
            "BearishCounterAttack",
            "BearishDojiStar",
            "BearishEngulfing",
            "BearishHarami",
            "BearishHaramiCross",
            "BearishHikkake",
            "BearishKicking",
            "BearishKickingByLength",
            "BearishLongLine",
            "BearishMarubozu",
            "BearishModifiedHikkake",
            "BearishSeparatingLines",
            "BearishThreeLineStrike",
            "BearishTristar",
            "BullishAbandonedBaby",
            "BullishBeltHold",
            "BullishBreakaway",
            "BullishClosingMarubozu",
            "BullishCounterAttack",
            "BullishDojiStar",
            "BullishEngulfing",
            "BullishHarami",
            "BullishHaramiCross",
            "BullishHikkake",
            "BullishKicking",
            "BullishKickingByLength",
            "BullishLongLine",
            "BullishMarubozu",
            "BullishModifiedHikkake",
            "BullishSeparatingLines",
            "BullishThreeLineStrike",
            "BullishTristar",
            "ConcealingBabySwallow",
            "DarkCloudCover",
            "Doji",
            "DownsideGapSideBySideWhite",
            "DownsideGapThreeMethods",
            "DownsideTasukiGap",
            "DragonflyDoji",
            "EveningDojiStar",
            "EveningStar",
            "FallingThreeMethods",
            "GravestoneDoji",
            "Hammer",
            "HangingMan",
            "HighWave",
            "HomingPigeon",
            "IdenticalThreeCrows",
            "InNeck",
            "InvertedHammer",
            "LadderBottom",
            "LongLeggedDoji",
            "MatHold",
            "MatchingLow",
            "MorningDojiStar",
            "MorningStar",
            "OnNeck",
            "Piercing",
            "Price_Breakout",
            "Resistance_Break",
            "RickshawMan",
            "RisingThreeMethods",
            "ShootingStar",
            "ShortLine",
            "SpinningTop",
            "StalledPattern",
            "StickSandwich",
            "Support_Test",
            "Takuri",
            "ThreeBlackCrows",
            "ThreeInsideDown",
            "ThreeInsideUp",
            "ThreeOutsideDown",
            "ThreeOutsideUp",
            "ThreeStarsInSouth",
            "ThreeWhiteSoldiers",
            "Thrusting",
            "TwoCrows",
            "UniqueThreeRiver",
            "UpsideGapSideBySideWhite",
            "UpsideGapThreeMethods",
            "UpsideGapTwoCrows",
            "UpsideTasukiGap",
            "Volume_Spike");

    /** The 61 TA-Lib functions and the price patterns' {@code TICKSTOCK_*} functions, sorted. */
    public static final List<String> FUNCTIONS = List.of(
            "CDL2CROWS",
            "CDL3BLACKCROWS",
            "CDL3INSIDE",
            "CDL3LINESTRIKE",
            "CDL3OUTSIDE",
            "CDL3STARSINSOUTH",
            "CDL3WHITESOLDIERS",
            "CDLABANDONEDBABY",
            "CDLADVANCEBLOCK",
            "CDLBELTHOLD",
            "CDLBREAKAWAY",
            "CDLCLOSINGMARUBOZU",
            "CDLCONCEALBABYSWALL",
            "CDLCOUNTERATTACK",
            "CDLDARKCLOUDCOVER",
            "CDLDOJI",
            "CDLDOJISTAR",
            "CDLDRAGONFLYDOJI",
            "CDLENGULFING",
            "CDLEVENINGDOJISTAR",
            "CDLEVENINGSTAR",
            "CDLGAPSIDESIDEWHITE",
            "CDLGRAVESTONEDOJI",
            "CDLHAMMER",
            "CDLHANGINGMAN",
            "CDLHARAMI",
            "CDLHARAMICROSS",
            "CDLHIGHWAVE",
            "CDLHIKKAKE",
            "CDLHIKKAKEMOD",
            "CDLHOMINGPIGEON",
            "CDLIDENTICAL3CROWS",
            "CDLINNECK",
            "CDLINVERTEDHAMMER",
            "CDLKICKING",
            "CDLKICKINGBYLENGTH",
            "CDLLADDERBOTTOM",
            "CDLLONGLEGGEDDOJI",
            "CDLLONGLINE",
            "CDLMARUBOZU",
            "CDLMATCHINGLOW",
            "CDLMATHOLD",
            "CDLMORNINGDOJISTAR",
            "CDLMORNINGSTAR",
            "CDLONNECK",
            "CDLPIERCING",
            "CDLRICKSHAWMAN",
            "CDLRISEFALL3METHODS",
            "CDLSEPARATINGLINES",
            "CDLSHOOTINGSTAR",
            "CDLSHORTLINE",
            "CDLSPINNINGTOP",
            "CDLSTALLEDPATTERN",
            "CDLSTICKSANDWICH",
            "CDLTAKURI",
            "CDLTASUKIGAP",
            "CDLTHRUSTING",
            "CDLTRISTAR",
            "CDLUNIQUE3RIVER",
            "CDLUPSIDEGAP2CROWS",
            "CDLXSIDEGAP3METHODS",
            "TICKSTOCK_PRICE_BREAKOUT",
            "TICKSTOCK_RESISTANCE_BREAK",
            "TICKSTOCK_SUPPORT_TEST",
            "TICKSTOCK_VOLUME_SPIKE");

    private static final Map<String, String> CANONICAL = canonical();

    private static Map<String, String> canonical() {
        Map<String, String> m = new TreeMap<>();
        for (String n : PATTERN_TYPES) m.put(n.toUpperCase(Locale.ROOT), n);
        for (String n : FUNCTIONS) m.put(n, n);
        return m;
    }

    /** The canonical spelling of {@code name} (a pattern type or a function, any case), or null when unknown. */
    public static @org.jspecify.annotations.Nullable String canonical(String name) {
        return CANONICAL.get(name.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * Checks a job's {@code patterns}: empty or containing {@code all} means every pattern.
     *
     * @throws IllegalArgumentException naming {@code patterns} and the first unknown name
     */
    public static void check(List<String> names) {
        for (String n : names) {
            if (n.equalsIgnoreCase("all")) continue;
            if (canonical(n) == null)
                throw new IllegalArgumentException(
                        "patterns: unknown pattern '" + n.trim()
                                + "' (a pattern_type such as BullishEngulfing or Hammer, a TA-Lib function such as CDLENGULFING, or all)");
        }
    }
}
