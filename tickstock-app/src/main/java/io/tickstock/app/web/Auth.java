package io.tickstock.app.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tickstock.app.store.LoginAttemptStore;
import io.tickstock.app.store.LoginSessionStore;
import io.tickstock.app.store.Passwords;
import io.tickstock.app.store.Role;
import io.tickstock.app.store.UserStore;
import io.tickstock.contract.Json;
import io.tickstock.contract.LogText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login and the session cookie. {@code POST /login} (form fields {@code username}, {@code password}) checks the
 * bcrypt hash and sets {@code tickstock_session} (random 256-bit token, {@code HttpOnly}, {@code SameSite=Strict},
 * {@code Secure} over HTTPS, 12 h); the session lives in the {@link LoginSessionStore} (PostgreSQL in the app), so it survives app
 * restarts, is valid on every app instance, and ends at logout, at expiry, and when the user's password changes or
 * the user is removed. Every other path except the login page, its assets and {@code /health/*} requires it: API and
 * WebSocket requests answer 401, pages redirect to {@code /login}. Guessing is limited per address and per user name
 * ({@link LoginLimiter}, shared by every instance on the database: 429 with {@code Retry-After}); a password longer than bcrypt reads answers 400 naming
 * {@code password}, a user name over {@value #MAX_USER_CHARS} characters 400 naming {@code username}. {@code /metrics} also accepts {@code Authorization: Bearer <TICKSTOCK_METRICS_TOKEN>}.
 *
 * <p>A token's session is looked up at most every {@value #RECHECK_MILLIS} ms per token (then cached), so a logout or
 * a password change on any instance reaches every request and WebSocket check within that time. Thread-safe.
 */
public final class Auth {
    private static final Logger LOG = LoggerFactory.getLogger(Auth.class);
    public static final String COOKIE = "tickstock_session";
    static final long SESSION_MILLIS = 12 * 3_600_000L, RECHECK_MILLIS = 2_000, TOUCH_MILLIS = 60_000;
    /** Longest user name a login may give; a longer one answers 400 naming {@code username}. */
    public static final int MAX_USER_CHARS = 64;
    /** Most tokens whose check is cached. */
    static final int CACHED_TOKENS = 10_000;

    private static final Set<String> PUBLIC = Set.of(
            "/login",
            "/health/live",
            "/health/ready",
            "/streaming/assets/login.css",
            "/streaming/assets/login.js",
            "/favicon.ico");

    /** A logged-in user. */
    public record Login(String user, Role role, long expiresAtMillis) {}

    private record Checked(Optional<Login> login, long atMillis, long touchedAtMillis) {}

    private final UserStore users;
    private final LoginSessionStore sessions;
    private final LoginLimiter limiter;
    private final LongSupplier clock;
    private final @Nullable String metricsToken;
    private final boolean secureCookie;
    /**
     * Tokens checked lately, at most {@value #CACHED_TOKENS}; beyond, Caffeine evicts the entries least likely to be
     * used again (frequency and recency), so junk cookies cannot flush the signed-in users' entries; evictions run on
     * the calling thread.
     */
    private final Cache<String, Checked> checked = Caffeine.newBuilder()
            .maximumSize(CACHED_TOKENS)
            .executor(Runnable::run)
            .build();

    /**
     * @param clock        wall clock, epoch ms
     * @param metricsToken bearer token that may read {@code /metrics} without a login, or null
     * @param secureCookie whether the cookie is marked {@code Secure} (served over HTTPS)
     */
    public Auth(
            UserStore users,
            LoginSessionStore sessions,
            LoginAttemptStore attempts,
            LongSupplier clock,
            @Nullable String metricsToken,
            boolean secureCookie) {
        this.users = users;
        this.sessions = sessions;
        this.limiter = new LoginLimiter(attempts, clock);
        this.clock = clock;
        this.metricsToken = metricsToken == null || metricsToken.isBlank() ? null : metricsToken;
        this.secureCookie = secureCookie;
    }

    /** Handles {@code POST /login}. */
    public void login(Context ctx) throws SQLException {
        String ip = ctx.ip(), user = ctx.formParam("username"), password = ctx.formParam("password");
        if (password != null && password.getBytes(StandardCharsets.UTF_8).length > Passwords.MAX_BYTES) {
            throw new BadParameter("password", "password must be at most " + Passwords.MAX_BYTES + " bytes (UTF-8)");
        }
        if (user != null && user.length() > MAX_USER_CHARS) // refused before any look-up or counting: no key of it kept
        throw new BadParameter("username", "username must be at most " + MAX_USER_CHARS + " characters");
        if (user == null || password == null || user.isEmpty() || password.isEmpty()) {
            ctx.redirect("/login?error=1", HttpStatus.SEE_OTHER);
            return;
        }
        long wait = limiter.tryAttempt(ip, user);
        if (wait > 0) {
            LOG.warn("login limit reached for {} from {}: refused for {} s", LogText.quote(user), ip, wait);
            ctx.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(wait))
                    .contentType("application/json")
                    .result(Json.write(Map.of("error", "too many login attempts: try again in " + wait + " s")));
            return;
        }
        Optional<Role> role = users.authenticate(user, password);
        if (role.isEmpty()) {
            LOG.info("failed login for {} from {}", LogText.quote(user), ip);
            ctx.redirect("/login?error=1", HttpStatus.SEE_OTHER);
            return;
        }
        limiter.succeeded(ip, user);
        long now = clock.getAsLong();
        String token = sessions.open(user, now + SESSION_MILLIS);
        checked.put(token, new Checked(Optional.of(new Login(user, role.get(), now + SESSION_MILLIS)), now, now));
        ctx.header("Set-Cookie", cookie(token, SESSION_MILLIS / 1000));
        ctx.redirect("/streaming/", HttpStatus.SEE_OTHER);
    }

    private String cookie(String value, long maxAgeSeconds) {
        return COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + maxAgeSeconds
                + (secureCookie ? "; Secure" : "");
    }

    /** Handles {@code POST /logout}: ends the session everywhere. */
    public void logout(Context ctx) throws SQLException {
        String token = ctx.cookie(COOKIE);
        if (token != null) {
            sessions.close(token);
            checked.invalidate(token);
        }
        ctx.header("Set-Cookie", cookie("", 0));
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    /**
     * The logged-in user of a request's cookie, if any: from PostgreSQL, at most every {@value #RECHECK_MILLIS} ms per
     * token. While PostgreSQL is unreachable a session checked before stays valid until its expiry; an unknown token
     * is refused.
     */
    public Optional<Login> user(@Nullable String token) {
        if (token == null || token.isEmpty() || token.length() > 100) return Optional.empty();
        long now = clock.getAsLong();
        Checked c = checked.getIfPresent(token);
        if (c != null && now - c.atMillis < RECHECK_MILLIS) return live(c.login, now);
        try {
            Optional<Login> login =
                    sessions.find(token, now).map(s -> new Login(s.username(), s.role(), s.expiresAtMillis()));
            long touched = c == null ? 0 : c.touchedAtMillis;
            if (login.isPresent() && now - touched >= TOUCH_MILLIS) {
                sessions.touch(token, now);
                touched = now;
            }
            checked.put(token, new Checked(login, now, touched));
            return login;
        } catch (SQLException e) {
            LOG.warn("login sessions unavailable (PostgreSQL): {}", e.getMessage());
            return c == null ? Optional.empty() : live(c.login, now);
        }
    }

    private static Optional<Login> live(Optional<Login> login, long now) {
        return login.filter(l -> l.expiresAtMillis() > now);
    }

    /** The signed-in user as {@code GET /streaming/api/me} answers it. */
    record Me(String user, String role) {}

    /** {@code GET /streaming/api/me}: the signed-in user's name and role ({@code {"user":"bob","role":"admin"}}). */
    public void me(Context ctx) {
        Login login = user(ctx.cookie(COOKIE)).orElseThrow(); // require() let only signed-in requests through
        ctx.contentType("application/json").result(Json.write(new Me(login.user(), login.role().label)));
    }

    /** Before-handler for every HTTP request. */
    public void require(Context ctx) {
        if (PUBLIC.contains(ctx.path()) || user(ctx.cookie(COOKIE)).isPresent()) return;
        if (metricsToken != null
                && ctx.path().equals("/metrics")
                && MessageDigest.isEqual(
                        ("Bearer " + metricsToken).getBytes(StandardCharsets.UTF_8),
                        String.valueOf(ctx.header("Authorization")).getBytes(StandardCharsets.UTF_8))) return;
        if (Routes.isApi(ctx.path()) || ctx.path().equals("/metrics")) {
            ctx.status(HttpStatus.UNAUTHORIZED)
                    .contentType("application/json")
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
