/**
 * Pattern detection on closed bars. {@link io.tickstock.engine.patterns.CandlePatterns} is the catalog of all
 * 61 TA-Lib 0.4 candlestick patterns with TA-Lib's default candle settings; per symbol, a
 * {@link io.tickstock.engine.patterns.PatternScanner} keeps the candles and every candle-setting average once,
 * rolled exactly as TA-Lib rolls them, so outputs are identical to TA-Lib's bar by bar.
 * {@link io.tickstock.engine.patterns.PatternConfidence} documents the confidence formula and
 * {@link io.tickstock.engine.patterns.PricePatterns} the four price patterns of the legacy channel. Pure,
 * single-threaded per symbol.
 */
@NullMarked
package io.tickstock.engine.patterns;

import org.jspecify.annotations.NullMarked;
