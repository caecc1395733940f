package io.tickstock.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tickstock.engine.alerts.Alert;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.indicators.Indicator;
import io.tickstock.engine.patterns.Detection;
import io.tickstock.engine.pipeline.AnalyticsListener;
import io.tickstock.engine.pipeline.Pipeline;
import io.tickstock.engine.trades.Trade;
import io.tickstock.engine.trades.TradeUpdates;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A shard whose analytics throw an {@link Error} reports it to the feed thread instead of leaving it blocked. */
class ShardThreadTest {
    static final long T0 = 1_381_239_000_000L; // 2013-10-08 13:30 UTC, 09:30 New York

    @Test
    void anErrorInTheAnalyticsReachesTheFeedThread() {
        Pipeline pipeline = new Pipeline(Pipeline.Options.defaults(), new AnalyticsListener() {
            @Override
            public void onBar(Bar bar) {
                throw new StackOverflowError("a bar listener blew its stack");
            }

            @Override
            public void onIndicators(Bar bar, List<Indicator> ready) {}

            @Override
            public void onPattern(Bar bar, Detection detection) {}

            @Override
            public void onAlert(Bar bar, Alert alert) {}
        });
        ShardThread shard = new ShardThread("shard-test", pipeline);
        assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> assertThatThrownBy(() -> {
                            // far more batches than the shard's queue holds: a dead shard would leave this thread
                            // blocked
                            for (int i = 0; i < 100 * ShardThread.QUEUED; i++) {
                                long t = T0 + i * 1_000L;
                                shard.add(new Trade("SPY", t, 170 + i % 7 * 0.01, 100, TradeUpdates.ALL), t);
                                shard.handOff(t, null, false);
                            }
                        })
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("shard-test failed")
                        .hasMessageContaining("StackOverflowError"));
    }
}
