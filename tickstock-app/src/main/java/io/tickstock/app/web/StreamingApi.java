package io.tickstock.app.web;

import io.javalin.http.Context;
import io.tickstock.app.store.History;
import io.tickstock.app.stream.Watchlist;
import io.tickstock.contract.Json;
import io.tickstock.contract.Limits;
import io.tickstock.contract.LogText;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The REST history API under {@code /streaming/api/} (the integration contract). Parameters are validated: {@code hours}
 * 1–24 (default 1), {@code limit} 1–500 (default 100), {@code indicator} a TA-Lib name TickStock computes (RSI, SMA, EMA, MACD, BBANDS, ATR, … VWAP)
 * (BB accepted as BBANDS),
 * {@code alert_type} one of the six alert types, symbols {@code [A-Z.]{1,10}}; a bad one answers 400
 * naming it. Responses are JSON; {@code ?format=csv} answers patterns, indicators, alerts and bars as CSV
 * (RFC 4180, header row, JSON columns as JSON text, UTC ISO-8601 times) for download. The OpenAPI 3.1
 * description of these endpoints is {@code GET /streaming/api/openapi.json}.
 */
public final class StreamingApi {
    private static final Set<String> INDICATORS = Set.of(
            "RSI",
            "SMA",
            "EMA",
            "MACD",
            "BBANDS",
            "ATR",
            "NATR",
            "STOCH",
            "STOCHRSI",
            "ADX",
            "PLUS_DI",
            "MINUS_DI",
            "CCI",
            "MFI",
            "OBV",
            "WILLR",
            "ROC",
            "VWAP");
    private static final Set<String> ALERT_TYPES = Set.of(
            "RSI_OVERBOUGHT",
            "RSI_OVERSOLD",
            "MACD_BULLISH_CROSS",
            "MACD_BEARISH_CROSS",
            "BB_UPPER_BREAK",
            "BB_LOWER_BREAK");

    private final History history;
    private final Supplier<Map<String, Object>> status;
    private final Watchlist watchlist;

    /**
     * @param status    the live status (session, health, counters) served by {@code /streaming/api/status}
     * @param watchlist the per-symbol rows served by {@code /streaming/api/watchlist}
     */
    public StreamingApi(History history, Supplier<Map<String, Object>> status, Watchlist watchlist) {
        this.history = history;
        this.status = status;
        this.watchlist = watchlist;
    }

    /**
     * {@code GET /streaming/api/scorecard?symbol=&horizon=}: each pattern's record per symbol (what followed its detections
     * {@code horizon} bars later: 1, 5, 10 or 20, default 5), as {@code tickstock backtest --scorecard} stored it.
     */
    public void scorecard(Context ctx) throws SQLException {
        String symbol = ctx.queryParam("symbol");
        if (symbol != null && !Limits.isSymbol(symbol))
            throw new BadParameter("symbol", "symbol must match " + Limits.SYMBOL_FORM);
        int horizon = intParam(ctx, "horizon", 1, 20, 5);
        if (horizon != 1 && horizon != 5 && horizon != 10 && horizon != 20)
            throw new BadParameter("horizon", "horizon must be 1, 5, 10 or 20 bars, was " + horizon);
        rows(ctx, "scorecard", history.scorecard(symbol, horizon));
    }

    /** {@code GET /streaming/api/watchlist}: every symbol's last price, change, RSI and latest pattern (JSON or CSV). */
    public void watchlist(Context ctx) {
        List<Watchlist.Row> rows = watchlist.rows();
        List<String> columns = List.of(
                "symbol",
                "last",
                "session_open",
                "change_percent",
                "rsi",
                "pattern",
                "direction",
                "pattern_at",
                "bar_at");
        List<Map<String, Object>> maps = new ArrayList<>(rows.size());
        for (Watchlist.Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("symbol", r.symbol());
            m.put("last", r.last());
            m.put("session_open", r.sessionOpen());
            m.put("change_percent", Math.round(r.changePercent() * 100) / 100.0);
            m.put("rsi", r.rsi());
            m.put("pattern", r.pattern());
            m.put("direction", r.direction());
            m.put("pattern_at", r.patternAt());
            m.put("bar_at", r.barAt());
            maps.add(m);
        }
        rows(ctx, "watchlist", new History.Rows(columns, maps));
    }

    public void status(Context ctx) {
        json(ctx, status.get());
    }

    public void patterns(Context ctx) throws SQLException {
        rows(ctx, "patterns", history.patterns(symbol(ctx), intParam(ctx, "hours", 1, 24, 1)));
    }

    public void indicators(Context ctx) throws SQLException {
        String indicator = ctx.queryParam("indicator");
        if ("BB".equals(indicator)) indicator = "BBANDS"; // the seeds' name for TA-Lib's BBANDS
        if (indicator != null && !INDICATORS.contains(indicator)) {
            throw new BadParameter(
                    "indicator", "indicator must be one of " + String.join(", ", new TreeSet<>(INDICATORS)));
        }
        rows(ctx, "indicators", history.indicators(symbol(ctx), intParam(ctx, "hours", 1, 24, 1), indicator));
    }

    public void alerts(Context ctx) throws SQLException {
        String type = ctx.queryParam("alert_type");
        if (type != null && !ALERT_TYPES.contains(type)) {
            throw new BadParameter(
                    "alert_type", "alert_type must be one of " + String.join(", ", new TreeSet<>(ALERT_TYPES)));
        }
        rows(
                ctx,
                "alerts",
                history.alerts(intParam(ctx, "hours", 1, 24, 1), type, intParam(ctx, "limit", 1, 500, 100)));
    }

    /** {@code GET /streaming/api/health}: the latest session's health measurements (JSON or CSV). */
    public void health(Context ctx) throws SQLException {
        rows(ctx, "health", history.health());
    }

    public void summary(Context ctx) throws SQLException {
        json(ctx, history.summary());
    }

    public void bars(Context ctx) throws SQLException {
        rows(ctx, "bars", history.bars(symbol(ctx), intParam(ctx, "hours", 1, 24, 6)));
    }

    static String symbol(Context ctx) {
        String s = ctx.pathParam("symbol");
        if (!Limits.isSymbol(s)) {
            throw new BadParameter("symbol", "symbol must match " + Limits.SYMBOL_FORM + ", was " + LogText.quote(s));
        }
        return s;
    }

    static int intParam(Context ctx, String name, int min, int max, int fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return fallback;
        try {
            int v = Integer.parseInt(raw.trim());
            if (v >= min && v <= max) return v;
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new BadParameter(name, name + " must be an integer from " + min + " to " + max + ", was '" + raw + "'");
    }

    /** {@code GET /streaming/api/openapi.json}: the OpenAPI document (classpath resource). */
    public void openapi(Context ctx) throws IOException {
        try (var in = StreamingApi.class.getResourceAsStream("/io/tickstock/app/web/openapi.json")) {
            ctx.contentType("application/json").result(in.readAllBytes());
        }
    }

    /** JSON, or CSV with {@code format=csv} (400 naming {@code format} for anything else). */
    static void rows(Context ctx, String name, History.Rows rows) {
        String format = ctx.queryParam("format");
        if (format == null || format.equals("json")) {
            json(ctx, rows.rows());
        } else if (format.equals("csv")) {
            ctx.contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                    .result(Csv.write(rows.columns(), rows.rows()));
        } else {
            throw new BadParameter("format", "format must be json or csv, was '" + format + "'");
        }
    }

    static void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(Json.write(body));
    }
}
