package io.tickstock.engine.pipeline;

import io.tickstock.engine.alerts.Alert;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.indicators.Indicator;
import io.tickstock.engine.patterns.Detection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Receives the pipeline's results, on the shard thread, in this order per closed bar: bar, indicators,
 * patterns, alerts. Implementations must not block and must copy what they keep: indicator objects are
 * updated in place by the next bar.
 */
public interface AnalyticsListener {
    void onBar(Bar bar);

    /** The indicators that have a value for {@code bar} (past their lookback). */
    void onIndicators(Bar bar, List<Indicator> ready);

    void onPattern(Bar bar, Detection detection);

    void onAlert(Bar bar, Alert alert);

    /** A late trade changed a closed bar (or created one): the whole corrected bar and its revision (1, 2, …). */
    default void onBarCorrection(Bar bar, int revision) {}

    /** A bar correction removed a pattern published earlier for {@code bar}. */
    default void onPatternRetracted(Bar bar, Detection detection) {}

    /**
     * A bar correction changed indicator values published earlier for {@code bar}: they replace those values (the
     * same symbol, series and bar), they add none. By default handled as {@link #onIndicators}.
     */
    default void onIndicatorsRevised(Bar bar, List<Indicator> revised) {
        onIndicators(bar, revised);
    }

    /**
     * A bar correction changed the output of a pattern published earlier for {@code bar} (the same symbol, pattern
     * and bar): it replaces that detection. By default handled as {@link #onPattern}.
     */
    default void onPatternRevised(Bar bar, Detection detection) {
        onPattern(bar, detection);
    }

    /**
     * Every bar due at the current watermark has been handed over (once per trade, watermark or flush of the
     * pipeline, whether or not a bar closed): a listener that batches may send what it holds. Must be cheap
     * when there is nothing to send.
     */
    default void onBarsClosed() {}

    /** This listener, also handing every closed bar to {@code observer} (after this listener's onBar). */
    default AnalyticsListener withBarObserver(Consumer<Bar> observer) {
        AnalyticsListener self = this;
        return new AnalyticsListener() {
            @Override
            public void onBar(Bar bar) {
                self.onBar(bar);
                observer.accept(bar);
            }

            @Override
            public void onIndicators(Bar bar, List<Indicator> ready) {
                self.onIndicators(bar, ready);
            }

            @Override
            public void onPattern(Bar bar, Detection detection) {
                self.onPattern(bar, detection);
            }

            @Override
            public void onAlert(Bar bar, Alert alert) {
                self.onAlert(bar, alert);
            }

            @Override
            public void onBarCorrection(Bar bar, int revision) {
                self.onBarCorrection(bar, revision);
            }

            @Override
            public void onPatternRetracted(Bar bar, Detection d) {
                self.onPatternRetracted(bar, d);
            }

            @Override
            public void onIndicatorsRevised(Bar bar, List<Indicator> revised) {
                self.onIndicatorsRevised(bar, revised);
            }

            @Override
            public void onPatternRevised(Bar bar, Detection d) {
                self.onPatternRevised(bar, d);
            }

            @Override
            public void onBarsClosed() {
                self.onBarsClosed();
            }
        };
    }
}
