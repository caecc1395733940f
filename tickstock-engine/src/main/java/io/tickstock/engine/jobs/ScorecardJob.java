package io.tickstock.engine.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.contract.Adjustment;
import io.tickstock.contract.BacktestRequest;
import io.tickstock.contract.Limits;
import io.tickstock.engine.adjustment.AdjustedBars;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code scorecard_job} ({@code symbols}, up to 500; {@code timeframe} daily or 1min; {@code parameters.adjustment}
 * raw, split or adjusted, default adjusted): each symbol's forward-return table over all its bars replaces its rows in
 * {@code pattern_scorecard}, one symbol in memory at a time. A symbol without bars, or with more than the job's bar
 * budget, is skipped; cancel is asked at every symbol. Its results count the rows, the symbols scored and skipped.
 */
final class ScorecardJob {
    private static final Logger LOG = LoggerFactory.getLogger(ScorecardJob.class);

    final String id, timeframe;
    private final Adjustment adjustment;
    private final List<String> symbols = new ArrayList<>();

    ScorecardJob(String id, JsonNode m) {
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
        Set<String> unique = new LinkedHashSet<>();
        for (JsonNode s : m.path("symbols")) {
            if (unique.size() == 500) break;
            String sym = s.asText("").toUpperCase(Locale.ROOT);
            if (Limits.isSymbol(sym)) unique.add(sym);
        }
        symbols.addAll(unique);
    }

    /**
     * Scores every symbol.
     *
     * @param barsAllowed most bars of one symbol
     * @return the results: kind, timeframe, symbols scored, skipped, rows
     * @throws CancellationException when cancelled
     */
    Map<String, Object> run(HistoricalBars bars, ScorecardStore store, long barsAllowed, RunningJob r)
            throws Exception {
        int rows = 0, scored = 0, skipped = 0;
        LocalDate from = BacktestRequest.FIRST_DATE, to = BacktestRequest.LAST_DATE;
        for (int i = 0; i < symbols.size(); i++) {
            String sym = symbols.get(i);
            if (r.cancelled.get()) throw new CancellationException("cancelled");
            r.symbol = sym;
            r.progress = (double) i / symbols.size();
            if (bars.estimate(sym, timeframe, from, to) > barsAllowed) {
                skipped++;
                continue;
            }
            AdjustedBars b;
            try {
                b = bars.read(sym, timeframe, from, to, adjustment);
            } catch (IllegalArgumentException noBars) {
                skipped++;
                continue;
            }
            rows += store.score(timeframe, sym, b);
            scored++;
        }
        LOG.info("scorecard job {}: {} rows for {} of {} symbols ({})", id, rows, scored, symbols.size(), timeframe);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "scorecard");
        out.put("timeframe", timeframe);
        out.put("symbols", scored);
        out.put("skipped", skipped);
        out.put("rows", rows);
        return out;
    }
}
