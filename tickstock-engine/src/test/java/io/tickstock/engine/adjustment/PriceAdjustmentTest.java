package io.tickstock.engine.adjustment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickstock.contract.Adjustment;
import io.tickstock.engine.MarketData;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.session.NyseCalendar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * AAPL around its 7:1 split of 2014-06-09, daily and minute bars, against LEAN's factor math done by hand from the
 * factor file's rows 20140507, 20140606 and 20140806.
 */
class PriceAdjustmentTest {
    /** price_factor × split_factor by hand: rows 20140507 (to 2014-05-07), 20140606, 20140806. */
    static double adjustedFactor(LocalDate day) {
        if (!day.isAfter(LocalDate.of(2014, 5, 7))) return 0.8961764 * 0.0357143;
        if (!day.isAfter(LocalDate.of(2014, 6, 6))) return 0.9011818 * 0.0357143;
        return 0.9011818 * 0.25;
    }

    static double splitFactor(LocalDate day) {
        return day.isAfter(LocalDate.of(2014, 6, 6)) ? 0.25 : 0.0357143;
    }

    static LocalDate day(Bar b) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(b.startMillis()), NyseCalendar.NEW_YORK);
    }

    static List<Bar> daily() {
        return MarketData.bars(MarketData.lean("daily/aapl.zip")).stream()
                .filter(b -> day(b).getYear() == 2014 && day(b).getMonthValue() >= 5 && day(b).getMonthValue() <= 7)
                .toList();
    }

    static List<Bar> minute() throws IOException {
        List<Bar> bars = new ArrayList<>();
        try (Stream<Path> files = Files.list(MarketData.lean("minute/aapl"))) {
            for (Path p : files.sorted().toList()) bars.addAll(MarketData.bars(p));
        }
        return bars;
    }

    @Test
    void adjustedDailyAndMinuteClosesAreLeansFactorMath() throws IOException {
        FactorFile aapl = FactorFile.find(MarketData.root(), "AAPL").orElseThrow();
        for (List<Bar> raw : List.of(daily(), minute())) {
            List<Bar> adjusted = PriceAdjustment.apply(raw, aapl, Adjustment.ADJUSTED);
            List<Bar> split = PriceAdjustment.apply(raw, aapl, Adjustment.SPLIT);
            assertThat(adjusted).hasSameSizeAs(raw);
            for (int i = 0; i < raw.size(); i++) {
                Bar r = raw.get(i), a = adjusted.get(i), s = split.get(i);
                double f = adjustedFactor(day(r));
                assertThat(a.close()).isCloseTo(r.close() * f, within(1e-9));
                assertThat(a.open()).isCloseTo(r.open() * f, within(1e-9));
                assertThat(a.high()).isCloseTo(r.high() * f, within(1e-9));
                assertThat(a.low()).isCloseTo(r.low() * f, within(1e-9));
                assertThat(s.close()).isCloseTo(r.close() * splitFactor(day(r)), within(1e-9));
                assertThat(a.volume()).isEqualTo(Math.round(r.volume() / splitFactor(day(r))));
                assertThat(a.startMillis()).isEqualTo(r.startMillis());
            }
        }
    }

    @Test
    void theSplitNoLongerShowsAsAGap() {
        List<Bar> raw = daily();
        FactorFile aapl;
        try {
            aapl = FactorFile.find(MarketData.root(), "AAPL").orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(SplitGaps.find(raw)).extracting(SplitGap::date).containsExactly(LocalDate.of(2014, 6, 9));
        assertThat(SplitGaps.recorded(raw, aapl)).extracting(SplitGap::date).containsExactly(LocalDate.of(2014, 6, 9));
        List<Bar> adjusted = PriceAdjustment.apply(raw, aapl, Adjustment.ADJUSTED);
        assertThat(SplitGaps.find(adjusted)).isEmpty();
        assertThat(PriceAdjustment.apply(raw, aapl, Adjustment.RAW)).isEqualTo(raw);
    }
}
