/**
 * The analytics pipeline of one shard: trade → eligibility → minute bar → indicators → patterns →
 * alerts, delivered to an {@link io.tickstock.engine.pipeline.AnalyticsListener}; bar corrections replay
 * from per-symbol checkpoints and deliver only what changed. Pure and single-threaded; the same trades
 * give the same events in replay and live.
 */
@NullMarked
package io.tickstock.engine.pipeline;

import org.jspecify.annotations.NullMarked;
