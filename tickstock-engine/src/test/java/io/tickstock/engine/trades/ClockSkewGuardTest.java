package io.tickstock.engine.trades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Event times up to the skew ahead of the injected clock pass; later ones are refused and counted. */
class ClockSkewGuardTest {
    @Test
    void refusesOnlyWhatLiesBeyondTheSkew() {
        AtomicLong now = new AtomicLong(1_700_000_000_000L);
        ClockSkewGuard guard = new ClockSkewGuard(5_000, now::get);
        assertThat(guard.accepts(now.get() - 86_400_000L, "SPY"))
                .as("the past: late, not future")
                .isTrue();
        assertThat(guard.accepts(now.get() + 5_000, "SPY")).isTrue();
        assertThat(guard.accepts(now.get() + 5_001, "SPY")).isFalse();
        assertThat(guard.accepts(Long.MAX_VALUE, "SPY")).isFalse();
        now.addAndGet(10_000); // the clock catches up: the same time passes now
        assertThat(guard.accepts(1_700_000_005_001L, "SPY")).isTrue();
        assertThat(guard.refused()).isEqualTo(2);
        assertThatThrownBy(() -> new ClockSkewGuard(-1, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
