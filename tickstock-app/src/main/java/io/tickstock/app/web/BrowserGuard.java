package io.tickstock.app.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tickstock.contract.Json;
import io.tickstock.contract.LogText;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a browser is told and checked for on every request. Headers: a Content-Security-Policy that allows only the
 * app's own scripts, styles, images and WebSocket ({@code frame-ancestors 'none'}: no framing, so no clickjacking),
 * {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: same-origin}, {@code Cache-Control: no-store} on
 * API answers and {@code /metrics}, and {@code Strict-Transport-Security} when served over HTTPS. Cross-site requests:
 * a POST, or a WebSocket upgrade, whose {@code Origin} (else {@code Referer}) names another site than the one the
 * request was sent to ({@code Host}) or than the configured {@code allowedOrigins} answers 403; requests without
 * either header (curl, scripts; browsers always send one on these) go on to the login check. Thread-safe.
 */
public final class BrowserGuard {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserGuard.class);
    /** The hash of the one style element lightweight-charts inserts (its attribution logo). */
    private static final String CHART_LOGO_STYLE = "'sha256-3pRED1tOXas1FXFoPb9TGCjmYe9XQsmO9OV23khV2nY='";

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' " + CHART_LOGO_STYLE
            + "; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final boolean https;
    private final List<String> allowedOrigins;

    /**
     * @param https          whether the app serves HTTPS (adds HSTS)
     * @param allowedOrigins other origins that may POST and open the WebSocket, e.g. {@code https://dash.example.com}
     */
    public BrowserGuard(boolean https, List<String> allowedOrigins) {
        this.https = https;
        this.allowedOrigins = allowedOrigins.stream()
                .map(o -> o.replaceAll("/+$", "").toLowerCase(Locale.ROOT))
                .toList();
    }

    /** Before-handler of every HTTP request: the headers, then the cross-site check of unsafe methods. */
    public void before(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        if (https) ctx.header("Strict-Transport-Security", "max-age=31536000");
        String path = ctx.path();
        if (Routes.isApi(path) || path.equals("/metrics") || path.equals("/login") || path.startsWith("/health/")) {
            ctx.header("Cache-Control", "no-store");
        }
        if (UNSAFE.contains(ctx.method().name()) && !sameSite(ctx)) refuse(ctx);
    }

    /** Before-handler of the WebSocket upgrade: the cross-site check (Cross-Site WebSocket Hijacking). */
    public void beforeUpgrade(Context ctx) {
        if (!sameSite(ctx)) refuse(ctx);
    }

    private void refuse(Context ctx) {
        LOG.warn("refused a cross-site {} {} from origin {}", ctx.method(), ctx.path(), LogText.quote(origin(ctx)));
        ctx.status(HttpStatus.FORBIDDEN)
                .contentType("application/json")
                .result(Json.write(Map.of(
                        "error",
                        "cross-site request refused: the Origin header does not name this site "
                                + "(set TICKSTOCK_ALLOWED_ORIGINS to allow another)",
                        "parameter",
                        "Origin")));
        ctx.skipRemainingHandlers();
    }

    private static @Nullable String origin(Context ctx) {
        String origin = ctx.header("Origin");
        return origin != null ? origin : ctx.header("Referer");
    }

    /** True when the request carries no Origin/Referer, or one naming the requested host or an allowed origin. */
    boolean sameSite(Context ctx) {
        String origin = origin(ctx);
        if (origin == null) return true;
        if (origin.equals("null")) return false; // sandboxed frames, file: pages
        URI u;
        try {
            u = URI.create(origin.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (u.getScheme() == null || u.getHost() == null) return false;
        String base = (u.getScheme() + "://" + u.getRawAuthority()).toLowerCase(Locale.ROOT);
        if (allowedOrigins.contains(base)) return true;
        String host = ctx.header("Host");
        return host != null && host.equalsIgnoreCase(u.getRawAuthority());
    }
}
