/**
 * Incremental technical indicators, O(1) work per bar, double precision, equal to TA-Lib 0.4 after the
 * TA-Lib lookback and silent (NaN, not published) before it. Each class names the TA-Lib function it
 * reproduces and any TA-Lib quirk it must copy. Single-threaded: one instance per symbol and series.
 */
@NullMarked
package io.tickstock.engine.indicators;

import org.jspecify.annotations.NullMarked;
