package io.tickstock.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.engine.alerts.Alert;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.bars.MarketSession;
import io.tickstock.engine.feed.SyntheticTrades;
import io.tickstock.engine.indicators.Indicator;
import io.tickstock.engine.patterns.Detection;
import io.tickstock.engine.pipeline.AnalyticsListener;
import io.tickstock.engine.pipeline.Pipeline;
import io.tickstock.engine.trades.Trade;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Bars are tagged by the NYSE calendar: after a 13:00 early close they are after-hours and feed no analytics. */
class EarlyCloseTest {
    @Test
    void barsAfterAnEarlyCloseAreAfterHours() {
        assertThat(MarketSession.of(NyseCalendarTest.ny(2026, 11, 27, 12, 59))).isEqualTo(MarketSession.REGULAR);
        assertThat(MarketSession.of(NyseCalendarTest.ny(2026, 11, 27, 13, 0)))
                .isEqualTo(MarketSession.POST); // the day after Thanksgiving
        assertThat(MarketSession.of(NyseCalendarTest.ny(2026, 11, 30, 15, 59))).isEqualTo(MarketSession.REGULAR);
        assertThat(MarketSession.of(NyseCalendarTest.ny(2026, 11, 26, 10, 0)))
                .as("Thanksgiving: no regular hours")
                .isEqualTo(MarketSession.POST);
        assertThat(MarketSession.of(NyseCalendarTest.ny(2026, 11, 30, 9, 29))).isEqualTo(MarketSession.PRE);
        assertThat(NyseCalendar.regularClose(LocalDate.of(2026, 11, 28)))
                .as("a Saturday")
                .isNull();
    }

    @Test
    void aSyntheticReplayOfAnEarlyCloseDayRunsAnalyticsOnlyUntil1300() {
        long close = NyseCalendarTest.ny(2026, 11, 27, 13, 0);
        AtomicLong afterClose = new AtomicLong(), before = new AtomicLong(), postBars = new AtomicLong();
        Pipeline pipeline = new Pipeline(Pipeline.Options.defaults(), new AnalyticsListener() {
            @Override
            public void onBar(Bar bar) {
                if (bar.startMillis() >= close && bar.session() == MarketSession.POST) postBars.incrementAndGet();
            }

            @Override
            public void onIndicators(Bar bar, List<Indicator> ready) {
                (bar.startMillis() >= close ? afterClose : before).incrementAndGet();
            }

            @Override
            public void onPattern(Bar bar, Detection detection) {
                if (bar.startMillis() >= close) afterClose.incrementAndGet();
            }

            @Override
            public void onAlert(Bar bar, Alert alert) {
                if (bar.startMillis() >= close) afterClose.incrementAndGet();
            }
        });
        try (SyntheticTrades trades = new SyntheticTrades(List.of("AAA", "BBB"), LocalDate.of(2026, 11, 27), 7)) {
            for (Trade t; (t = trades.next()) != null; ) pipeline.onTrade(t);
        }
        pipeline.flush();
        assertThat(before.get()).isPositive();
        assertThat(postBars.get())
                .as("13:00-16:00 bars still published, as after-hours")
                .isEqualTo(2 * 180);
        assertThat(afterClose.get())
                .as("no indicator, pattern or alert after the early close")
                .isZero();
    }
}
