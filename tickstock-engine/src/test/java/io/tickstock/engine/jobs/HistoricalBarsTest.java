package io.tickstock.engine.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.contract.Adjustment;
import io.tickstock.engine.MarketData;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A job's bars estimated from the data's extent before reading: never fewer than are read, and bounded by the data. */
class HistoricalBarsTest {
    final HistoricalBars bars = new HistoricalBars(MarketData.root(), null);

    @Test
    void weekdaysAreCountedByCalendar() {
        assertThat(HistoricalBars.weekdays(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 10)))
                .isEqualTo(5);
        assertThat(HistoricalBars.weekdays(LocalDate.of(2024, 3, 9), LocalDate.of(2024, 3, 10)))
                .isZero();
        assertThat(HistoricalBars.weekdays(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)))
                .isEqualTo(262);
        assertThat(HistoricalBars.weekdays(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 1)))
                .isZero();
    }

    @Test
    void theEstimateIsAnUpperBoundThatTheDataLimits() throws Exception {
        LocalDate from = LocalDate.of(1970, 1, 1), to = LocalDate.of(2099, 12, 31);
        long daily = bars.estimate("SPY", "daily", from, to);
        int read = bars.read("SPY", "daily", from, to, Adjustment.RAW).bars().size();
        assertThat(daily).isGreaterThanOrEqualTo(read).isLessThan(3L * read);
        long minute = bars.estimate("AAPL", "1min", from, to);
        int minutes = bars.read("AAPL", "1min", from, to, Adjustment.RAW).bars().size();
        assertThat(minute).isGreaterThanOrEqualTo(minutes).isLessThanOrEqualTo(390L * 3);
        assertThat(bars.estimate("ZZZZ", "1min", from, to)).isZero();
        assertThat(bars.estimate("ZZZZ", "daily", from, to)).isZero();
    }
}
