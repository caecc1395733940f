package io.tickstock.app.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The {@code users} table: the PostgreSQL {@link UserStore}, shared by every app instance on the database. A user's
 * {@code login_sessions} rows go when the user is removed (foreign key) or its password is replaced. Thread-safe.
 */
public final class Users implements UserStore {
    private final DataSource dataSource;

    public Users(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void upsert(String username, char[] password, Role role) throws SQLException {
        Passwords.checkLength(password);
        update(
                "INSERT INTO users (username, password_hash, role) VALUES (?, ?, ?) ON CONFLICT (username) DO UPDATE "
                        + "SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role, updated_at = NOW()",
                username,
                Passwords.hash(password),
                role.label);
        update("DELETE FROM login_sessions WHERE username = ?", username);
    }

    @Override
    public boolean add(String username, char[] password, Role role) throws SQLException {
        Passwords.checkNew(username, password);
        return update(
                        "INSERT INTO users (username, password_hash, role) VALUES (?, ?, ?) ON CONFLICT (username) DO NOTHING",
                        username,
                        Passwords.hash(password),
                        role.label)
                == 1;
    }

    @Override
    public boolean passwd(String username, char[] password) throws SQLException {
        Passwords.checkNew(username, password);
        boolean changed = update(
                        "UPDATE users SET password_hash = ?, updated_at = NOW() WHERE username = ?",
                        Passwords.hash(password),
                        username)
                == 1;
        if (changed) update("DELETE FROM login_sessions WHERE username = ?", username);
        return changed;
    }

    @Override
    public boolean remove(String username) throws SQLException {
        return update("DELETE FROM users WHERE username = ?", username) == 1; // sessions by the foreign key
    }

    @Override
    public Map<String, Role> list() throws SQLException {
        Map<String, Role> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT username, role FROM users ORDER BY username");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.put(rs.getString(1), Role.of(rs.getString(2)));
        }
        return out;
    }

    @Override
    public Optional<Role> authenticate(String username, String password) throws SQLException {
        Passwords.checkLength(password.toCharArray());
        @Nullable String hash = null, role = null;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT password_hash, role FROM users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    hash = rs.getString(1);
                    role = rs.getString(2);
                }
            }
        }
        return Passwords.matches(password, hash) && role != null ? Optional.of(Role.of(role)) : Optional.empty();
    }

    private int update(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            return ps.executeUpdate();
        }
    }
}
