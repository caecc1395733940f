package io.tickstock.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.tickstock.app.store.History;
import io.tickstock.app.store.InMemoryLogins;
import io.tickstock.app.store.Role;
import io.tickstock.app.stream.LiveState;
import io.tickstock.app.stream.WebSocketHub;
import io.tickstock.contract.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Every route as the app installs it ({@link Routes}), on a real Javalin server on port 0, with the login stores in
 * memory ({@link InMemoryLogins}) and a clock the test moves: what needs a login, the login form and its limits,
 * logout, a password change and expiry reaching a signed-in browser, the metrics token, the cross-site check, and
 * the error mapping (400 naming the parameter; 500 without a stack trace when PostgreSQL, here a closed port, fails).
 */
class RoutesTest {
    private static final String PASSWORD = "correct-horse";
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final HttpClient http = HttpClient.newHttpClient();
    private InMemoryLogins logins;
    private Javalin server;

    @BeforeEach
    void start() throws Exception {
        logins = new InMemoryLogins();
        logins.upsert("admin", PASSWORD.toCharArray(), Role.ADMIN);
        logins.add("carol", "carol-password".toCharArray(), Role.USER);
        Auth auth = new Auth(logins, logins, logins, clock::get, "metrics-secret", false);
        PGSimpleDataSource nowhere = new PGSimpleDataSource(); // nothing listens: every query fails
        nowhere.setUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1");
        History history = new History(nowhere, clock::get);
        Routes.Handlers handlers = new Routes.Handlers(
                new BrowserGuard(false, List.of()),
                auth,
                new Pages(),
                new StreamingApi(history, () -> Map.of("session", "none"), new io.tickstock.app.stream.Watchlist()),
                new SessionsApi(new io.tickstock.app.store.PastSessions(nowhere)),
                new io.tickstock.app.web.BacktestsApi(
                        new io.tickstock.app.store.BacktestJobs(nowhere),
                        auth,
                        "redis://127.0.0.1:1",
                        clock::get,
                        java.util.List::of),
                new SessionAdmin(auth, "redis://127.0.0.1:1", clock::get),
                new StreamSocket(new WebSocketHub(100, clock::get), auth, new LiveState(), history, clock::get),
                ctx -> ctx.result("# metrics"),
                ctx -> ctx.result("ready"));
        server = Javalin.create(c -> {
                    c.startup.showJavalinBanner = false;
                    Routes.install(c, handlers);
                })
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> get(String path, @Nullable String cookie, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (cookie != null) b.header("Cookie", cookie);
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, @Nullable String cookie, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) b.header("Cookie", cookie);
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> login(String user, String password) throws Exception {
        return post(
                "/login",
                "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8),
                null);
    }

    private String signIn(String user, String password) throws Exception {
        HttpResponse<String> r = login(user, password);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/streaming/");
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .contains("HttpOnly", "SameSite=Strict", "Max-Age=43200")
                .doesNotContain("Secure");
        return cookie.substring(0, cookie.indexOf(';'));
    }

    @Test
    void withoutALoginOnlyTheLoginPageAndTheProbesAnswer() throws Exception {
        assertThat(get("/health/live", null).statusCode()).isEqualTo(200);
        assertThat(get("/health/ready", null).body()).isEqualTo("ready");
        assertThat(get("/login", null).statusCode()).isEqualTo(200);
        HttpResponse<String> page = get("/streaming/", null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).contains("/login");
        assertThat(get("/api/streaming/status", null).statusCode())
                .as("the seeds' alias answers 401 too, not a redirect")
                .isEqualTo(401);
        HttpResponse<String> api = get("/streaming/api/status", null);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(Json.read(api.body()).path("error").asText()).contains("POST /login");
        assertThat(get("/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/metrics", null, "Authorization", "Bearer metrics-secret")
                        .body())
                .isEqualTo("# metrics");
        assertThat(get("/metrics", null, "Authorization", "Bearer guess").statusCode())
                .isEqualTo(401);
    }

    @Test
    void aLoginOpensTheApiUntilLogout() throws Exception {
        HttpResponse<String> wrong = login("admin", "wrong-password");
        assertThat(wrong.statusCode()).isEqualTo(303);
        assertThat(wrong.headers().firstValue("Location")).contains("/login?error=1");

        String cookie = signIn("admin", PASSWORD);
        assertThat(get("/streaming/api/status", cookie).body()).isEqualTo("{\"session\":\"none\"}");
        assertThat(get("/api/streaming/status", cookie).body())
                .as("the seeds' path, an alias")
                .isEqualTo("{\"session\":\"none\"}");
        assertThat(get("/streaming/", cookie).statusCode()).isEqualTo(200);

        HttpResponse<String> out = post("/logout", "", cookie);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(get("/streaming/api/status", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void aPasswordChangeAndExpiryEndASignedInBrowser() throws Exception {
        String carol = signIn("carol", "carol-password"), admin = signIn("admin", PASSWORD);
        logins.passwd("carol", "carol-password-2".toCharArray()); // as another app instance or `tickstock user passwd`
        assertThat(get("/streaming/api/status", carol).statusCode())
                .as("cached for up to 2 s")
                .isEqualTo(200);
        clock.addAndGet(Auth.RECHECK_MILLIS);
        assertThat(get("/streaming/api/status", carol).statusCode()).isEqualTo(401);
        assertThat(get("/streaming/api/status", admin).statusCode()).isEqualTo(200);
        clock.addAndGet(Auth.SESSION_MILLIS);
        assertThat(get("/streaming/api/status", admin).statusCode())
                .as("expired after 12 h")
                .isEqualTo(401);
    }

    @Test
    void guessingIsLimitedAndAnOverlongPasswordOrNameIsABadParameter() throws Exception {
        for (int i = 0; i < 20; i++) { // refused before any look-up or counting: the address's attempts stay whole
            HttpResponse<String> longName = login("x".repeat(Auth.MAX_USER_CHARS + 1 + i), "whatever");
            assertThat(longName.statusCode()).isEqualTo(400);
            assertThat(Json.read(longName.body()).path("parameter").asText()).isEqualTo("username");
        }
        HttpResponse<String> tooLong = login("admin", "é".repeat(37));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(Json.read(tooLong.body()).path("parameter").asText()).isEqualTo("password");
        for (int i = 0; i < LoginLimiter.PER_ADDRESS; i++) {
            assertThat(login("admin", "guess-" + i).statusCode()).isEqualTo(303);
        }
        HttpResponse<String> limited = login("admin", "one-guess-too-many");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(login("admin", PASSWORD).statusCode())
                .as("the right password is refused too")
                .isEqualTo(429);
        clock.addAndGet(LoginLimiter.ADDRESS_WINDOW_MILLIS);
        assertThat(login("admin", PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void aCrossSitePostIsRefused() throws Exception {
        String cookie = signIn("admin", PASSWORD);
        HttpResponse<String> r =
                post("/streaming/api/admin/session/start", "", cookie, "Origin", "https://evil.example");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(Json.read(r.body()).path("parameter").asText()).isEqualTo("Origin");
    }

    @Test
    void errorsAreJsonNamingTheParameterOrTheFailureNeverAStackTrace() throws Exception {
        String cookie = signIn("admin", PASSWORD);
        HttpResponse<String> bad = get("/streaming/api/patterns/SPY?hours=abc", cookie);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Json.read(bad.body()).path("parameter").asText()).isEqualTo("hours");
        HttpResponse<String> down = get("/streaming/api/patterns/SPY?hours=1", cookie);
        assertThat(down.statusCode()).isEqualTo(500);
        assertThat(Json.read(down.body()).path("error").asText()).startsWith("internal error: ");
        assertThat(down.body()).doesNotContain("at io.tickstock", "Exception:");
    }
}
