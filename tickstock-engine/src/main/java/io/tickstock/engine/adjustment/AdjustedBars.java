package io.tickstock.engine.adjustment;

import io.tickstock.contract.Adjustment;
import io.tickstock.engine.bars.Bar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * One symbol's bars as a backtest reads them: prices under the adjustment actually applied, and, when they are raw,
 * the split-like gaps no position may be held across.
 *
 * @param bars      in time order
 * @param applied   the adjustment applied: the one asked for, or {@link Adjustment#RAW} without a factor file
 * @param splitGaps {@link SplitGaps#find} of raw bars; empty for adjusted ones
 * @param warnings  readable lines for the result: a missing factor file, each split-like gap
 */
public record AdjustedBars(List<Bar> bars, Adjustment applied, List<SplitGap> splitGaps, List<String> warnings) {
    public AdjustedBars {
        bars = List.copyOf(bars);
        splitGaps = List.copyOf(splitGaps);
        warnings = List.copyOf(warnings);
    }

    /** The bar indices just after a split-like gap (bit g: a gap between bars g − 1 and g). */
    public BitSet gapIndices() {
        BitSet gaps = new BitSet();
        for (SplitGap g : splitGaps) gaps.set(g.index());
        return gaps;
    }

    /** Raw bars without a factor file to check them against: their split-like gaps found and warned of. */
    public static AdjustedBars raw(String symbol, List<Bar> bars) {
        return raw(symbol, bars, new ArrayList<>());
    }

    private static AdjustedBars raw(String symbol, List<Bar> bars, List<String> warnings) {
        List<SplitGap> gaps = SplitGaps.find(bars);
        for (SplitGap g : gaps) warnings.add(g.describe(symbol));
        return new AdjustedBars(bars, Adjustment.RAW, gaps, warnings);
    }

    /**
     * {@code rawBars} of {@code symbol} under {@code asked}, with the factor file found under {@code dataDir}
     * ({@link FactorFile#find}); without one the bars stay raw, with a warning saying so.
     *
     * @throws IOException when the symbol's factor file exists but cannot be read
     */
    public static AdjustedBars of(Path dataDir, String symbol, List<Bar> rawBars, Adjustment asked) throws IOException {
        Optional<FactorFile> factors = FactorFile.find(dataDir, symbol);
        if (asked == Adjustment.RAW && factors.isPresent()) {
            List<SplitGap> splits = SplitGaps.recorded(rawBars, factors.get());
            return new AdjustedBars(
                    rawBars,
                    Adjustment.RAW,
                    splits,
                    splits.stream().map(g -> g.describe(symbol)).toList());
        }
        if (asked == Adjustment.RAW) return raw(symbol, rawBars);
        if (factors.isEmpty()) {
            List<String> warnings = new ArrayList<>();
            warnings.add(symbol + ": no factor file, so its prices are raw (not " + asked.wireName() + ")");
            return raw(symbol, rawBars, warnings);
        }
        return new AdjustedBars(PriceAdjustment.apply(rawBars, factors.get(), asked), asked, List.of(), List.of());
    }
}
