/**
 * The analytics pipeline of one shard: trade → eligibility → minute bar → indicators → patterns →
 * alerts, delivered to an {@link io.tickstock.engine.pipeline.AnalyticsListener}. Pure and
 * single-threaded; the same trades give the same events in replay and live.
 */
package io.tickstock.engine.pipeline;
