/**
 * Health: real measurements of throughput, lag and resources, classified by the integration contract's thresholds,
 * published as events and served to Prometheus ({@link io.tickstock.engine.health.EngineMetrics}).
 */
@NullMarked
package io.tickstock.engine.health;

import org.jspecify.annotations.NullMarked;
