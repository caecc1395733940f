/**
 * The 61 TA-Lib candlestick patterns, one class per CDL function, named after the pattern
 * ({@code CDLENGULFING} → {@code Engulfing}). Each states its candle settings and definition, registers the
 * candle averages it reads with {@link io.tickstock.engine.patterns.CandleAverages} and returns TA-Lib's
 * integer output for the newest bar. Stateless; shared by all symbols and threads.
 */
@NullMarked
package io.tickstock.engine.patterns.candles;

import org.jspecify.annotations.NullMarked;
