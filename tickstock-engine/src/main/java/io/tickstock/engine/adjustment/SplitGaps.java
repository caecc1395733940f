package io.tickstock.engine.adjustment;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.session.NyseCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds the splits between raw bars: those a factor file records ({@link #recorded}) and, for bars without one (such as
 * those live sessions stored), the overnight gaps that are likely splits ({@link #find}): between two bars on different New York days, the open over the previous close moved by more than
 * {@value #MIN_GAP} (a fraction) and, times a split's new:old share ratio, lies within {@value #TOLERANCE} of 1
 * (|ln(ratio × n ÷ m)| ≤ tolerance). The ratios checked: 2:1, 3:2, 3:1, 4:1, 5:1, 7:1, 8:1, 10:1, 15:1, 20:1 and the
 * reverse splits 1:2, 1:3, 1:4, 1:5, 1:8, 1:10, 1:15, 1:20, 1:25, 1:50. A heuristic: a real move of the same size
 * is flagged too, which only costs a forced exit. Pure.
 */
public final class SplitGaps {
    private SplitGaps() {}

    /** Smallest overnight move, a fraction of the previous close, that may be a split. */
    public static final double MIN_GAP = 0.3;

    /** Largest |ln(price ratio × split ratio)| still taken as that split. */
    public static final double TOLERANCE = 0.1;

    private static final int[][] RATIOS = {
        {2, 1}, {3, 2}, {3, 1}, {4, 1}, {5, 1}, {7, 1}, {8, 1}, {10, 1}, {15, 1}, {20, 1},
        {1, 2}, {1, 3}, {1, 4}, {1, 5}, {1, 8}, {1, 10}, {1, 15}, {1, 20}, {1, 25}, {1, 50}
    };

    /** The split-like gaps of one symbol's bars (in time order), in order. */
    public static List<SplitGap> find(List<Bar> bars) {
        List<SplitGap> gaps = new ArrayList<>();
        for (int i = 1; i < bars.size(); i++) {
            Bar prev = bars.get(i - 1), bar = bars.get(i);
            if (day(prev).equals(day(bar)) || !(prev.close() > 0)) continue;
            double ratio = bar.open() / prev.close();
            if (Math.abs(ratio - 1) <= MIN_GAP) continue;
            double[] split = nearestSplit(ratio);
            if (split != null)
                gaps.add(new SplitGap(i, day(bar), split[0] / split[1], false, prev.close(), bar.open()));
        }
        return gaps;
    }

    /**
     * The splits a factor file records between consecutive bars (in time order): where the split factor of one bar's
     * New York date differs from the previous bar's, new shares per old = the later factor ÷ the earlier.
     */
    public static List<SplitGap> recorded(List<Bar> bars, FactorFile factors) {
        List<SplitGap> gaps = new ArrayList<>();
        for (int i = 1; i < bars.size(); i++) {
            Bar prev = bars.get(i - 1), bar = bars.get(i);
            double ratio =
                    factors.at(day(bar)).splitFactor() / factors.at(day(prev)).splitFactor();
            if (Math.abs(ratio - 1) > 1e-6) gaps.add(new SplitGap(i, day(bar), ratio, true, prev.close(), bar.open()));
        }
        return gaps;
    }

    /** The split (new shares, old shares) a price ratio lies near, or null. */
    static double @Nullable [] nearestSplit(double priceRatio) {
        double[] best = null;
        double bestDistance = TOLERANCE;
        for (int[] r : RATIOS) {
            double distance = Math.abs(Math.log(priceRatio * r[0] / r[1]));
            if (distance <= bestDistance) {
                bestDistance = distance;
                best = new double[] {r[0], r[1]};
            }
        }
        return best;
    }

    private static LocalDate day(Bar b) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(b.startMillis()), NyseCalendar.NEW_YORK);
    }
}
