package io.tickstock.app.store;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code users} table: bcrypt (cost 12, at.favre.lib:bcrypt) password hashes and roles. Thread-safe.
 */
public final class Users {
    private static final int COST = 12;
    private final DataSource dataSource;

    public Users(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates the user or replaces its password and role. @throws SQLException when PostgreSQL fails */
    public void upsert(String username, char[] password, String role) throws SQLException {
        String hash = BCrypt.withDefaults().hashToString(COST, password);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO users (username, password_hash, role) VALUES (?, ?, ?) ON CONFLICT (username) "
                        + "DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role, updated_at = NOW()")) {
            ps.setString(1, username);
            ps.setString(2, hash);
            ps.setString(3, role);
            ps.executeUpdate();
        }
    }

    /** The user's role when the password matches, else empty. @throws SQLException when PostgreSQL fails */
    public Optional<String> authenticate(String username, String password) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT password_hash, role FROM users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                boolean ok = BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                        rs.getString(1).getBytes(StandardCharsets.UTF_8)).verified;
                return ok ? Optional.of(rs.getString(2)) : Optional.empty();
            }
        }
    }
}
