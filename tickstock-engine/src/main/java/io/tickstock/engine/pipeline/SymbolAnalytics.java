package io.tickstock.engine.pipeline;

import io.tickstock.engine.alerts.Alert;
import io.tickstock.engine.alerts.AlertDetector;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.indicators.Indicator;
import io.tickstock.engine.indicators.IndicatorSet;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.Detection;
import io.tickstock.engine.patterns.Doji;
import io.tickstock.engine.patterns.Hammer;
import java.util.List;

/** The indicator, pattern and alert state of one symbol. Not thread-safe. */
final class SymbolAnalytics {
    private final IndicatorSet indicators = IndicatorSet.standard();
    private final CandleHistory history = new CandleHistory();
    private final List<CandlePattern> patterns = List.of(new Doji(), new Hammer());
    private final AlertDetector alerts = new AlertDetector();

    void onBar(Bar bar, AnalyticsListener listener) {
        List<Indicator> ready = indicators.update(bar);
        if (!ready.isEmpty()) listener.onIndicators(bar, ready);
        history.add(bar);
        for (CandlePattern p : patterns) {
            Detection d = p.evaluate(history);
            if (d != null) listener.onPattern(bar, d);
        }
        for (Alert a : alerts.evaluate(indicators, bar.close())) listener.onAlert(bar, a);
    }
}
