package io.tickstock.app.health;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The app's Prometheus metrics (Micrometer), scraped at {@code GET /metrics}: messages received per channel,
 * unreadable messages, buffer counts per type and outcome, WebSocket clients/frames/evictions/coalesced
 * values, alert archive backlog, plus JVM memory, GC, threads and CPU. Values are read from the live counters
 * at scrape time. Thread-safe.
 */
public final class AppMetrics {
    private record Family(String help, String tag, Supplier<Map<String, Long>> counts) {}

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Family> counts = new java.util.concurrent.ConcurrentHashMap<>();

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

    /**
     * One counter per key of a map of counts that grows while running (channels, buffer types): the keys seen
     * so far are registered at each scrape, with {@code tag} = key.
     */
    public void counters(String name, String help, String tag, Supplier<Map<String, Long>> counts) {
        this.counts.put(name, new Family(help, tag, counts));
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        counts.forEach((name, f) -> f.counts.get().keySet().forEach(key ->
                FunctionCounter.builder(name, f, x -> x.counts.get().getOrDefault(key, 0L)).description(f.help).tag(f.tag, key).register(registry)));
        return registry.scrape();
    }
}
