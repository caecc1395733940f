/**
 * Pattern backtesting: the engine's own detectors run over historical bars, their signals traded by stated rules
 * ({@link io.tickstock.engine.backtest.Simulation}), and the results a trader reads ({@link
 * io.tickstock.engine.backtest.Statistics}, {@link io.tickstock.engine.backtest.ForwardReturns}). Pure: bars in,
 * results out.
 */
@NullMarked
package io.tickstock.engine.backtest;

import org.jspecify.annotations.NullMarked;
