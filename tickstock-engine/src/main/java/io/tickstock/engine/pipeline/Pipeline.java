package io.tickstock.engine.pipeline;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.bars.BarAggregator;
import io.tickstock.engine.bars.MarketSession;
import io.tickstock.engine.feed.Trade;
import java.util.HashMap;
import java.util.Map;

/**
 * One shard's analytics. Trades and watermarks go in; every closed bar goes to the listener, and, when
 * it is a regular-hours bar (or {@code extendedHoursAnalytics} is on), through the symbol's indicators,
 * patterns and alerts. Single-threaded: call every method from the shard thread.
 */
public final class Pipeline {
    private final AnalyticsListener listener;
    private final boolean extendedHoursAnalytics;
    private final BarAggregator bars;
    private final Map<String, SymbolAnalytics> symbols = new HashMap<>();
    private long trades, closedBars;

    /**
     * @param graceMillis            watermark grace after each minute (default 2000 ms)
     * @param extendedHoursAnalytics whether pre/after-hours bars feed indicators and patterns (default false)
     */
    public Pipeline(long graceMillis, boolean extendedHoursAnalytics, AnalyticsListener listener) {
        this.listener = listener;
        this.extendedHoursAnalytics = extendedHoursAnalytics;
        this.bars = new BarAggregator(graceMillis, this::onBar);
    }

    /** Adds a trade; its own time also advances the watermark (event time). */
    public void onTrade(Trade trade) {
        trades++;
        bars.onWatermark(trade.timeMillis());
        bars.onTrade(trade);
    }

    /** Advances event time without a trade (replay clock or wall clock), closing due bars. */
    public void onWatermark(long epochMillis) {
        bars.onWatermark(epochMillis);
    }

    /** Closes every open bar (end of input). */
    public void flush() {
        bars.flush();
    }

    private void onBar(Bar bar) {
        closedBars++;
        listener.onBar(bar);
        if (bar.session() == MarketSession.REGULAR || extendedHoursAnalytics) {
            symbols.computeIfAbsent(bar.symbol(), s -> new SymbolAnalytics()).onBar(bar, listener);
        }
    }

    public long trades() { return trades; }
    public long closedBars() { return closedBars; }
    public long lateTrades() { return bars.lateTrades(); }
    public long ineligibleTrades() { return bars.ineligibleTrades(); }
    public int activeSymbols() { return bars.symbolCount(); }
}
