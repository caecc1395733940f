package io.tickstock.cli;

import io.lettuce.core.RedisURI;
import io.tickstock.contract.DatabaseUrl;
import io.tickstock.contract.LogText;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.stream.Stream;
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
     * A Redis URL as Lettuce reads it: {@code redis://[:password@]host:port[/db]}, {@code rediss://} for TLS, or, for
     * Redis Sentinel, {@code redis-sentinel://[:password@]host:port[,host:port…][/db]#master} (and {@code
     * rediss-sentinel://}): every client then asks the sentinels for the master and follows a failover.
     *
     * @return {@code url}
     * @throws IllegalArgumentException naming TICKSTOCK_REDIS_URL when it is none of these
     */
    public static String checkRedisUrl(String url) {
        boolean known = Stream.of("redis://", "rediss://", "redis-sentinel://", "rediss-sentinel://")
                .anyMatch(url::startsWith);
        try {
            if (known) {
                RedisURI uri = RedisURI.create(url);
                if (!url.contains("sentinel://") || uri.getSentinelMasterId() != null) return url;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("TICKSTOCK_REDIS_URL must look like redis://[:password@]host:port "
                + "(rediss:// for TLS) or redis-sentinel://host:port[,host:port…]#master, was "
                + LogText.quote(LogText.url(url)));
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
                redisUrl = checkRedisUrl(redisEnv);
            } else {
                r = EmbeddedRedis.withPasswordFile(0, home.resolve("redis-password"));
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
        Path redisPassword = embeddedRedis == null ? null : embeddedRedis.passwordFile();
        out.println("redis: " + LogText.url(redisUrl)
                + (embeddedRedis == null
                        ? " (external)"
                        : " (embedded, 127.0.0.1 only"
                                + (redisPassword == null ? ")" : "; password in " + home(redisPassword) + ")")));
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
