package io.tickstock.app.web;

import io.tickstock.app.store.AppPostgres;
import io.tickstock.app.store.LoginAttemptStore;
import io.tickstock.app.store.LoginAttempts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** The login limiter contract over {@link LoginAttempts}, an embedded PostgreSQL with the app's migrations. */
@Tag("e2e")
class PostgresLoginLimiterTest extends LoginLimiterContract {
    private static AppPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = AppPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Override
    LoginAttemptStore emptyStore() throws Exception {
        postgres.truncate("login_attempts");
        return new LoginAttempts(postgres.dataSource());
    }
}
