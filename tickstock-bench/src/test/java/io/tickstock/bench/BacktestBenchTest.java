package io.tickstock.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code bench quick}'s backtest keys are measured on the recorded data (their values are reported, not asserted). */
@Tag("e2e")
class BacktestBenchTest {
    @Test
    void theBacktestFiguresAreMeasured() throws Exception {
        Map<String, Object> r = BacktestBench.run();
        System.out.println("backtest bench: " + r);
        assertThat((Double) r.get("backtest_daily_ms_per_symbol")).isPositive();
        assertThat((Double) r.get("backtest_minute_ms")).isPositive();
        assertThat((Integer) r.get("backtest_daily_bars")).isGreaterThan(2_000);
        assertThat((Integer) r.get("backtest_minute_bars")).isGreaterThan(5_000);
    }
}
