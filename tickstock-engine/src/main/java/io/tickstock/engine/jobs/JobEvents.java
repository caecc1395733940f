package io.tickstock.engine.jobs;

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

    /** A {@code backtest_result}: job id, status, the error when there is one, and the results (null unless completed). */
    static String result(String id, String status, @Nullable String error, @Nullable Object results, long nowMillis) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("job_id", id);
        data.put("status", status);
        if (error != null) data.put("error", error);
        data.put("results", results);
        return event("backtest_result", data, nowMillis);
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
