package io.tickstock.engine.pipeline;

import io.tickstock.engine.alerts.Alert;
import io.tickstock.engine.alerts.AlertDetector;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.indicators.Indicator;
import io.tickstock.engine.indicators.IndicatorSet;
import io.tickstock.engine.patterns.CandlePatterns;
import io.tickstock.engine.patterns.PatternScanner;
import java.util.List;

/** The indicator, pattern and alert state of one symbol. Not thread-safe. */
final class SymbolAnalytics {
    private final IndicatorSet indicators = IndicatorSet.standard();
    private final PatternScanner patterns = new PatternScanner(CandlePatterns.taLib());
    private final AlertDetector alerts = new AlertDetector();

    void onBar(Bar bar, AnalyticsListener listener) {
        List<Indicator> ready = indicators.update(bar);
        if (!ready.isEmpty()) listener.onIndicators(bar, ready);
        patterns.scan(bar, d -> listener.onPattern(bar, d));
        for (Alert a : alerts.evaluate(indicators, bar.close())) listener.onAlert(bar, a);
    }
}
