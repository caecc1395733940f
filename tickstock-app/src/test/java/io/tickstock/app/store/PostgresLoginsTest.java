package io.tickstock.app.store;

import com.zaxxer.hikari.HikariDataSource;
import io.tickstock.contract.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** The login store contract on {@link Users} and {@link LoginSessions} over an embedded PostgreSQL with the app's migrations. */
@Tag("e2e")
class PostgresLoginsTest extends LoginStoreContract {
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
    void emptyStores() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            st.execute("TRUNCATE users CASCADE");
        }
        users = new Users(dataSource);
        sessions = new LoginSessions(dataSource);
    }
}
