/**
 * One-minute OHLCV bars built from trades and closed by an event-time watermark (minute end + grace),
 * never by the next trade. Which fields a trade may update is data: Massive's condition table
 * ({@link io.tickstock.engine.trades.TradeConditions}) and the measured LEAN sale-condition table
 * ({@link io.tickstock.engine.trades.LeanSaleConditions}). Late trades within the correction window amend
 * closed bars as revisions. Pure and single-threaded: no I/O.
 */
@NullMarked
package io.tickstock.engine.bars;

import org.jspecify.annotations.NullMarked;
