package io.tickstock.app.store;

import com.zaxxer.hikari.HikariDataSource;
import io.tickstock.contract.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;

/** An embedded PostgreSQL with the app's migrations, for the tests of the PostgreSQL stores. Close it after the tests. */
public final class AppPostgres implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final HikariDataSource dataSource;

    private AppPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.dataSource = AppDatabase.open(
                DatabaseUrl.parse("postgresql://postgres@127.0.0.1:" + postgres.getPort() + "/postgres"));
    }

    /** Starts PostgreSQL on a free port and migrates the app's tables. */
    public static AppPostgres start() throws Exception {
        return new AppPostgres(EmbeddedPostgres.builder().start());
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    /** Empties {@code table} (and what references it). */
    public void truncate(String table) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            st.execute("TRUNCATE " + table + " CASCADE");
        }
    }

    @Override
    public void close() throws Exception {
        dataSource.close();
        postgres.close();
    }
}
