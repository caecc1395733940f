package io.tickstock.contract;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL URI as psql accepts it ({@code postgresql://user:password@host:port/db?sslmode=verify-full&…}, scheme
 * {@code postgres} also accepted), split into what JDBC needs. Query parameters other than {@code user} and
 * {@code password} (TLS: {@code sslmode}, {@code sslrootcert}, {@code sslcert}, {@code sslkey}; {@code connect_timeout}
 * …) are passed to the driver; {@code user} and {@code password} there count as the user-info's. {@link #toString()}
 * never shows the password.
 *
 * @param jdbcUrl  {@code jdbc:postgresql://host:port/db[?query]}
 * @param user     user name, may be null
 * @param password password, may be null; never logged
 */
public record DatabaseUrl(
        String jdbcUrl, @Nullable String user, @Nullable String password, String host, int port, String database) {

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
            throw new IllegalArgumentException(
                    "TICKSTOCK_DATABASE_URL is not a URI (expected postgresql://user:password@host:port/db)");
        }
        if (!"postgresql".equals(u.getScheme()) && !"postgres".equals(u.getScheme())) {
            throw new IllegalArgumentException(
                    "TICKSTOCK_DATABASE_URL must start with postgresql:// (was " + u.getScheme() + "://)");
        }
        String db = u.getPath() == null ? "" : u.getPath().replaceFirst("^/", "");
        if (db.isEmpty())
            throw new IllegalArgumentException(
                    "TICKSTOCK_DATABASE_URL names no database (postgresql://user:password@host:port/db)");
        String host = u.getHost() == null ? "127.0.0.1" : u.getHost();
        int port = u.getPort() < 0 ? 5432 : u.getPort();
        String user = null, password = null;
        if (u.getRawUserInfo() != null) {
            String[] parts = u.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            if (parts.length == 2) password = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
        }
        StringBuilder query = new StringBuilder();
        if (u.getRawQuery() != null) {
            for (String kv : u.getRawQuery().split("&", -1)) {
                if (kv.isEmpty()) continue;
                String[] p = kv.split("=", 2);
                String name = URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        value = p.length == 2 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "";
                switch (name) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    case "connect_timeout" ->
                        query.append(query.isEmpty() ? "" : "&")
                                .append("connectTimeout=")
                                .append(p.length == 2 ? p[1] : "");
                    default -> query.append(query.isEmpty() ? "" : "&").append(kv);
                }
            }
        }
        String jdbc = "jdbc:postgresql://" + host + ":" + port + "/" + db + (query.isEmpty() ? "" : "?" + query);
        return new DatabaseUrl(jdbc, user, password, host, port, db);
    }

    /**
     * The driver settings both programs use beside the URL's own: connect within {@code 10 s}, a read on the socket
     * that waits longer than {@code socketTimeoutSeconds} fails (a server or network that went silent is noticed),
     * TCP keep-alive, and a server-side {@code statement_timeout} of {@code statementTimeoutSeconds}. A setting the URL
     * names itself is left as the URL says.
     */
    public Properties driverProperties(int socketTimeoutSeconds, int statementTimeoutSeconds) {
        Properties p = new Properties();
        String query = jdbcUrl.contains("?") ? jdbcUrl.substring(jdbcUrl.indexOf('?') + 1) : "";
        if (!query.contains("connectTimeout=")) p.setProperty("connectTimeout", "10");
        if (!query.contains("socketTimeout=")) p.setProperty("socketTimeout", Integer.toString(socketTimeoutSeconds));
        if (!query.contains("tcpKeepAlive=")) p.setProperty("tcpKeepAlive", "true");
        if (!query.contains("options="))
            p.setProperty("options", "-c statement_timeout=" + statementTimeoutSeconds * 1000);
        return p;
    }

    /** The URI without the password: {@code postgresql://user@host:port/db}, with the driver settings the URL gave. */
    @Override
    public String toString() {
        String query = jdbcUrl.contains("?") ? jdbcUrl.substring(jdbcUrl.indexOf('?')) : "";
        return "postgresql://" + (user == null ? "" : user + "@") + host + ":" + port + "/" + database
                + LogText.url(query);
    }
}
