package io.tickstock.engine.indicators;

import org.jspecify.annotations.Nullable;

/**
 * Base of the indicators: copyable state plus the {@link IndicatorSeries} that {@link IndicatorSpec#newSet()}
 * hands every instance of one spec item (copies share it). An instance built directly describes itself on
 * first use. Not thread-safe: the shard thread owns it.
 */
abstract class IndicatorBase extends Copyable implements Indicator {
    private @Nullable IndicatorSeries series;

    @Override
    public final IndicatorSeries series() {
        IndicatorSeries s = series;
        return s != null ? s : (series = IndicatorSeries.of(this));
    }

    /** Set by the spec that built this instance. */
    final void series(IndicatorSeries shared) {
        this.series = shared;
    }
}
