package io.tickstock.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tickstock.app.store.BacktestJobs;
import io.tickstock.app.store.History;
import io.tickstock.app.store.Role;
import io.tickstock.contract.BacktestRequest;
import io.tickstock.contract.Channels;
import io.tickstock.contract.Json;
import io.tickstock.contract.Limits;
import io.tickstock.contract.LogText;
import io.tickstock.contract.RedisUrl;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The backtest API under {@code /streaming/api/backtests} (the job protocol of docs/backtesting.md): {@code POST backtests} (the job's fields as
 * JSON: symbols, start_date, end_date, patterns, timeframe, parameters; checked by {@link BacktestRequest#parse}, a bad
 * one answers 400 naming it) records the job, publishes it on {@link Channels#JOBS_BACKTEST} and answers 202 with its
 * {@code job_id}; {@code GET backtests?limit=}, {@code GET backtests/{job_id}} (with {@code results};
 * {@code ?format=csv}: its trades), {@code POST backtests/{job_id}/cancel}. Any signed-in user; the job's
 * {@code user_id} is theirs, and a user lists, reads and cancels only their own jobs (another's answers 404, as an
 * unknown one); an admin all of them. Recomputing the scorecard is for admins (403 otherwise). Thread-safe.
 */
public final class BacktestsApi implements AutoCloseable {
    private final BacktestJobs jobs;
    private final Auth auth;
    private final String redisUrl;
    private final LongSupplier clock;
    private final Supplier<List<String>> sessionSymbols;
    private @Nullable RedisClient redis;
    private @Nullable StatefulRedisConnection<String, String> connection;

    /** @param sessionSymbols the running session's symbols (the watchlist's), refreshed by default */
    public BacktestsApi(
            BacktestJobs jobs, Auth auth, String redisUrl, LongSupplier clock, Supplier<List<String>> sessionSymbols) {
        this.jobs = jobs;
        this.auth = auth;
        this.redisUrl = redisUrl;
        this.clock = clock;
        this.sessionSymbols = sessionSymbols;
    }

    /**
     * {@code POST /streaming/api/scorecard/refresh} ({@code {"symbols":[…],"timeframe":"daily"|"1min"}}, both optional:
     * the session's symbols, daily): asks a worker to recompute those symbols' records in {@code pattern_scorecard};
     * 202 with the job id and the workers that got it.
     */
    public void refreshScorecard(Context ctx) {
        Auth.Login login = login(ctx);
        if (login.role() != Role.ADMIN) {
            ctx.status(HttpStatus.FORBIDDEN)
                    .contentType("application/json")
                    .result(Json.write(Map.of(
                            "error",
                            "recomputing the records needs an admin login; " + login.user() + " is "
                                    + login.role().label)));
            return;
        }
        JsonNode body = ctx.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.read(ctx.body());
        List<String> symbols = new ArrayList<>();
        for (JsonNode s : body.path("symbols")) {
            String sym = s.asText("").toUpperCase(Locale.ROOT);
            if (!Limits.isSymbol(sym))
                throw new BadParameter("symbols", "symbols: '" + s.asText() + "' is not a symbol");
            symbols.add(sym);
        }
        if (symbols.isEmpty()) symbols.addAll(sessionSymbols.get());
        if (symbols.isEmpty() || symbols.size() > 500)
            throw new BadParameter(
                    "symbols", "symbols must list 1 to 500 symbols (none given and no session symbols known)");
        String timeframe = body.path("timeframe").asText("daily");
        if (!timeframe.equals("daily") && !timeframe.equals("1min"))
            throw new BadParameter("timeframe", "timeframe must be daily or 1min, was '" + timeframe + "'");
        String id = UUID.randomUUID().toString();
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("type", "scorecard_job");
        job.put("job_id", id);
        job.put("user_id", login.user());
        job.put("symbols", symbols);
        job.put("timeframe", timeframe);
        job.put("timestamp", clock.getAsLong() / 1000.0);
        job.put("source", "tickstock_app");
        long workers = publish(Channels.JOBS_BACKTEST, Json.write(job));
        ctx.status(HttpStatus.ACCEPTED);
        StreamingApi.json(
                ctx, Map.of("job_id", id, "symbols", symbols.size(), "timeframe", timeframe, "workers", workers));
    }

    /** Publishes on {@code channel} (connecting on first use); @return the subscribers that received it */
    private synchronized long publish(String channel, String message) {
        StatefulRedisConnection<String, String> c = connection;
        if (c == null) {
            RedisClient r = RedisClient.create(RedisUrl.uri(redisUrl));
            redis = r;
            c = r.connect();
            connection = c;
        }
        return c.sync().publish(channel, message);
    }

    public void submit(Context ctx) throws SQLException {
        JsonNode body;
        try {
            body = Json.read(ctx.body());
        } catch (IllegalArgumentException e) {
            throw new BadParameter("body", "the body must be a JSON object of the job's fields");
        }
        if (!(body instanceof ObjectNode job)) throw new BadParameter("body", "the body must be a JSON object");
        job.put("type", "backtest_job");
        job.put("job_id", UUID.randomUUID().toString());
        job.put(
                "user_id",
                auth.user(ctx.cookie(Auth.COOKIE)).map(Auth.Login::user).orElse("anonymous"));
        BacktestRequest request;
        try {
            request = BacktestRequest.parse(job);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            throw new BadParameter(parameterOf(message), message);
        }
        String message = request.toJson(clock.getAsLong(), "tickstock_app");
        jobs.queue(request, message);
        long workers = publish(Channels.JOBS_BACKTEST, message);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("job_id", request.jobId());
        out.put("status", "queued");
        out.put("workers", workers);
        if (workers == 0)
            out.put(
                    "note",
                    "no backtest worker is listening: the job runs when 'tickstock engine' or 'tickstock backtest-worker' starts");
        ctx.status(HttpStatus.ACCEPTED);
        StreamingApi.json(ctx, out);
    }

    /** The field a {@link BacktestRequest#parse} message names: its first word ({@code parameters.hold_bars}, {@code symbols}). */
    static String parameterOf(String message) {
        String first = message.split("[ :]", 2)[0];
        return first.isEmpty() ? "body" : first;
    }

    public void list(Context ctx) throws SQLException {
        Auth.Login login = login(ctx);
        StreamingApi.rows(
                ctx,
                "backtests",
                jobs.list(
                        StreamingApi.intParam(ctx, "limit", 1, 500, 50),
                        login.role() == Role.ADMIN ? null : login.user()));
    }

    private Auth.Login login(Context ctx) {
        return auth.user(ctx.cookie(Auth.COOKIE)).orElseThrow(); // the routes' guard let only signed-in users in
    }

    /** The job {@code id} when the request's user may see it (theirs, or any for an admin); else null. */
    private @Nullable Map<String, Object> visible(Context ctx, UUID id) throws SQLException {
        Map<String, Object> job = jobs.get(id);
        Auth.Login login = login(ctx);
        if (job == null || (login.role() != Role.ADMIN && !login.user().equals(job.get("user_id")))) return null;
        return job;
    }

    private static void notFound(Context ctx) {
        ctx.status(HttpStatus.NOT_FOUND);
        StreamingApi.json(ctx, Map.of("error", "no backtest job " + ctx.pathParam("job_id")));
    }

    public void get(Context ctx) throws SQLException {
        Map<String, Object> job = visible(ctx, id(ctx));
        if (job == null) {
            notFound(ctx);
            return;
        }
        if ("csv".equals(ctx.queryParam("format"))) {
            StreamingApi.rows(ctx, "trades", trades(job));
            return;
        }
        StreamingApi.json(ctx, job);
    }

    /** A trade's columns, in the engine's {@code Trade} order (JSONB keeps its own key order). */
    private static final List<String> TRADE_COLUMNS = List.of(
            "symbol",
            "pattern",
            "function",
            "side",
            "entry_time",
            "entry_price",
            "exit_time",
            "exit_price",
            "shares",
            "exit_reason",
            "commission",
            "pnl",
            "return_pct",
            "bars_held");

    private static History.Rows trades(Map<String, Object> job) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (job.get("results") instanceof JsonNode results) {
            for (JsonNode t : results.path("trades")) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (String c : TRADE_COLUMNS) {
                    JsonNode v = t.path(c);
                    row.put(c, v.isNumber() ? v.numberValue() : v.asText());
                }
                rows.add(row);
            }
        }
        return new History.Rows(TRADE_COLUMNS, rows);
    }

    public void cancel(Context ctx) throws SQLException {
        UUID id = id(ctx);
        if (visible(ctx, id) == null) {
            notFound(ctx);
            return;
        }
        boolean queued = jobs.cancelQueued(id);
        long workers = publish(Channels.JOBS_CANCEL, Json.write(Map.of("type", "cancel_job", "job_id", id.toString())));
        ctx.status(HttpStatus.ACCEPTED);
        StreamingApi.json(ctx, Map.of("job_id", id.toString(), "cancelled_before_start", queued, "workers", workers));
    }

    private static UUID id(Context ctx) {
        String id = ctx.pathParam("job_id");
        try {
            if (id.length() == 36) return UUID.fromString(id);
        } catch (IllegalArgumentException ignored) {
            // answered below
        }
        throw new BadParameter("job_id", "job_id must be a UUID, was " + LogText.quote(id));
    }

    @Override
    public synchronized void close() {
        if (connection != null) connection.close();
        if (redis != null) redis.shutdown();
    }
}
