package io.tickstock.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The 95 % Wilson interval against hand-worked values. */
class HitRateTest {
    @Test
    void fiftyEightOfAHundred() {
        // p = 0.58, z² = 3.8414588; denominator 1.0384146; centre (0.58 + 0.0192073) / 1.0384146 = 0.5770405;
        // half-width 1.959964 × √(0.002436 + 0.0000960365) / 1.0384146 = 0.0949757
        HitRate h = HitRate.of(58, 100);
        assertThat(h.rate()).isEqualTo(0.58);
        assertThat(h.low()).isCloseTo(0.4820649, within(1e-6));
        assertThat(h.high()).isCloseTo(0.6720162, within(1e-6));
    }

    @Test
    void noHitsInFiveStillHasAnUpperBound() {
        // p = 0: centre = (z²/10) / (1 + z²/5) = 0.3841459 / 1.7682918 = 0.2172412; half-width the same
        HitRate h = HitRate.of(0, 5);
        assertThat(h.low()).isEqualTo(0);
        assertThat(h.high()).isCloseTo(0.4344825, within(1e-6));
        assertThatThrownBy(() -> HitRate.of(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HitRate.of(6, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
