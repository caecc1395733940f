package io.tickstock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tickstock.app.App;
import io.tickstock.app.AppConfig;
import io.tickstock.app.stream.Watchlist;
import io.tickstock.contract.Channels;
import io.tickstock.contract.RedisUrl;
import io.tickstock.testkit.AppHttp;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stateless app nodes behind the documented HAProxy configuration ({@code docs/haproxy.cfg}, run as written, Debian's
 * {@code haproxy}): two apps on one Redis and PostgreSQL; a login made through the proxy works on whichever node
 * answers, a browser's WebSocket through the proxy gets a pattern published to Redis, and with one node stopped the
 * proxy keeps serving from the other.
 */
@Tag("e2e")
class LoadBalancerTest {
    static final String PASSWORD = "balancer-password";

    @TempDir
    Path tmp;

    @Test
    void twoAppsBehindHaproxyServeAsOne() throws Exception {
        Path config = Path.of("../docs/haproxy.cfg").toAbsolutePath().normalize();
        assertThat(config).exists();
        try (EmbeddedRedis redis = new EmbeddedRedis(0);
                EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(tmp.resolve("pg"), true, 0);
                App first = app(redis, postgres)) {
            App second = app(redis, postgres);
            int proxyPort = FreePort.find();
            Path sbin = Path.of("/usr/sbin/haproxy");
            String bin = Files.isExecutable(sbin) ? sbin.toString() : "haproxy";
            ProcessBuilder pb = new ProcessBuilder(bin, "-db", "-f", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("haproxy.log").toFile());
            pb.environment().put("TICKSTOCK_PROXY_PORT", String.valueOf(proxyPort));
            pb.environment().put("TICKSTOCK_APP1", "127.0.0.1:" + first.port());
            pb.environment().put("TICKSTOCK_APP2", "127.0.0.1:" + second.port());
            Process haproxy = pb.start();
            try {
                await().atMost(Duration.ofSeconds(15))
                        .ignoreExceptions()
                        .until(() ->
                                AppHttp.get(proxyPort, "/health/ready", null).statusCode() == 200);
                // every client reaches the nodes from the proxy's address: the nodes count each by X-Forwarded-For
                for (int i = 0; i < 10; i++) // 10 a minute per address, shared by the two nodes (round robin)
                assertThat(loginFrom("127.0.0.2", proxyPort, "wrong-password").statusCode())
                            .isEqualTo(303);
                for (int i = 0; i < 2; i++) // the next try lands on either node: both refuse it
                assertThat(loginFrom("127.0.0.2", proxyPort, "wrong-password").statusCode())
                            .as("the guessing client is limited on both nodes")
                            .isEqualTo(429);
                assertThat(loginFrom("127.0.0.3", proxyPort, PASSWORD).headers().firstValue("Location"))
                        .as("another client behind the same proxy is not")
                        .contains("/streaming/");
                String cookie = Dashboards.login(proxyPort, PASSWORD);
                for (int i = 0; i < 6; i++) // round robin: both nodes answer for the one login
                assertThat(AppHttp.get(proxyPort, "/streaming/api/status", cookie)
                                    .statusCode())
                            .isEqualTo(200);

                ConcurrentLinkedQueue<String> frames = new ConcurrentLinkedQueue<>();
                WebSocket ws = HttpClient.newHttpClient()
                        .newWebSocketBuilder()
                        .header("Cookie", cookie)
                        .buildAsync(URI.create("ws://127.0.0.1:" + proxyPort + "/streaming/ws"), collector(frames))
                        .get(10, TimeUnit.SECONDS);
                try (StatefulRedisConnection<String, String> r =
                        RedisClient.create(RedisUrl.uri(redis.url())).connect()) {
                    await().atMost(Duration.ofSeconds(10)).until(() -> {
                        r.sync()
                                .publish(
                                        Channels.PATTERNS_STREAMING,
                                        "{\"type\":\"streaming_pattern\",\"detection\":{\"symbol\":\"LBTEST\","
                                                + "\"pattern_type\":\"Doji\",\"confidence\":0.9}}");
                        return frames.stream().anyMatch(f -> f.contains("LBTEST"));
                    });
                }
                ws.abort();

                second.close(); // one node down: the proxy's health check takes it out
                await().atMost(Duration.ofSeconds(15)).until(() -> {
                    for (int i = 0; i < 4; i++)
                        if (AppHttp.get(proxyPort, "/streaming/api/status", cookie)
                                        .statusCode()
                                != 200) return false;
                    return true;
                });
            } finally {
                haproxy.destroy();
                haproxy.waitFor(10, TimeUnit.SECONDS);
                second.close();
            }
        }
        assertThat(Files.readString(tmp.resolve("haproxy.log"))).doesNotContain("ALERT");
    }

    private static App app(EmbeddedRedis redis, EmbeddedPostgresServer postgres) throws Exception {
        AppConfig plain = new AppConfig(redis.url(), postgres.databaseUrl(), "127.0.0.1", 0, 50, PASSWORD);
        AppConfig behindProxy = new AppConfig(
                plain.redisUrl(),
                plain.database(),
                plain.host(),
                plain.httpPort(),
                plain.bufferIntervalMs(),
                plain.adminPassword(),
                plain.metricsToken(),
                plain.outboxFrames(),
                plain.engineLostAfterMillis(),
                plain.tls(),
                plain.allowedOrigins(),
                plain.delivery(),
                List.of("127.0.0.1"), // TICKSTOCK_TRUSTED_PROXIES, as docs/haproxy.cfg asks
                Watchlist.DEFAULT_MAX_SYMBOLS);
        return new App(behindProxy, System::currentTimeMillis).start();
    }

    /** {@code POST /login} as admin through the proxy from the local address {@code from}, with a forged header. */
    private static HttpResponse<String> loginFrom(String from, int port, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName(from))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", "10.9.9.9") // dropped by the proxy
                        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + password))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static WebSocket.Listener collector(ConcurrentLinkedQueue<String> frames) {
        return new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    frames.add(text.toString());
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }
        };
    }
}
