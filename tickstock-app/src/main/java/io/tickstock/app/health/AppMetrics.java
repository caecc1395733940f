package io.tickstock.app.health;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * The app's Prometheus metrics (Micrometer), scraped at {@code GET /metrics}: messages received per channel,
 * unreadable messages, buffer counts per type and outcome, WebSocket clients/frames/evictions/coalesced
 * values, alert archive backlog, plus JVM memory, GC, threads and CPU. Values are read from the live counters
 * at scrape time. Thread-safe.
 */
public final class AppMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public AppMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /** A gauge read from {@code source} at each scrape. */
    public <T> AppMetrics gauge(String name, String help, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(help).register(registry);
        return this;
    }

    /** A monotonic counter read from {@code source} at each scrape. */
    public <T> AppMetrics counter(String name, String help, T source, ToDoubleFunction<T> value) {
        FunctionCounter.builder(name, source, value).description(help).register(registry);
        return this;
    }

    /** The registry the app's own counters ({@code BufferStats}, {@code SubscriberStats}) register in. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
