package io.tickstock.app.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tickstock.app.store.Users;
import io.tickstock.contract.Json;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login and the session cookie. {@code POST /login} (form fields {@code username}, {@code password}) checks
 * the bcrypt hash and sets {@code tickstock_session} (random 256-bit token, {@code HttpOnly},
 * {@code SameSite=Strict}, 12 h). Every other path except the login page and {@code /health/*} requires it:
 * API and WebSocket requests answer 401, pages redirect to {@code /login}. Failed logins are limited to 10
 * per minute per client address (429 after that). {@code /metrics} also accepts {@code Authorization: Bearer
 * <TICKSTOCK_METRICS_TOKEN>} for a Prometheus scraper. Thread-safe.
 */
public final class Auth {
    private static final Logger LOG = LoggerFactory.getLogger(Auth.class);
    public static final String COOKIE = "tickstock_session";
    private static final long SESSION_MILLIS = 12 * 3_600_000L, WINDOW_MILLIS = 60_000;
    private static final int MAX_FAILURES = 10;
    private static final Set<String> PUBLIC = Set.of("/login", "/health/live", "/health/ready", "/streaming/assets/login.css");

    /** A logged-in user. */
    public record Login(String user, String role, long expiresAtMillis) {}

    private record Failures(long windowStart, int count) {}

    private final Users users;
    private final LongSupplier clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Login> sessions = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    private final String metricsToken;

    /** @param metricsToken bearer token that may read {@code /metrics} without a login, or null */
    public Auth(Users users, LongSupplier clock, String metricsToken) {
        this.users = users;
        this.clock = clock;
        this.metricsToken = metricsToken == null || metricsToken.isBlank() ? null : metricsToken;
    }

    /** Handles {@code POST /login}. */
    public void login(Context ctx) throws SQLException {
        String ip = ctx.ip();
        long now = clock.getAsLong();
        Failures f = failures.get(ip);
        if (f != null && now - f.windowStart < WINDOW_MILLIS && f.count >= MAX_FAILURES) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).contentType("application/json")
                    .result(Json.write(Map.of("error", "too many failed logins, try again in a minute")));
            return;
        }
        String user = ctx.formParam("username"), password = ctx.formParam("password");
        Optional<String> role = user == null || password == null ? Optional.empty() : users.authenticate(user, password);
        if (role.isEmpty()) {
            failures.merge(ip, new Failures(now, 1), (old, one) -> now - old.windowStart < WINDOW_MILLIS
                    ? new Failures(old.windowStart, old.count + 1) : one);
            LOG.info("failed login for '{}' from {}", user, ip);
            ctx.redirect("/login?error=1", HttpStatus.SEE_OTHER);
            return;
        }
        failures.remove(ip);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(token, new Login(user, role.get(), now + SESSION_MILLIS));
        ctx.header("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + SESSION_MILLIS / 1000);
        ctx.redirect("/streaming/", HttpStatus.SEE_OTHER);
    }

    /** Handles {@code POST /logout}. */
    public void logout(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token != null) sessions.remove(token);
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    /** The logged-in user of a request's cookie, if any. */
    public Optional<Login> user(String token) {
        if (token == null) return Optional.empty();
        Login login = sessions.get(token);
        if (login == null) return Optional.empty();
        if (login.expiresAtMillis < clock.getAsLong()) {
            sessions.remove(token);
            return Optional.empty();
        }
        return Optional.of(login);
    }

    /** Before-handler for every HTTP request. */
    public void require(Context ctx) {
        if (PUBLIC.contains(ctx.path()) || user(ctx.cookie(COOKIE)).isPresent()) return;
        if (metricsToken != null && ctx.path().equals("/metrics") && java.security.MessageDigest.isEqual(
                ("Bearer " + metricsToken).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                String.valueOf(ctx.header("Authorization")).getBytes(java.nio.charset.StandardCharsets.UTF_8))) return;
        if (ctx.path().startsWith("/streaming/api/") || ctx.path().equals("/metrics")) {
            ctx.status(HttpStatus.UNAUTHORIZED).contentType("application/json")
                    .result(Json.write(Map.of("error", "login required: POST /login with username and password")));
        } else {
            ctx.redirect("/login", HttpStatus.FOUND);
        }
        ctx.skipRemainingHandlers();
    }

    /** Before-handler for WebSocket upgrades: 401 without a valid session cookie. */
    public void requireForUpgrade(Context ctx) {
        if (user(ctx.cookie(COOKIE)).isEmpty()) {
            ctx.status(HttpStatus.UNAUTHORIZED).result("login required");
            ctx.skipRemainingHandlers();
        }
    }
}
