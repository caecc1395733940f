package io.tickstock.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.contract.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The regression guard of {@code bench quick --check <file>}: each figure of the baseline file against the same figure
 * of this run. A figure fails when it is worse than {@code factor} times its baseline: below baseline ÷ factor for the
 * {@code higher_is_better} figures (throughputs, ratios to a competitor), above baseline × factor for the
 * {@code lower_is_better} ones (latencies, memory, and the bursts as ratios to the same run's Redis floor, so a slow
 * machine moves both). The factor (3 in the project's file) leaves room for a 2-core VM's run-to-run noise and still
 * catches a 40× regression. A figure the baseline names but the run lacks fails. The file:
 *
 * <pre>{"why": "…", "factor": 3, "higher_is_better": {"trades_per_sec": …}, "lower_is_better": {"e2e_p99_ms": …}}</pre>
 */
final class BaselineCheck {
    /** One figure's verdict; {@code limit} is the worst value that passes. */
    record Verdict(String figure, double value, double baseline, double limit, boolean passed) {}

    private BaselineCheck() {}

    /**
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when it is not a baseline (no positive {@code factor}, no figures, or a
     *                                  baseline value that is not a positive number)
     */
    static List<Verdict> check(Map<String, Object> run, Path baselineFile) throws IOException {
        JsonNode baseline = Json.read(Files.readString(baselineFile));
        double factor = baseline.path("factor").asDouble();
        if (!(factor > 1)) throw new IllegalArgumentException(baselineFile + ": factor must be a number above 1");
        List<Verdict> out = new ArrayList<>();
        for (boolean higher : new boolean[] {true, false}) {
            JsonNode figures = baseline.path(higher ? "higher_is_better" : "lower_is_better");
            for (var e : figures.properties()) {
                double base = e.getValue().asDouble();
                if (!(base > 0))
                    throw new IllegalArgumentException(
                            baselineFile + ": " + e.getKey() + " must be a positive number, was " + e.getValue());
                double limit = higher ? base / factor : base * factor;
                double value = run.get(e.getKey()) instanceof Number n ? n.doubleValue() : Double.NaN;
                boolean passed = higher ? value >= limit : value <= limit; // NaN (missing) fails
                out.add(new Verdict(e.getKey(), value, base, limit, passed));
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException(baselineFile + ": names no figures");
        return out;
    }

    /** The verdicts as JSON: {@code {"passed": bool, "failed": [names], "figures": {name: {value, baseline, limit}}}}. */
    static Map<String, Object> report(List<Verdict> verdicts) {
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (Verdict v : verdicts) {
            figures.put(
                    v.figure(),
                    Map.of(
                            "value",
                            Double.isNaN(v.value()) ? "missing" : v.value(),
                            "baseline",
                            v.baseline(),
                            "limit",
                            Math.round(v.limit() * 100) / 100.0));
            if (!v.passed()) failed.add(v.figure());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("passed", failed.isEmpty());
        out.put("failed", failed);
        out.put("figures", figures);
        return out;
    }
}
