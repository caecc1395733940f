package io.tickstock.app.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.tickstock.contract.Json;
import io.tickstock.contract.LogText;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every HTTP and WebSocket route of the app in one place: the browser guard and the login check before every request
 * and upgrade, the login and logout forms, the dashboard and its assets, the REST API under {@code /streaming/api/}
 * (the OpenAPI document lists it), session control, {@code /metrics}, the health probes and {@code /streaming/ws};
 * a {@link BadParameter} answers 400 naming the parameter, anything else 500 without a stack trace (logged).
 */
public final class Routes {
    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

    private Routes() {}

    /** The REST API's path prefix (the integration contract). */
    public static final String API = "/streaming/api/";
    /** The same API under the seeds' prefix, an alias. */
    public static final String SEED_API = "/api/streaming/";

    /** Whether {@code path} is a REST API path (under either prefix): it answers JSON, never a redirect. */
    public static boolean isApi(String path) {
        return path.startsWith(API) || path.startsWith(SEED_API);
    }

    /** The handlers the routes lead to. */
    public record Handlers(
            BrowserGuard guard,
            Auth auth,
            Pages pages,
            StreamingApi api,
            SessionsApi sessions,
            BacktestsApi backtests,
            SessionAdmin admin,
            StreamSocket socket,
            Handler metrics,
            Handler ready) {}

    public static void install(JavalinConfig c, Handlers h) {
        c.routes.before(h.guard()::before);
        c.routes.before(h.auth()::require);
        c.routes.wsBeforeUpgrade(h.guard()::beforeUpgrade);
        c.routes.wsBeforeUpgrade(h.auth()::requireForUpgrade);
        c.routes.get("/login", h.pages()::login);
        c.routes.post("/login", h.auth()::login);
        c.routes.post("/logout", h.auth()::logout);
        c.routes.get("/", ctx -> ctx.redirect("/streaming/", HttpStatus.FOUND));
        c.routes.get("/streaming/", h.pages()::dashboard);
        c.routes.get("/streaming/sessions", h.pages()::sessions);
        c.routes.get("/streaming/backtests", h.pages()::backtests);
        c.routes.get("/streaming/assets/<file>", h.pages()::asset);
        for (String api : List.of(API, SEED_API)) { // the legacy dashboard and its test scripts call /api/streaming/…
            c.routes.get(api + "status", h.api()::status);
            c.routes.get(api + "patterns/{symbol}", h.api()::patterns);
            c.routes.get(api + "indicators/{symbol}", h.api()::indicators);
            c.routes.get(api + "alerts", h.api()::alerts);
            c.routes.get(api + "summary", h.api()::summary);
            c.routes.get(api + "health", h.api()::health);
            c.routes.get(api + "openapi.json", h.api()::openapi);
            c.routes.get(api + "bars/{symbol}", h.api()::bars);
            c.routes.post(api + "admin/session/{action}", h.admin()::handle);
            c.routes.get(api + "me", h.auth()::me);
            c.routes.get(api + "watchlist", h.api()::watchlist);
            c.routes.get(api + "scorecard", h.api()::scorecard);
            c.routes.post(api + "scorecard/refresh", h.backtests()::refreshScorecard);
            c.routes.post(api + "backtests", h.backtests()::submit);
            c.routes.get(api + "backtests", h.backtests()::list);
            c.routes.get(api + "backtests/{job_id}", h.backtests()::get);
            c.routes.post(api + "backtests/{job_id}/cancel", h.backtests()::cancel);
            c.routes.get(api + "sessions", h.sessions()::list);
            c.routes.get(api + "sessions/{session_id}/patterns", h.sessions()::patterns);
            c.routes.get(api + "sessions/{session_id}/alerts", h.sessions()::alerts);
            c.routes.get(api + "sessions/{session_id}/symbols", h.sessions()::symbols);
            c.routes.get(api + "sessions/{session_id}/bars/{symbol}", h.sessions()::bars);
        }
        c.routes.get("/metrics", h.metrics());
        c.routes.get("/health/live", ctx -> ctx.result("ok"));
        c.routes.get("/health/ready", h.ready());
        c.routes.ws("/streaming/ws", h.socket()::configure);
        c.routes.exception(
                BadParameter.class,
                (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
                        .contentType("application/json")
                        .result(Json.write(Map.of("error", e.getMessage(), "parameter", e.parameter()))));
        c.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), LogText.quote(ctx.path()), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .contentType("application/json")
                    .result(Json.write(
                            Map.of("error", "internal error: " + e.getClass().getSimpleName() + " (see the app log)")));
        });
    }
}
