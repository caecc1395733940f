package io.tickstock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickstock.app.App;
import io.tickstock.app.AppConfig;
import io.tickstock.contract.Json;
import io.tickstock.testkit.AppHttp;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logins and browser hardening against real servers: sessions kept in PostgreSQL (valid on a second app instance and
 * after a restart, ended by logout and by a password change, which also closes the user's open WebSockets), the
 * 72-byte bcrypt limit as a 400 naming {@code password}, the same bcrypt work for unknown users, cross-site requests
 * refused, the security headers, and HTTPS with a {@code Secure} cookie and HSTS.
 */
@Tag("e2e")
class LoginSecurityTest {
    static final String PASSWORD = "login-password";

    @TempDir
    static Path tmp;

    static EmbeddedRedis redis;
    static EmbeddedPostgresServer postgres;
    static App first, second;

    @BeforeAll
    static void twoAppsOnOneDatabase() throws Exception {
        redis = new EmbeddedRedis(0);
        postgres = new EmbeddedPostgresServer(tmp.resolve("pg"), true, 0);
        first = new App(
                        new AppConfig(redis.url(), postgres.databaseUrl(), "127.0.0.1", 0, 50, PASSWORD),
                        System::currentTimeMillis)
                .start();
        second = new App(
                        new AppConfig(redis.url(), postgres.databaseUrl(), "127.0.0.1", 0, 50, PASSWORD),
                        System::currentTimeMillis)
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (first != null) first.close();
        if (second != null) second.close();
        if (postgres != null) postgres.close();
        if (redis != null) redis.close();
    }

    static int status(App app, String path, String cookie) throws Exception {
        return AppHttp.get(app.port(), path, cookie).statusCode();
    }

    @Test
    void aLoginWorksOnEveryInstanceSurvivesARestartAndEndsAtLogout() throws Exception {
        String cookie = Dashboards.login(first.port(), PASSWORD);
        assertThat(status(first, "/streaming/api/status", cookie)).isEqualTo(200);
        assertThat(status(second, "/streaming/api/status", cookie))
                .as("another app instance")
                .isEqualTo(200);
        try (App restarted = new App(
                        new AppConfig(redis.url(), postgres.databaseUrl(), "127.0.0.1", 0, 50, PASSWORD),
                        System::currentTimeMillis)
                .start()) {
            assertThat(status(restarted, "/streaming/api/status", cookie))
                    .as("after a restart, same admin password")
                    .isEqualTo(200);
        }
        assertThat(AppHttp.post(second.port(), "/logout", cookie).statusCode()).isEqualTo(303);
        await().atMost(Duration.ofSeconds(5)).until(() -> status(first, "/streaming/api/status", cookie) == 401);
    }

    @Test
    void aPasswordChangeEndsTheSessionsAndClosesTheirWebSockets() throws Exception {
        var users = new io.tickstock.app.store.Users(io.tickstock.app.store.AppDatabase.open(postgres.databaseUrl()));
        users.add("carol", "carol-password-1".toCharArray(), io.tickstock.app.store.Role.USER);
        String cookie = Dashboards.loginAs(first.port(), "carol", "carol-password-1");
        assertThat(cookie).isNotNull();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header("Cookie", cookie)
                .buildAsync(URI.create("ws://127.0.0.1:" + second.port() + "/streaming/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                        closed.complete(code);
                        return null;
                    }
                })
                .join();
        long changed = System.nanoTime();
        users.passwd("carol", "carol-password-2".toCharArray()); // as 'tickstock user passwd carol' does
        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo(io.tickstock.app.web.StreamSocket.SESSION_ENDED);
        System.out.printf(
                "password changed: the user's WebSocket on the other instance closed after %.1f s%n",
                (System.nanoTime() - changed) / 1e9);
        assertThat(status(first, "/streaming/api/status", cookie)).isEqualTo(401);
        assertThat(Dashboards.loginAs(first.port(), "carol", "carol-password-2"))
                .isNotNull();
    }

    @Test
    void passwordsBeyondBcryptsSeventyTwoBytesAre400sForEveryone() throws Exception {
        String long73 = "é".repeat(36) + "x"; // 73 UTF-8 bytes, 37 characters
        for (String user : List.of("admin", "nobody-at-all")) {
            HttpResponse<String> r = AppHttp.postLogin(first.port(), user, long73);
            assertThat(r.statusCode()).as(user).isEqualTo(400);
            assertThat(Json.read(r.body()).path("parameter").asText()).isEqualTo("password");
        }
    }

    @Test
    void anUnknownUserCostsTheSameBcryptAsAKnownOne() throws Exception {
        AppHttp.postLogin(second.port(), "admin", "wrong-password-0"); // warm up
        long known = 0, unknown = 0;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            AppHttp.postLogin(second.port(), "admin", "wrong-password-" + i);
            known += System.nanoTime() - t;
            t = System.nanoTime();
            AppHttp.postLogin(second.port(), "no-such-user-" + i, "wrong-password-" + i);
            unknown += System.nanoTime() - t;
        }
        System.out.printf(
                "failed login: known user %.0f ms, unknown user %.0f ms (means of 3)%n", known / 3e6, unknown / 3e6);
        assertThat((double) unknown).isGreaterThan(0.5 * known);
    }

    @Test
    void crossSiteRequestsAreRefusedAndTheHeadersAreSet() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + first.port() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", "https://evil.example")
                        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + PASSWORD))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(login.headers().firstValue("Set-Cookie")).isEmpty();
        HttpResponse<String> same = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + first.port() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", "http://127.0.0.1:" + first.port())
                        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + PASSWORD))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(same.statusCode()).isEqualTo(303);
        String cookie = same.headers()
                .firstValue("Set-Cookie")
                .map(c -> c.substring(0, c.indexOf(';')))
                .orElseThrow();

        // Cross-Site WebSocket Hijacking: a page elsewhere opening the socket with the victim's cookie
        Throwable refused = null;
        try {
            http.newWebSocketBuilder()
                    .header("Cookie", cookie)
                    .header("Origin", "https://evil.example")
                    .buildAsync(
                            URI.create("ws://127.0.0.1:" + first.port() + "/streaming/ws"), new WebSocket.Listener() {})
                    .join();
        } catch (CompletionException e) {
            refused = e.getCause();
        }
        assertThat(refused).as("the upgrade is refused").isNotNull().hasStackTraceContaining("403");

        HttpResponse<String> api = AppHttp.get(first.port(), "/streaming/api/status", cookie);
        assertThat(api.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'none'", "script-src 'self'");
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(api.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(AppHttp.get(first.port(), "/login", null).body())
                .doesNotContain("<script>")
                .as("no inline script");
    }

    @Test
    void httpsServesASecureCookieAndHsts() throws Exception {
        Path cert = tmp.resolve("cert.pem"), key = tmp.resolve("key.pem");
        selfSigned(cert, key);
        try (App tls = new App(
                        new AppConfig(
                                redis.url(),
                                postgres.databaseUrl(),
                                "127.0.0.1",
                                0,
                                50,
                                PASSWORD,
                                null,
                                AppConfig.DEFAULT_OUTBOX_FRAMES,
                                io.tickstock.app.health.EngineLiveness.DEFAULT_LOST_AFTER_MILLIS,
                                new AppConfig.Tls(cert, key),
                                List.of()),
                        System::currentTimeMillis)
                .start()) {
            SSLContext trustAll = SSLContext.getInstance("TLS");
            trustAll.init(
                    null,
                    new TrustManager[] {
                        new X509TrustManager() {
                            @Override
                            public void checkClientTrusted(X509Certificate[] c, String a) {}

                            @Override
                            public void checkServerTrusted(X509Certificate[] c, String a) {}

                            @Override
                            public X509Certificate[] getAcceptedIssuers() {
                                return new X509Certificate[0];
                            }
                        }
                    },
                    new SecureRandom());
            HttpClient https = HttpClient.newBuilder().sslContext(trustAll).build();
            HttpResponse<String> r = https.send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + tls.port() + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + PASSWORD))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(r.headers().firstValue("Set-Cookie").orElseThrow())
                    .contains("; Secure", "HttpOnly", "SameSite=Strict");
            assertThat(r.headers().firstValue("Strict-Transport-Security")).isPresent();
        }
    }

    /** A self-signed RSA certificate for localhost, written as PEM (the form --tls-cert/--tls-key take). */
    @SuppressWarnings("JavaUtilDate") // BouncyCastle's certificate builder takes java.util.Date
    static void selfSigned(Path certFile, Path keyFile) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        X500Name name = new X500Name("CN=localhost");
        long now = System.currentTimeMillis();
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v3CertificateBuilder(
                                name,
                                BigInteger.valueOf(now),
                                new Date(now - 60_000),
                                new Date(now + 86_400_000L),
                                name,
                                pair.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        for (var e : List.of(new Object[] {certFile, cert}, new Object[] {keyFile, pair.getPrivate()})) {
            StringWriter out = new StringWriter();
            try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
                pem.writeObject(e[1]);
            }
            Files.writeString((Path) e[0], out.toString());
        }
    }
}
