package io.tickstock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.tickstock.contract.RedisUrl;
import io.tickstock.engine.EngineConfig;
import io.tickstock.engine.health.EngineMetrics;
import io.tickstock.engine.health.EngineStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The defaults a new user gets are safe: the embedded PostgreSQL asks for a password (generated, kept in a 0600
 * pgpass file, the same after a restart), the embedded Redis listens on loopback and asks for its password (generated,
 * kept in a 0600 file, the same after a restart), and the engine's /metrics is
 * served on 127.0.0.1 and behind a token when one is set.
 */
@Tag("e2e")
class SafeDefaultsTest {
    @TempDir
    Path home;

    @Test
    void theEmbeddedPostgresqlTrustsNobodyWithoutThePasswordInPgpass() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int port;
        String password;
        try (Infrastructure infra = Infrastructure.resolve(null, null, home)) {
            infra.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
            port = infra.database().port();
            password = infra.database().password();
            String jdbc = "jdbc:postgresql://127.0.0.1:" + port + "/tickstock";
            assertThatThrownBy(() -> DriverManager.getConnection(jdbc, "postgres", ""))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(jdbc, "postgres", "wrong"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
            DriverManager.getConnection(jdbc, "postgres", password).close();
        }
        Path pgpass = home.resolve("pgpass");
        assertThat(Files.getPosixFilePermissions(pgpass)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(pgpass)).isEqualTo("127.0.0.1:*:*:postgres:" + password + "\n");
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out)
                .contains("database: postgresql://postgres@127.0.0.1:" + port + "/tickstock (embedded; password in "
                        + pgpass + ")")
                .contains("(embedded, 127.0.0.1 only; password in " + home.resolve("redis-password") + ")")
                .doesNotContain(password);
        try (Infrastructure again =
                Infrastructure.resolve(null, null, home)) { // a restart keeps the cluster and its password
            assertThat(again.database().password()).isEqualTo(password);
            DriverManager.getConnection(again.database().jdbcUrl(), "postgres", password)
                    .close();
        }
    }

    @Test
    void theEmbeddedRedisAnswersOnlyWithThePasswordInItsFile() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        String url;
        Path file = home.resolve("redis-password");
        try (Infrastructure infra = Infrastructure.resolve(null, "postgresql://x@127.0.0.1:1/unused", home)) {
            infra.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
            url = infra.redisUrl();
            String password = Files.readString(file).strip();
            assertThat(url).contains(":" + password + "@127.0.0.1:");
            RedisClient anonymous = RedisClient.create(RedisUrl.uri(url.replace(":" + password + "@", "")));
            try {
                assertThatThrownBy(anonymous::connect).hasStackTraceContaining("NOAUTH");
            } finally {
                anonymous.shutdown();
            }
            RedisClient owner = RedisClient.create(RedisUrl.uri(url));
            try (var c = owner.connect()) {
                assertThat(c.sync().ping()).isEqualTo("PONG");
            } finally {
                owner.shutdown();
            }
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .doesNotContain(password)
                    .contains("redis://:***@");
        }
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (Infrastructure again = Infrastructure.resolve(null, "postgresql://x@127.0.0.1:1/unused", home)) {
            assertThat(again.redisUrl())
                    .as("the same password after a restart")
                    .startsWith(url.substring(0, url.indexOf('@')));
        }
    }

    @Test
    void engineMetricsListenOnLoopbackAndAskForTheToken() throws Exception {
        try (EngineMetrics metrics = new EngineMetrics(new EngineStats(), EngineMetrics.Outboxes.none())) {
            int port = metrics.serve("127.0.0.1", 0, "scrape-token");
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + port + "/metrics");
            assertThat(http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(401);
            HttpResponse<String> ok = http.send(
                    HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer scrape-token")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("tickstock_postgres_rejected_total");
        }
        assertThat(EngineConfig.DEFAULT_SPOOL_DIR.toString()).endsWith(".tickstock/spool");
    }
}
