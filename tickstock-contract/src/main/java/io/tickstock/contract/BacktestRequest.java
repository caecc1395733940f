package io.tickstock.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A {@code backtest_job} request (the job protocol on {@link Channels#JOBS_BACKTEST}, docs/backtesting.md): which bars, which
 * patterns, which rules. Read leniently (unknown fields ignored, missing parameters defaulted) and checked strictly
 * by the app before it publishes and by the worker before it runs: {@link #parse} names the first bad field.
 *
 * @param symbols   1 to {@value #MAX_SYMBOLS} symbols of the contract's form, upper case, without repeats
 * @param startDate first New York date (inclusive), not before {@link #FIRST_DATE}
 * @param endDate   last New York date (inclusive), not after {@link #LAST_DATE}
 * @param patterns  {@code pattern_type} names or TA-Lib functions ({@link PatternNames}); empty or {@code all}: every one
 * @param timeframe {@code daily} or {@code 1min}
 * @param adjustment how prices are adjusted for splits and dividends ({@code parameters.adjustment}; default
 *                   {@link Adjustment#ADJUSTED})
 */
public record BacktestRequest(
        String jobId,
        String userId,
        List<String> symbols,
        LocalDate startDate,
        LocalDate endDate,
        List<String> patterns,
        String timeframe,
        BacktestParameters parameters,
        Adjustment adjustment) {
    /** Most symbols in one job (the seeds' limit); a list of more than four times as many is refused unread. */
    public static final int MAX_SYMBOLS = 50;
    /** Most pattern names in one job, repeats included (65 patterns, their TA-Lib names, and room for both). */
    public static final int MAX_PATTERNS = 200;
    /** Earliest {@code start_date}: no US equity bars this system reads are older. */
    public static final LocalDate FIRST_DATE = LocalDate.of(1970, 1, 1);
    /** Latest {@code end_date}. */
    public static final LocalDate LAST_DATE = LocalDate.of(2099, 12, 31);

    /**
     * Reads and checks a job message.
     *
     * @throws IllegalArgumentException whose message starts with the offending field ({@code job_id}, {@code symbols},
     *     {@code start_date}, {@code end_date}, {@code patterns}, {@code timeframe}, or a {@code parameters.*} name, {@code parameters.adjustment} among them)
     */
    public static BacktestRequest parse(JsonNode m) {
        String id = m.path("job_id").asText("");
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("job_id must be a UUID, was '" + id + "'");
        }
        // the list's length is checked before any entry is read; repeats are dropped in one pass
        if (m.path("symbols").size() > 4 * MAX_SYMBOLS)
            throw new IllegalArgumentException("symbols must list 1 to " + MAX_SYMBOLS + " symbols");
        Set<String> symbols = new LinkedHashSet<>();
        for (JsonNode s : m.path("symbols")) {
            String sym = s.asText("").trim().toUpperCase(Locale.ROOT);
            if (!Limits.isSymbol(sym))
                throw new IllegalArgumentException("symbols: '" + s.asText() + "' is not a symbol");
            symbols.add(sym);
        }
        if (symbols.isEmpty() || symbols.size() > MAX_SYMBOLS)
            throw new IllegalArgumentException("symbols must list 1 to " + MAX_SYMBOLS + " symbols");
        LocalDate start = date(m, "start_date"), end = date(m, "end_date");
        if (end.isBefore(start)) throw new IllegalArgumentException("end_date must not be before start_date");
        if (start.isBefore(FIRST_DATE))
            throw new IllegalArgumentException("start_date must be on or after " + FIRST_DATE + ", was " + start);
        if (end.isAfter(LAST_DATE))
            throw new IllegalArgumentException("end_date must be on or before " + LAST_DATE + ", was " + end);
        if (m.path("patterns").size() > MAX_PATTERNS)
            throw new IllegalArgumentException("patterns must list at most " + MAX_PATTERNS + " names");
        Set<String> unique = new LinkedHashSet<>();
        for (JsonNode p : m.path("patterns")) unique.add(p.asText(""));
        List<String> names = new ArrayList<>(unique);
        PatternNames.check(names);
        String timeframe = m.path("timeframe").asText("daily");
        if (!timeframe.equals("daily") && !timeframe.equals("1min"))
            throw new IllegalArgumentException("timeframe must be daily or 1min, was '" + timeframe + "'");
        return new BacktestRequest(
                id,
                m.path("user_id").asText("anonymous"),
                List.copyOf(symbols),
                start,
                end,
                List.copyOf(names),
                timeframe,
                parameters(m.path("parameters")),
                adjustment(m.path("parameters")));
    }

    private static Adjustment adjustment(JsonNode p) {
        JsonNode v = p.get("adjustment");
        if (v == null || v.isNull()) return Adjustment.ADJUSTED;
        try {
            return Adjustment.parse(v.asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameters." + e.getMessage(), e);
        }
    }

    /** The {@code backtest_job} message of this request, published at {@code nowMillis} by {@code source}. */
    public String toJson(long nowMillis, String source) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("initial_capital", parameters.initialCapital());
        p.put("commission_rate", parameters.commissionRate());
        p.put("slippage_rate", parameters.slippageRate());
        p.put("max_position_size", parameters.maxPositionSize());
        p.put("stop_loss_pct", parameters.stopLossPct());
        p.put("take_profit_pct", parameters.takeProfitPct());
        p.put("hold_bars", parameters.holdBars());
        p.put("allow_short", parameters.allowShort());
        p.put("adjustment", adjustment.wireName());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "backtest_job");
        m.put("job_id", jobId);
        m.put("user_id", userId);
        m.put("symbols", symbols);
        m.put("start_date", startDate.toString());
        m.put("end_date", endDate.toString());
        m.put("patterns", patterns.isEmpty() ? List.of("all") : patterns);
        m.put("timeframe", timeframe);
        m.put("parameters", p);
        m.put("timestamp", nowMillis / 1000.0);
        m.put("source", source);
        return Json.write(m);
    }

    private static LocalDate date(JsonNode m, String field) {
        String v = m.path(field).asText("");
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be a date yyyy-MM-dd, was '" + v + "'");
        }
    }

    /** The job's parameters over {@link BacktestParameters#DEFAULTS}; a range error names {@code parameters.<name>}. */
    static BacktestParameters parameters(JsonNode p) {
        BacktestParameters d = BacktestParameters.DEFAULTS;
        try {
            return new BacktestParameters(
                    number(p, "initial_capital", d.initialCapital()),
                    number(p, "commission_rate", d.commissionRate()),
                    number(p, "slippage_rate", d.slippageRate()),
                    number(p, "max_position_size", d.maxPositionSize()),
                    number(p, "stop_loss_pct", d.stopLossPct()),
                    number(p, "take_profit_pct", d.takeProfitPct()),
                    (int) number(p, "hold_bars", d.holdBars()),
                    p.path("allow_short").asBoolean(d.allowShort()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameters." + e.getMessage(), e);
        }
    }

    private static double number(JsonNode p, String name, double fallback) {
        JsonNode v = p.get(name);
        if (v == null || v.isNull()) return fallback;
        if (!v.isNumber()) throw new IllegalArgumentException(name + " must be a number");
        return v.asDouble();
    }
}
