/** The app's operational surface: Prometheus metrics ({@link io.tickstock.app.health.AppMetrics}) behind {@code GET /metrics}. */
@NullMarked
package io.tickstock.app.health;

import org.jspecify.annotations.NullMarked;
