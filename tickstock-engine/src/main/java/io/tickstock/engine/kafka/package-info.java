/**
 * The trade log on Apache Kafka (scale-out, CONTRACT.md's decisions of 2026-11-30): trades on the topic {@code
 * tickstock.trades} keyed by symbol, with watermark records on every partition, in {@link TradeRecords}' encoding;
 * {@link TradeLogWriter} is the ingest side.
 */
@NullMarked
package io.tickstock.engine.kafka;

import org.jspecify.annotations.NullMarked;
