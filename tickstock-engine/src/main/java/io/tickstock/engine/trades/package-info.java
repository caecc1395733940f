/**
 * Trades and what they may change: the {@link io.tickstock.engine.trades.Trade} print every feed produces, the
 * {@link io.tickstock.engine.trades.TradeUpdates} flags (high/low, open/close, volume), and the condition tables that
 * set them — Massive's consolidated rules ({@link io.tickstock.engine.trades.TradeConditions}, massive.md) and the
 * measured AlgoSeek sale-condition bits of LEAN's data ({@link io.tickstock.engine.trades.LeanSaleConditions}). Pure;
 * both {@code feed} (which decodes trades) and {@code bars} (which aggregates them) depend on it, not on each other.
 */
@NullMarked
package io.tickstock.engine.trades;

import org.jspecify.annotations.NullMarked;
