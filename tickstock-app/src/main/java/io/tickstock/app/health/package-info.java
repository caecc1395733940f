/** The app's operational surface: Prometheus metrics ({@link io.tickstock.app.health.AppMetrics}) behind {@code GET /metrics}. */
package io.tickstock.app.health;
