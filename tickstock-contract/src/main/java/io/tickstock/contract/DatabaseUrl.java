package io.tickstock.contract;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL URI as psql accepts it ({@code postgresql://user:password@host:port/db}, scheme
 * {@code postgres} also accepted), split into what JDBC needs. {@link #toString()} never shows the password.
 *
 * @param jdbcUrl  {@code jdbc:postgresql://host:port/db}
 * @param user     user name, may be null
 * @param password password, may be null; never logged
 */
public record DatabaseUrl(String jdbcUrl, String user, String password, String host, int port, String database) {

    /**
     * Parses a PostgreSQL URI.
     *
     * @throws IllegalArgumentException naming what is wrong, e.g. a missing database name
     */
    public static DatabaseUrl parse(String uri) {
        URI u;
        try {
            u = URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TICKSTOCK_DATABASE_URL is not a URI (expected postgresql://user:password@host:port/db)");
        }
        if (!"postgresql".equals(u.getScheme()) && !"postgres".equals(u.getScheme())) {
            throw new IllegalArgumentException("TICKSTOCK_DATABASE_URL must start with postgresql:// (was " + u.getScheme() + "://)");
        }
        String db = u.getPath() == null ? "" : u.getPath().replaceFirst("^/", "");
        if (db.isEmpty()) throw new IllegalArgumentException("TICKSTOCK_DATABASE_URL names no database (postgresql://user:password@host:port/db)");
        String host = u.getHost() == null ? "127.0.0.1" : u.getHost();
        int port = u.getPort() < 0 ? 5432 : u.getPort();
        String user = null, password = null;
        if (u.getRawUserInfo() != null) {
            String[] parts = u.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            if (parts.length == 2) password = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
        }
        return new DatabaseUrl("jdbc:postgresql://" + host + ":" + port + "/" + db, user, password, host, port, db);
    }

    /** The URI without the password: {@code postgresql://user@host:port/db}. */
    @Override
    public String toString() {
        return "postgresql://" + (user == null ? "" : user + "@") + host + ":" + port + "/" + database;
    }
}
