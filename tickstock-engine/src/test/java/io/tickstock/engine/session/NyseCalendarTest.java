package io.tickstock.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class NyseCalendarTest {
    final NyseCalendar calendar = new NyseCalendar();

    static long ny(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min)
                .atZone(NyseCalendar.NEW_YORK)
                .toInstant()
                .toEpochMilli();
    }

    @Test
    void regularHoursFollowNewYorkDaylightSavingTime() {
        NyseCalendar.TradingDay winter =
                calendar.tradingDay(LocalDate.of(2026, 1, 6)).orElseThrow();
        NyseCalendar.TradingDay summer =
                calendar.tradingDay(LocalDate.of(2026, 7, 7)).orElseThrow();
        assertThat(winter.open().toInstant().toString()).isEqualTo("2026-01-06T14:30:00Z");
        assertThat(summer.open().toInstant().toString()).isEqualTo("2026-07-07T13:30:00Z");
        assertThat(summer.close().toInstant().toString()).isEqualTo("2026-07-07T20:00:00Z");
    }

    @Test
    void holidaysWeekendsAndObservedDaysAreClosed() {
        assertThat(calendar.isTradingDay(LocalDate.of(2026, 7, 3))).isFalse(); // Independence Day observed
        assertThat(calendar.isTradingDay(LocalDate.of(2027, 6, 18))).isFalse(); // Juneteenth observed
        assertThat(calendar.isTradingDay(LocalDate.of(2027, 3, 26))).isFalse(); // Good Friday
        assertThat(calendar.isTradingDay(LocalDate.of(2025, 1, 9))).isFalse(); // national day of mourning
        assertThat(calendar.isTradingDay(LocalDate.of(2026, 11, 21))).isFalse(); // Saturday
        assertThat(calendar.isTradingDay(LocalDate.of(2026, 11, 23))).isTrue();
        assertThat(calendar.covers(LocalDate.of(2028, 1, 3))).isFalse();
    }

    @Test
    void earlyClosesEndAtOnePm() {
        NyseCalendar.TradingDay blackFriday =
                calendar.tradingDay(LocalDate.of(2026, 11, 27)).orElseThrow();
        assertThat(blackFriday.earlyClose()).isTrue();
        assertThat(blackFriday.close().toLocalTime()).isEqualTo(LocalTime.of(13, 0));
        assertThat(blackFriday.postClose().toLocalTime()).isEqualTo(LocalTime.of(17, 0));
        assertThat(calendar.tradingDay(LocalDate.of(2026, 11, 25)).orElseThrow().earlyClose())
                .isFalse();
    }

    @Test
    void windowsAndNextStart() {
        assertThat(calendar.dayAt(ny(2026, 11, 23, 9, 29), false)).isEmpty();
        assertThat(calendar.dayAt(ny(2026, 11, 23, 9, 30), false)).isPresent();
        assertThat(calendar.dayAt(ny(2026, 11, 23, 16, 0), false)).isEmpty();
        assertThat(calendar.dayAt(ny(2026, 11, 23, 4, 0), true)).isPresent();
        // Wednesday evening before Thanksgiving: next open is Friday's (early close day)
        assertThat(calendar.nextStartMillis(ny(2026, 11, 25, 17, 0), false)).isEqualTo(ny(2026, 11, 27, 9, 30));
    }
}
