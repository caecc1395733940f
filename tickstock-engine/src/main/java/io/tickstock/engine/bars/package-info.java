/**
 * One-minute OHLCV bars built from trades and closed by an event-time watermark (minute end + grace),
 * never by the next trade. Pure and single-threaded: no I/O.
 */
package io.tickstock.engine.bars;
