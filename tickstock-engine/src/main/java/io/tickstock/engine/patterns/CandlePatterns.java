package io.tickstock.engine.patterns;

import io.tickstock.engine.patterns.candles.*;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The catalog of all 61 TA-Lib candlestick patterns, in TA-Lib's order of function names
 * ({@code CDL2CROWS} … {@code CDLXSIDEGAP3METHODS}), with the candle averages they share. Built once;
 * immutable and shared by every symbol and thread. Per-symbol state lives in the {@link CandleHistory}
 * that {@link #newHistory()} creates.
 */
public final class CandlePatterns {
    /** Marks, in an outputs array, a pattern still within its lookback on that bar. */
    public static final int NO_OUTPUT = Integer.MIN_VALUE;

    private static final CandlePatterns TA_LIB = new CandlePatterns();

    private final CandleAverages averages = new CandleAverages();
    private final CandlePattern[] patterns;
    private final List<CandlePattern> list;

    private CandlePatterns() {
        CandleAverages a = averages;
        CandlePattern[] all = {
            new AbandonedBaby(a),
            new AdvanceBlock(a),
            new BeltHold(a),
            new Breakaway(a),
            new ClosingMarubozu(a),
            new ConcealingBabySwallow(a),
            new CounterAttack(a),
            new DarkCloudCover(a),
            new Doji(a),
            new DojiStar(a),
            new DragonflyDoji(a),
            new Engulfing(a),
            new EveningDojiStar(a),
            new EveningStar(a),
            new GapSideBySideWhite(a),
            new GravestoneDoji(a),
            new Hammer(a),
            new HangingMan(a),
            new Harami(a),
            new HaramiCross(a),
            new HighWave(a),
            new Hikkake(a),
            new HomingPigeon(a),
            new IdenticalThreeCrows(a),
            new InNeck(a),
            new InvertedHammer(a),
            new Kicking(a),
            new KickingByLength(a),
            new LadderBottom(a),
            new LongLeggedDoji(a),
            new LongLine(a),
            new Marubozu(a),
            new MatHold(a),
            new MatchingLow(a),
            new ModifiedHikkake(a),
            new MorningDojiStar(a),
            new MorningStar(a),
            new OnNeck(a),
            new Piercing(a),
            new RickshawMan(a),
            new RiseFallThreeMethods(a),
            new SeparatingLines(a),
            new ShootingStar(a),
            new ShortLine(a),
            new SpinningTop(a),
            new StalledPattern(a),
            new StickSandwich(a),
            new Takuri(a),
            new TasukiGap(a),
            new ThreeBlackCrows(a),
            new ThreeInside(a),
            new ThreeLineStrike(a),
            new ThreeOutside(a),
            new ThreeStarsInSouth(a),
            new ThreeWhiteSoldiers(a),
            new Thrusting(a),
            new Tristar(a),
            new TwoCrows(a),
            new UniqueThreeRiver(a),
            new UpsideGapTwoCrows(a),
            new XSideGapThreeMethods(a)
        };
        Arrays.sort(all, Comparator.comparing(CandlePattern::function));
        patterns = all;
        list = List.of(all);
        averages.freeze();
    }

    /** The 61 TA-Lib patterns with TA-Lib's default candle settings. */
    public static CandlePatterns taLib() {
        return TA_LIB;
    }

    /** The patterns in TA-Lib's order. */
    public List<CandlePattern> all() {
        return list;
    }

    public int size() {
        return patterns.length;
    }

    /** A fresh per-symbol history sized for this catalog's averages. */
    public CandleHistory newHistory() {
        return new CandleHistory(averages);
    }

    /**
     * Evaluates every pattern on the newest bar of {@code h} (add the bar first).
     *
     * @param outputs receives TA-Lib's output per pattern, or {@link #NO_OUTPUT} within its lookback
     * @param margins receives the threshold clearance in [0, 1] per pattern (meaningful for non-zero outputs)
     */
    public void evaluate(CandleHistory h, int[] outputs, double[] margins) {
        long index = h.index();
        for (int k = 0; k < patterns.length; k++) {
            CandlePattern p = patterns[k];
            if (index < p.firstBar()) {
                outputs[k] = NO_OUTPUT;
                continue;
            }
            h.clearMargins();
            int out = p.output(h);
            outputs[k] = index < p.lookback() ? NO_OUTPUT : out;
            margins[k] = h.margin();
        }
    }
}
