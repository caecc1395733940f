package io.tickstock.engine.health;

import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Samples the engine every second (call {@link #sample()} from one scheduler thread) and emits a health
 * snapshot every {@code intervalMillis} and at once when the status changes. Rates are measured over the
 * time since the previous snapshot (ticks/s; bars per minute), lag is the largest bar-close-to-Redis time
 * seen since then, so values reflect real work and never drop to zero for lack of a measurement.
 */
public final class HealthMonitor {
    private final EngineStats stats;
    private final long intervalMillis;
    private final LongSupplier clock;
    private final Supplier<String> sessionId;
    private final Supplier<List<String>> outages;
    private final Consumer<Events.Health> sink;
    private long lastEmitMillis, lastTrades, lastBars;
    private long pendingLag;
    private final String engineId;
    private String lastStatus = "healthy";

    /**
     * @param clock     wall clock, epoch ms (injected so tests control time)
     * @param sessionId the running session's id, or null between sessions
     * @param outages   human-readable issues of the I/O edges (Redis, PostgreSQL), empty when all is well
     * @param engineId  this engine's name, in every health event
     */
    public HealthMonitor(
            String engineId,
            EngineStats stats,
            long intervalMillis,
            LongSupplier clock,
            Supplier<String> sessionId,
            Supplier<List<String>> outages,
            Consumer<Events.Health> sink) {
        this.engineId = engineId;
        this.stats = stats;
        this.intervalMillis = intervalMillis;
        this.clock = clock;
        this.sessionId = sessionId;
        this.outages = outages;
        this.sink = sink;
        this.lastEmitMillis = clock.getAsLong();
        this.lastTrades = stats.trades.get();
        this.lastBars = stats.bars.get();
    }

    /** Takes a sample; emits a snapshot when the interval has passed or the status changed. */
    public void sample() {
        long now = clock.getAsLong();
        pendingLag = Math.max(pendingLag, stats.takeMaxLag());
        double cpu = ProcessMetrics.cpuPercent();
        List<String> issues = new ArrayList<>(outages.get());
        String status = HealthStatus.classify(stats.connectionStatus(), pendingLag, cpu, issues);
        if (!issues.isEmpty() && status.equals("healthy")) status = "warning";
        if (now - lastEmitMillis < intervalMillis && status.equals(lastStatus)) return;
        emit(now, cpu, status, issues);
    }

    private void emit(long now, double cpu, String status, List<String> issues) {
        double seconds = Math.max(0.001, (now - lastEmitMillis) / 1000.0);
        long trades = stats.trades.get(), bars = stats.bars.get();
        double ticksPerSecond = Math.round((trades - lastTrades) / seconds * 10) / 10.0;
        long barsPerMinute = Math.round((bars - lastBars) / seconds * 60);
        List<String> stale = stats.staleSymbols();
        Events.Health health = new Events.Health(
                status,
                IsoTime.format(now),
                sessionId.get(),
                stats.activeSymbols(),
                stats.connectionStatus(),
                new Events.DataFlow(ticksPerSecond, barsPerMinute, pendingLag, stats.skippedUnread()),
                new Events.ResourceUsage(
                        Math.round(cpu * 10) / 10.0, ProcessMetrics.memoryMb(), ProcessMetrics.threads()),
                new Events.StaleSymbols(stale.size(), stale),
                List.copyOf(issues),
                ticksPerSecond,
                engineId);
        lastEmitMillis = now;
        lastTrades = trades;
        lastBars = bars;
        lastStatus = status;
        pendingLag = 0;
        sink.accept(health);
    }
}
