package io.tickstock.engine.pipeline;

import io.tickstock.engine.alerts.Alert;
import io.tickstock.engine.alerts.AlertDetector;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.indicators.Indicator;
import io.tickstock.engine.indicators.IndicatorSet;
import io.tickstock.engine.indicators.IndicatorSpec;
import io.tickstock.engine.patterns.CandlePatterns;
import io.tickstock.engine.patterns.PatternScanner;
import io.tickstock.engine.patterns.PricePatterns;
import java.util.List;

/**
 * The indicator, pattern and alert state of one symbol at one point of its bar sequence, fed bar by bar:
 * indicators, then the 61 candlestick patterns and the four price patterns, then alerts. Copyable, so a
 * {@link Corrections} checkpoint costs one copy. Not thread-safe: the shard thread owns it.
 */
final class SymbolAnalytics {
    private final IndicatorSet indicators;
    private final PatternScanner candles;
    private final PricePatterns prices;
    private final AlertDetector alerts;

    SymbolAnalytics(IndicatorSpec spec, long alertCooldownMillis) {
        this(
                spec.newSet(),
                new PatternScanner(CandlePatterns.taLib()),
                new PricePatterns(),
                new AlertDetector(alertCooldownMillis));
    }

    private SymbolAnalytics(
            IndicatorSet indicators, PatternScanner candles, PricePatterns prices, AlertDetector alerts) {
        this.indicators = indicators;
        this.candles = candles;
        this.prices = prices;
        this.alerts = alerts;
    }

    SymbolAnalytics copy() {
        return new SymbolAnalytics(indicators.copy(), candles.copy(), prices.copy(), alerts.copy());
    }

    void onBar(Bar bar, AnalyticsListener listener) {
        List<Indicator> ready = indicators.update(bar);
        if (!ready.isEmpty()) listener.onIndicators(bar, ready);
        candles.scan(bar, d -> listener.onPattern(bar, d));
        prices.scan(bar, d -> listener.onPattern(bar, d));
        for (Alert a : alerts.evaluate(indicators, bar)) listener.onAlert(bar, a);
    }
}
