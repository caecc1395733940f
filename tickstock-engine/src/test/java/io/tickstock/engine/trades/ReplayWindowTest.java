package io.tickstock.engine.trades;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A replay of one day takes that New York day's trades only. */
class ReplayWindowTest {
    static final long OPEN = 1_381_239_000_000L; // 2013-10-08 09:30 New York

    static Trade at(long millis) {
        return new Trade("SPY", millis, 169.5, 100, TradeUpdates.ALL);
    }

    @Test
    void tradesOfTheReplayedDayPassAndOthersAreCounted() {
        ReplayWindow w = ReplayWindow.ofDay(OPEN);
        assertThat(w.accepts(at(OPEN))).isTrue();
        assertThat(w.accepts(at(OPEN - 5 * 3_600_000L))).as("04:30, pre-market").isTrue();
        assertThat(w.accepts(at(OPEN + 10 * 3_600_000L)))
                .as("19:30, after hours")
                .isTrue();
        assertThat(w.accepts(at(4_102_444_800_000L))).as("2100-01-01").isFalse();
        assertThat(w.accepts(at(OPEN + 15 * 3_600_000L)))
                .as("00:30 the next day")
                .isFalse();
        assertThat(w.accepts(at(OPEN - 10 * 3_600_000L)))
                .as("23:30 the day before")
                .isFalse();
        assertThat(w.refused()).isEqualTo(3);
    }

    @Test
    void aSourceReadFromItsStartHasNoBound() {
        assertThat(ReplayWindow.ofDay(Long.MIN_VALUE).accepts(at(4_102_444_800_000L)))
                .isTrue();
    }
}
