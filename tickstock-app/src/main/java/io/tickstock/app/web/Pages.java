package io.tickstock.app.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the login page, the dashboard and its assets from the classpath folder {@code io/tickstock/app/web}
 * (lightweight-charts vendored under {@code vendor/}). Asset names are checked against a strict pattern, so
 * nothing outside that folder can be read.
 */
public final class Pages {
    private static final String ROOT = "/io/tickstock/app/web/";
    private static final Pattern ASSET = Pattern.compile("(vendor/)?[a-z0-9][a-z0-9.-]*\\.(js|css|html|txt)");
    private static final Map<String, String> TYPES = Map.of(
            "js",
            "text/javascript",
            "css",
            "text/css",
            "html",
            "text/html; charset=utf-8",
            "txt",
            "text/plain; charset=utf-8");

    public void login(Context ctx) throws IOException {
        serve(ctx, "login.html");
    }

    public void dashboard(Context ctx) throws IOException {
        serve(ctx, "dashboard.html");
    }

    /** {@code GET /streaming/backtests}: the backtest page. */
    public void backtests(Context ctx) throws IOException {
        serve(ctx, "backtests.html");
    }

    /** {@code GET /streaming/sessions}: the session history page. */
    public void sessions(Context ctx) throws IOException {
        serve(ctx, "sessions.html");
    }

    /** {@code GET /streaming/assets/*}. */
    public void asset(Context ctx) throws IOException {
        String name = ctx.path().substring("/streaming/assets/".length());
        if (!ASSET.matcher(name).matches()) {
            ctx.status(HttpStatus.NOT_FOUND).result("not found");
            return;
        }
        serve(ctx, name);
    }

    private static void serve(Context ctx, String name) throws IOException {
        try (InputStream in = Pages.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                ctx.status(HttpStatus.NOT_FOUND).result("not found");
                return;
            }
            ctx.contentType(TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
            ctx.header("Cache-Control", "no-cache");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.result(in.readAllBytes());
        }
    }
}
