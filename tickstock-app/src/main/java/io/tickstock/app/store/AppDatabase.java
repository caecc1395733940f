package io.tickstock.app.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tickstock.contract.DatabaseUrl;
import io.tickstock.contract.IntegrationLog;
import org.flywaydb.core.Flyway;

/** Opens the app's connection pool and migrates the app's own tables (classpath {@code db/app}). */
public final class AppDatabase {
    private AppDatabase() {}

    /**
     * Opens the app's connection pool and applies its migrations.
     *
     * @throws IllegalStateException naming TICKSTOCK_DATABASE_URL when PostgreSQL cannot be reached
     */
    public static HikariDataSource open(DatabaseUrl url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.user());
        config.setPassword(url.password());
        config.setDataSourceProperties(url.driverProperties(60, 30)); // a silent server or a runaway query is noticed
        config.setPoolName("tickstock-app");
        config.setMaximumPoolSize(6);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(15_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot reach PostgreSQL at " + url + " (" + rootMessage(e)
                            + "): start it or set TICKSTOCK_DATABASE_URL",
                    e);
        }
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/app")
                .table("flyway_app_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        IntegrationLog.migrate(ds);
        return ds;
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null && e.getCause() != e) e = e.getCause();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
