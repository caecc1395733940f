package io.tickstock.engine.pipeline;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.bars.BarAggregator;
import io.tickstock.engine.bars.MarketSession;
import io.tickstock.engine.indicators.IndicatorSpec;
import io.tickstock.engine.trades.Trade;
import java.util.HashMap;
import java.util.Map;

/**
 * One shard's analytics. Trades and watermarks go in; every closed bar goes to the listener, and, when it
 * is a regular-hours bar (or {@code extendedHoursAnalytics} is on), through the symbol's indicators,
 * patterns and alerts. Late trades within the correction window come out as bar corrections followed by
 * what they changed. Single-threaded: call every method from the shard thread.
 */
public final class Pipeline {
    private final AnalyticsListener listener;
    private final Options options;
    private final BarAggregator bars;
    private final Map<String, Corrections> symbols = new HashMap<>();
    private long trades, closedBars, correctedBars;

    /**
     * What the pipeline computes and how it closes bars.
     *
     * @param graceMillis            watermark grace after each minute (default 2000 ms)
     * @param correctionWindowMillis how long after a minute a late trade still corrects its bar (default 15 min)
     * @param fillForward            filled bars for minutes without trades (default false)
     * @param extendedHoursAnalytics whether pre/after-hours bars feed indicators and patterns (default false)
     * @param indicators             the indicators computed per symbol (default the integration contract's minimum set)
     * @param alertCooldownMillis    per-symbol cooldown between alerts of one type (default 0, none)
     * @param closingAuctionInLastBar whether the closing auction print goes to the last regular-hours bar, as the data
     *                               vendors' minute bars do (default true; false keeps it at its time stamp)
     * @param maxSymbols             most symbols the pipeline keeps state for (default {@value #DEFAULT_MAX_SYMBOLS});
     *                               the trades of further symbols are refused and counted
     */
    public record Options(
            long graceMillis,
            long correctionWindowMillis,
            boolean fillForward,
            boolean extendedHoursAnalytics,
            IndicatorSpec indicators,
            long alertCooldownMillis,
            boolean closingAuctionInLastBar,
            int maxSymbols) {
        /** Symbols kept by default: the US equity universe (about 12,000 listed) with room to spare. */
        public static final int DEFAULT_MAX_SYMBOLS = 20_000;

        public Options {
            if (maxSymbols < 1) throw new IllegalArgumentException("max symbols must be at least 1, was " + maxSymbols);
        }

        public static Options defaults() {
            return new Options(
                    2_000, 15 * Bar.MINUTE, false, false, IndicatorSpec.STANDARD, 0, true, DEFAULT_MAX_SYMBOLS);
        }

        /** These options with at most {@code max} symbols. */
        public Options withMaxSymbols(int max) {
            return new Options(
                    graceMillis,
                    correctionWindowMillis,
                    fillForward,
                    extendedHoursAnalytics,
                    indicators,
                    alertCooldownMillis,
                    closingAuctionInLastBar,
                    max);
        }

        public Options withIndicators(IndicatorSpec spec) {
            return new Options(
                    graceMillis,
                    correctionWindowMillis,
                    fillForward,
                    extendedHoursAnalytics,
                    spec,
                    alertCooldownMillis,
                    closingAuctionInLastBar,
                    maxSymbols);
        }
    }

    public Pipeline(Options options, AnalyticsListener listener) {
        this.listener = listener;
        this.options = options;
        this.bars = new BarAggregator(
                options.graceMillis(),
                options.correctionWindowMillis(),
                options.fillForward(),
                options.closingAuctionInLastBar(),
                options.maxSymbols(),
                new BarAggregator.Sink() {
                    @Override
                    public void onBar(Bar bar) {
                        Pipeline.this.onBar(bar);
                    }

                    @Override
                    public void onCorrection(Bar bar, int revision) {
                        Pipeline.this.onCorrection(bar, revision);
                    }
                });
    }

    /** Adds a trade; its own time also advances the watermark (event time). */
    public void onTrade(Trade trade) {
        trades++;
        bars.onWatermark(trade.timeMillis());
        bars.onTrade(trade);
        listener.onBarsClosed();
    }

    /** Advances event time without a trade (replay clock or wall clock), closing due bars. */
    public void onWatermark(long epochMillis) {
        bars.onWatermark(epochMillis);
        listener.onBarsClosed();
    }

    /** Closes every open bar (end of input). */
    public void flush() {
        bars.flush();
        listener.onBarsClosed();
    }

    /** Feeds an already built bar (bar files, re-warm) as if it had just closed. */
    public void onBar(Bar bar) {
        closedBars++;
        listener.onBar(bar);
        if (analyzed(bar)) analytics(bar.symbol()).onBar(bar, listener);
    }

    /**
     * Re-warms a symbol after a restart: runs a bar that was already published through the symbol's analytics,
     * handing the results to {@code to} instead of the pipeline's listener. Bars of one symbol in time order.
     */
    public void warm(Bar bar, AnalyticsListener to) {
        to.onBar(bar);
        if (analyzed(bar)) analytics(bar.symbol()).onBar(bar, to);
    }

    private void onCorrection(Bar bar, int revision) {
        correctedBars++;
        listener.onBarCorrection(bar, revision);
        if (analyzed(bar)) analytics(bar.symbol()).onCorrection(bar, listener);
    }

    private boolean analyzed(Bar bar) {
        return bar.session() == MarketSession.REGULAR || options.extendedHoursAnalytics();
    }

    private Corrections analytics(String symbol) {
        return symbols.computeIfAbsent(
                symbol, s -> new Corrections(new SymbolAnalytics(options.indicators(), options.alertCooldownMillis())));
    }

    public long trades() {
        return trades;
    }

    public long closedBars() {
        return closedBars;
    }

    public long correctedBars() {
        return correctedBars;
    }

    public long lateTrades() {
        return bars.lateTrades();
    }

    /** Trades refused because their symbol came beyond {@link Options#maxSymbols}. */
    public long refusedSymbolTrades() {
        return bars.refusedSymbolTrades();
    }

    public long ineligibleTrades() {
        return bars.ineligibleTrades();
    }

    public int activeSymbols() {
        return bars.symbolCount();
    }
}
