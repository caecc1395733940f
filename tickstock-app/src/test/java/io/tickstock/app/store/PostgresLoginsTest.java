package io.tickstock.app.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** The login store contract on {@link Users} and {@link LoginSessions} over an embedded PostgreSQL with the app's migrations. */
@Tag("e2e")
class PostgresLoginsTest extends LoginStoreContract {
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
    void emptyStores() throws Exception {
        postgres.truncate("users");
        users = new Users(postgres.dataSource());
        sessions = new LoginSessions(postgres.dataSource());
    }
}
