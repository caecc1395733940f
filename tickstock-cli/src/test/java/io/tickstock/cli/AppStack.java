package io.tickstock.cli;

import io.tickstock.app.App;
import io.tickstock.app.AppConfig;
import java.nio.file.Path;

/**
 * A real app on an embedded Redis and PostgreSQL (loopback, free ports, the app's 5-ms buffer), for the end-to-end
 * tests and measurements that need the three and nothing else. Closes the app, then PostgreSQL, then Redis.
 *
 * @param redis    the embedded Redis (its URL carries the password)
 * @param postgres the embedded PostgreSQL
 * @param app      the started app; user {@code admin} has the password {@link #start} was given
 */
record AppStack(EmbeddedRedis redis, EmbeddedPostgresServer postgres, App app) implements AutoCloseable {
    /**
     * Starts the three, PostgreSQL's data under {@code dir/pg}.
     *
     * @throws Exception when one cannot start (those already started are closed)
     */
    static AppStack start(Path dir, String adminPassword) throws Exception {
        EmbeddedRedis redis = new EmbeddedRedis(0);
        EmbeddedPostgresServer postgres = null;
        try {
            postgres = new EmbeddedPostgresServer(dir.resolve("pg"), true, 0);
            App app = new App(
                            new AppConfig(redis.url(), postgres.databaseUrl(), "127.0.0.1", 0, 5, adminPassword),
                            System::currentTimeMillis)
                    .start();
            return new AppStack(redis, postgres, app);
        } catch (Exception | Error e) {
            if (postgres != null) postgres.close();
            redis.close();
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        try (redis;
                postgres) {
            app.close();
        }
    }
}
