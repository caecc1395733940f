package io.tickstock.app.web;

import com.zaxxer.hikari.HikariDataSource;
import io.tickstock.app.store.AppDatabase;
import io.tickstock.app.store.LoginAttemptStore;
import io.tickstock.app.store.LoginAttempts;
import io.tickstock.contract.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** The login limiter contract over {@link LoginAttempts}, an embedded PostgreSQL with the app's migrations. */
@Tag("e2e")
class PostgresLoginLimiterTest extends LoginLimiterContract {
    private static EmbeddedPostgres postgres;
    private static HikariDataSource dataSource;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = AppDatabase.open(
                DatabaseUrl.parse("postgresql://postgres@127.0.0.1:" + postgres.getPort() + "/postgres"));
    }

    @AfterAll
    static void stop() throws Exception {
        dataSource.close();
        postgres.close();
    }

    @Override
    LoginAttemptStore emptyStore() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            st.execute("TRUNCATE login_attempts");
        }
        return new LoginAttempts(dataSource);
    }
}
