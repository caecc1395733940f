package io.tickstock.engine.health;

import java.util.List;

/**
 * the integration contract's status rule: critical when the feed is disconnected or lag &gt; 1000 ms; warning when
 * CPU &gt; 70 % or lag &gt; 200 ms; else healthy. Each reason becomes a human-readable issue.
 */
public final class HealthStatus {
    private HealthStatus() {}

    public static String classify(String connectionStatus, long lagMs, double cpuPercent, List<String> issues) {
        String status = "healthy";
        if (cpuPercent > 70) {
            issues.add(String.format("High CPU usage: %.0f%%", cpuPercent));
            status = "warning";
        }
        if (lagMs > 200) {
            issues.add("Processing lag above threshold: " + lagMs + "ms");
            status = lagMs > 1000 ? "critical" : "warning";
        }
        if (!"connected".equals(connectionStatus)) {
            issues.add("Market feed " + connectionStatus);
            status = "critical";
        }
        return status;
    }
}
