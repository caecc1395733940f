package io.tickstock.engine.jobs;

import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The backtesting events of the seeds' channels: {@code {"event_type":…,"source":"TickStockPL","timestamp":<epoch s>,
 * "data":{…}}}. Pure.
 */
final class JobEvents {
    private JobEvents() {}

    /**
     * A {@code backtest_result}: job id, its owner's {@code user_id} when known (the app shows a job's frames to its
     * owner only), status, the error when there is one, and the results (null unless completed).
     */
    static String result(
            String id,
            @Nullable String user,
            String status,
            @Nullable String error,
            @Nullable Object results,
            long nowMillis) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("job_id", id);
        if (user != null) data.put("user_id", user);
        data.put("status", status);
        if (error != null) data.put("error", error);
        data.put("results", results);
        return event("backtest_result", data, nowMillis);
    }

    /**
     * A {@code backtest_progress}: the owner's {@code user_id} when known, the fraction done (0..1), the symbol being read, and the completion estimated from the
     * time so far ({@code startedMillis} to {@code nowMillis}, epoch ms; ISO-8601 UTC).
     */
    static String progress(
            String id,
            @Nullable String user,
            double progress,
            @Nullable String symbol,
            long startedMillis,
            long nowMillis) {
        long eta = progress <= 0
                ? nowMillis
                : startedMillis + (long) ((nowMillis - startedMillis) / Math.max(progress, 1e-6));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("job_id", id);
        if (user != null) data.put("user_id", user);
        data.put("progress", Math.round(progress * 10_000) / 10_000.0);
        data.put("current_symbol", symbol);
        data.put("estimated_completion", IsoTime.format(eta));
        return event("backtest_progress", data, nowMillis);
    }

    static String event(String type, Map<String, Object> data, long nowMillis) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("event_type", type);
        e.put("source", "TickStockPL");
        e.put("timestamp", nowMillis / 1000.0);
        e.put("data", data);
        return Json.write(e);
    }
}
