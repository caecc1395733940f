package io.tickstock.engine.adjustment;

import io.tickstock.contract.Adjustment;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.session.NyseCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a factor file to raw bars, as LEAN's data normalization does: each bar dated D (New York) takes the
 * factors of {@link FactorFile#at(LocalDate)}; {@link Adjustment#SPLIT} multiplies open, high, low, close and VWAP by
 * the split factor, {@link Adjustment#ADJUSTED} by price factor × split factor; both divide the volume by the split
 * factor (rounded to whole shares). {@link Adjustment#RAW} returns the bars unchanged. Pure.
 */
public final class PriceAdjustment {
    private PriceAdjustment() {}

    /** The price multiplier of a bar dated {@code day} under {@code mode}. */
    public static double priceFactor(FactorFile factors, LocalDate day, Adjustment mode) {
        FactorFile.Row r = factors.at(day);
        return switch (mode) {
            case RAW -> 1;
            case SPLIT -> r.splitFactor();
            case ADJUSTED -> r.priceFactor() * r.splitFactor();
        };
    }

    /** {@code bars} (one symbol's, any order) adjusted by {@code factors} under {@code mode}; a new list. */
    public static List<Bar> apply(List<Bar> bars, FactorFile factors, Adjustment mode) {
        if (mode == Adjustment.RAW) return List.copyOf(bars);
        List<Bar> out = new ArrayList<>(bars.size());
        for (Bar b : bars) {
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(b.startMillis()), NyseCalendar.NEW_YORK);
            double f = priceFactor(factors, day, mode);
            double split = factors.at(day).splitFactor();
            out.add(new Bar(
                    b.symbol(),
                    b.startMillis(),
                    b.open() * f,
                    b.high() * f,
                    b.low() * f,
                    b.close() * f,
                    Math.round(b.volume() / split),
                    b.vwap() * f,
                    b.tradeCount(),
                    b.session(),
                    b.filled()));
        }
        return out;
    }
}
