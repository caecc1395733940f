/**
 * The trade log on Apache Kafka (scale-out, the integration contract): trades on the topic {@code
 * tickstock.trades} keyed by symbol, with watermark and session records on every partition, in {@link TradeRecords}'
 * encoding. {@link TradeLogWriter} and {@link Ingest} are the ingest side; {@link GroupProgress} tells ingest when the
 * engines' group has read and stored the whole log. The engines' side is {@code io.tickstock.engine.KafkaRunner}.
 */
@NullMarked
package io.tickstock.engine.kafka;

import org.jspecify.annotations.NullMarked;
