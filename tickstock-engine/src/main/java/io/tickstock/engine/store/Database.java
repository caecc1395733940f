package io.tickstock.engine.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tickstock.contract.DatabaseUrl;
import io.tickstock.contract.IntegrationLog;
import io.tickstock.contract.Outbox;
import org.flywaydb.core.Flyway;

/** Opens the engine's connection pool and migrates the engine's tables (classpath {@code db/engine}). */
public final class Database {
    private Database() {}

    /**
     * Opens a connection pool.
     *
     * @param poolSize maximum connections
     * @throws IllegalStateException naming TICKSTOCK_DATABASE_URL when PostgreSQL cannot be reached
     */
    public static HikariDataSource open(DatabaseUrl url, String poolName, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.user());
        config.setPassword(url.password());
        config.setDataSourceProperties(url.driverProperties(120, 60)); // a silent server or a runaway query is noticed
        config.setPoolName(poolName);
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(3_000); // a writer waiting for an unreachable server spools sooner
        config.setInitializationFailTimeout(15_000);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot reach PostgreSQL at " + url + " (" + Outbox.rootMessage(e)
                            + "): start it or set TICKSTOCK_DATABASE_URL",
                    e);
        }
    }

    /** Applies the engine's migrations and the integration log shared with the app; idempotent. */
    public static void migrate(HikariDataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/engine")
                .table("flyway_engine_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        IntegrationLog.migrate(dataSource);
    }
}
