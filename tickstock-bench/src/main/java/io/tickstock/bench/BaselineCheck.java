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

    /** One baseline figure: its name, value and whether a higher value is better. */
    private record Figure(String name, double baseline, boolean higherIsBetter) {}

    private final double factor;
    private final List<Figure> figures;

    private BaselineCheck(double factor, List<Figure> figures) {
        this.factor = factor;
        this.figures = figures;
    }

    /**
     * Reads and checks a baseline file (before the benchmarks run, so a bad file costs no minutes).
     *
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException naming the file when it is not a baseline: not JSON, no {@code factor} above 1,
     *                                  no figures, or a figure that is not a positive number
     */
    static BaselineCheck read(Path file) throws IOException {
        JsonNode baseline;
        try {
            baseline = Json.read(Files.readString(file));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": not a JSON baseline (" + e.getMessage() + ")", e);
        }
        double factor = baseline.path("factor").asDouble();
        if (!(factor > 1)) throw new IllegalArgumentException(file + ": factor must be a number above 1");
        List<Figure> figures = new ArrayList<>();
        for (boolean higher : new boolean[] {true, false}) {
            for (var e : baseline.path(higher ? "higher_is_better" : "lower_is_better")
                    .properties()) {
                double base = e.getValue().asDouble();
                if (!e.getValue().isNumber() || !(base > 0))
                    throw new IllegalArgumentException(
                            file + ": " + e.getKey() + " must be a positive number, was " + e.getValue());
                figures.add(new Figure(e.getKey(), base, higher));
            }
        }
        if (figures.isEmpty()) throw new IllegalArgumentException(file + ": names no figures");
        return new BaselineCheck(factor, figures);
    }

    /** Each baseline figure against {@code run}'s (a figure the run lacks fails). */
    List<Verdict> check(Map<String, Object> run) {
        List<Verdict> out = new ArrayList<>();
        for (Figure f : figures) {
            double limit = f.higherIsBetter() ? f.baseline() / factor : f.baseline() * factor;
            double value = run.get(f.name()) instanceof Number n ? n.doubleValue() : Double.NaN;
            boolean passed = f.higherIsBetter() ? value >= limit : value <= limit; // NaN (missing) fails
            out.add(new Verdict(f.name(), value, f.baseline(), limit, passed));
        }
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
