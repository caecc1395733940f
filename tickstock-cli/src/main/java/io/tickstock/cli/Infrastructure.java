package io.tickstock.cli;

import io.tickstock.contract.DatabaseUrl;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Redis and PostgreSQL for a command: the servers named by {@code TICKSTOCK_REDIS_URL} and
 * {@code TICKSTOCK_DATABASE_URL} when set, else embedded ones on free ports and 127.0.0.1 only (PostgreSQL data kept under
 * {@code ~/.tickstock/postgres}, its generated password in {@code ~/.tickstock/pgpass}). Prints one line per component,
 * never a password.
 */
public final class Infrastructure implements AutoCloseable {
    private final @Nullable EmbeddedRedis embeddedRedis;
    private final @Nullable EmbeddedPostgresServer embeddedPostgres;
    private final String redisUrl;
    private final DatabaseUrl database;

    private Infrastructure(
            @Nullable EmbeddedRedis r, @Nullable EmbeddedPostgresServer p, String redisUrl, DatabaseUrl database) {
        this.embeddedRedis = r;
        this.embeddedPostgres = p;
        this.redisUrl = redisUrl;
        this.database = database;
    }

    /**
     * The Redis and PostgreSQL of the given URLs, or embedded ones under {@code home} for those unset or blank.
     *
     * @throws IllegalArgumentException when a configured URL is malformed (message names the variable)
     * @throws IOException when an embedded server cannot start
     */
    public static Infrastructure resolve(String redisEnv, String databaseEnv, Path home) throws IOException {
        EmbeddedRedis r = null;
        EmbeddedPostgresServer p = null;
        String redisUrl;
        DatabaseUrl db;
        try {
            if (redisEnv != null && !redisEnv.isBlank()) {
                if (!redisEnv.startsWith("redis://") && !redisEnv.startsWith("rediss://")) {
                    throw new IllegalArgumentException(
                            "TICKSTOCK_REDIS_URL must look like redis://[:password@]host:port or rediss:// for TLS, was "
                                    + io.tickstock.contract.LogText.quote(io.tickstock.contract.LogText.url(redisEnv)));
                }
                redisUrl = redisEnv;
            } else {
                r = new EmbeddedRedis(0);
                redisUrl = r.url();
            }
            if (databaseEnv != null && !databaseEnv.isBlank()) {
                db = DatabaseUrl.parse(databaseEnv);
            } else {
                p = new EmbeddedPostgresServer(home.resolve("postgres"), false, 0);
                db = p.databaseUrl();
            }
        } catch (IOException | RuntimeException e) {
            if (r != null) r.close();
            if (p != null) p.close();
            throw e;
        }
        return new Infrastructure(r, p, redisUrl, db);
    }

    /** {@link #resolve} with TICKSTOCK_REDIS_URL, TICKSTOCK_DATABASE_URL and {@code ~/.tickstock}. */
    public static Infrastructure fromEnvironment() throws IOException {
        return resolve(
                System.getenv("TICKSTOCK_REDIS_URL"),
                System.getenv("TICKSTOCK_DATABASE_URL"),
                Path.of(System.getProperty("user.home"), ".tickstock"));
    }

    public String redisUrl() {
        return redisUrl;
    }

    public DatabaseUrl database() {
        return database;
    }

    /** Prints {@code redis: …} and {@code database: …} lines. */
    public void print(PrintStream out) {
        out.println("redis: " + io.tickstock.contract.LogText.url(redisUrl)
                + (embeddedRedis != null ? " (embedded, 127.0.0.1 only)" : " (external)"));
        out.println("database: " + database
                + (embeddedPostgres != null
                        ? " (embedded; password in " + home(embeddedPostgres.pgpass()) + ")"
                        : " (external)"));
    }

    /** A path under the user's home written with {@code ~}. */
    private static String home(Path p) {
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath();
        Path abs = p.toAbsolutePath();
        return abs.startsWith(home) ? "~/" + home.relativize(abs) : abs.toString();
    }

    @Override
    public void close() throws IOException {
        if (embeddedRedis != null) embeddedRedis.close();
        if (embeddedPostgres != null) embeddedPostgres.close();
    }
}
