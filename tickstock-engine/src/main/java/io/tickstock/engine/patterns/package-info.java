/**
 * Candlestick patterns with TA-Lib 0.4's definitions and default candle settings, evaluated bar by bar:
 * each detector keeps its candle-setting averages incrementally, initialized and rolled exactly as the
 * TA-Lib CDL function does, so its integer output (0, ±100) equals TA-Lib's on every bar. Pure,
 * single-threaded.
 */
package io.tickstock.engine.patterns;
