package io.tickstock.engine.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.contract.Adjustment;
import io.tickstock.contract.Limits;
import io.tickstock.engine.adjustment.AdjustedBars;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code scorecard_job} ({@code symbols}, up to 500; {@code timeframe} daily or 1min; {@code parameters.adjustment}
 * raw, split or adjusted, default adjusted): each symbol's forward-return table over all its bars replaces its rows in
 * {@code pattern_scorecard}; a symbol without bars is skipped. Its end goes
 * to {@code done} as a result's {@code data}: job id, status, and {@code results} counting the rows and symbols.
 */
final class ScorecardJob implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ScorecardJob.class);

    private final String id, timeframe;
    private final Adjustment adjustment;
    private final List<String> symbols = new ArrayList<>();
    private final HistoricalBars bars;
    private final ScorecardStore store;
    private final Consumer<Map<String, Object>> done;

    ScorecardJob(String id, JsonNode m, HistoricalBars bars, ScorecardStore store, Consumer<Map<String, Object>> done) {
        this.id = id;
        this.timeframe = m.path("timeframe").asText("daily").equals("1min") ? "1min" : "daily";
        Adjustment asked;
        try {
            asked = Adjustment.parse(m.path("parameters").path("adjustment").asText("adjusted"));
        } catch (IllegalArgumentException e) {
            LOG.warn("scorecard job {}: {}; adjusted prices used", id, e.getMessage());
            asked = Adjustment.ADJUSTED;
        }
        this.adjustment = asked;
        for (JsonNode s : m.path("symbols")) {
            String sym = s.asText("").toUpperCase(Locale.ROOT);
            if (Limits.isSymbol(sym) && symbols.size() < 500 && !symbols.contains(sym)) symbols.add(sym);
        }
        this.bars = bars;
        this.store = store;
        this.done = done;
    }

    @Override
    public void run() {
        int rows = 0, scored = 0;
        String error = null;
        try {
            for (String sym : symbols) {
                AdjustedBars b;
                try {
                    b = bars.read(sym, timeframe, LocalDate.of(1990, 1, 1), LocalDate.now(), adjustment);
                } catch (IllegalArgumentException noBars) {
                    continue;
                }
                rows += store.score(timeframe, sym, b);
                scored++;
            }
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.error("scorecard job {} failed", id, e);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("job_id", id);
        data.put("status", error == null ? "completed" : "failed");
        if (error != null) data.put("error", error);
        data.put("results", Map.of("kind", "scorecard", "timeframe", timeframe, "symbols", scored, "rows", rows));
        done.accept(data);
        LOG.info("scorecard job {}: {} rows for {} of {} symbols ({})", id, rows, scored, symbols.size(), timeframe);
    }
}
