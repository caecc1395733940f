package io.tickstock.app.store;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The {@code users} table: bcrypt (cost 12, at.favre.lib:bcrypt) password hashes and roles. bcrypt reads at most
 * {@value #MAX_PASSWORD_BYTES} bytes, so longer passwords are refused (never silently cut). Checking a password
 * costs one bcrypt whether or not the user exists, so timing does not tell names apart. Thread-safe.
 */
public final class Users {
    private static final int COST = 12;
    /** Longest password bcrypt reads, in UTF-8 bytes. */
    public static final int MAX_PASSWORD_BYTES = 72;
    /** A hash of a random password at the same cost, checked for unknown users so they take as long as known ones. */
    private static final byte[] DUMMY_HASH = BCrypt.withDefaults()
            .hash(COST, java.util.UUID.randomUUID().toString().toCharArray());

    private final DataSource dataSource;

    public Users(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Creates the user or replaces its password and role (its open sessions end).
     *
     * @throws IllegalArgumentException when the password is longer than {@value #MAX_PASSWORD_BYTES} bytes
     * @throws SQLException when PostgreSQL fails
     */
    public void upsert(String username, char[] password, Role role) throws SQLException {
        checkLength(password);
        String hash = BCrypt.withDefaults().hashToString(COST, password);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO users (username, password_hash, role) VALUES (?, ?, ?) ON CONFLICT (username) "
                                + "DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role, updated_at = NOW()")) {
            ps.setString(1, username);
            ps.setString(2, hash);
            ps.setString(3, role.label);
            ps.executeUpdate();
        }
        endSessions(username);
    }

    /** Valid user names. */
    public static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_.@-]{1,64}");
    /** Shortest accepted password. */
    public static final int MIN_PASSWORD = 8;

    /**
     * Creates a user. @return false when the user exists already
     * @throws IllegalArgumentException when the name does not match {@link #NAME}
     *                                  or the password is shorter than {@value #MIN_PASSWORD} characters
     * @throws SQLException when PostgreSQL fails
     */
    public boolean add(String username, char[] password, Role role) throws SQLException {
        check(username, password);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO users (username, password_hash, role) VALUES (?, ?, ?) ON CONFLICT (username) DO NOTHING")) {
            ps.setString(1, username);
            ps.setString(2, BCrypt.withDefaults().hashToString(COST, password));
            ps.setString(3, role.label);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Replaces a user's password and ends the user's open sessions (every app instance, within seconds).
     *
     * @return false when there is no such user; same exceptions as {@link #add}
     */
    public boolean passwd(String username, char[] password) throws SQLException {
        check(username, password);
        boolean changed;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE users SET password_hash = ?, updated_at = NOW() WHERE username = ?")) {
            ps.setString(1, BCrypt.withDefaults().hashToString(COST, password));
            ps.setString(2, username);
            changed = ps.executeUpdate() == 1;
        }
        if (changed) endSessions(username);
        return changed;
    }

    private void endSessions(String username) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM login_sessions WHERE username = ?")) {
            ps.setString(1, username);
            ps.executeUpdate();
        }
    }

    /** Deletes a user and (by the foreign key) its open sessions. @return false when there is no such user @throws SQLException when PostgreSQL fails */
    public boolean remove(String username) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM users WHERE username = ?")) {
            ps.setString(1, username);
            return ps.executeUpdate() == 1;
        }
    }

    /** User names and roles, by name. @throws SQLException when PostgreSQL fails */
    public java.util.Map<String, Role> list() throws SQLException {
        java.util.Map<String, Role> out = new java.util.LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT username, role FROM users ORDER BY username");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.put(rs.getString(1), Role.of(rs.getString(2)));
        }
        return out;
    }

    private static void check(String username, char[] password) {
        if (!NAME.matcher(username).matches()) {
            throw new IllegalArgumentException("user name must match " + NAME.pattern() + ", was "
                    + io.tickstock.contract.LogText.quote(username));
        }
        if (password.length < MIN_PASSWORD)
            throw new IllegalArgumentException("password must have at least " + MIN_PASSWORD + " characters");
        checkLength(password);
    }

    /**
     * Refuses a password bcrypt would cut: over {@value #MAX_PASSWORD_BYTES} bytes of UTF-8.
     *
     * @throws IllegalArgumentException when the password is longer than bcrypt reads
     */
    public static void checkLength(char[] password) {
        if (utf8Length(password) > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("password must be at most " + MAX_PASSWORD_BYTES + " bytes (UTF-8)");
        }
    }

    private static int utf8Length(char[] password) {
        return StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password)).remaining();
    }

    /**
     * The user's role when the password matches, else empty. One bcrypt either way (a dummy hash for an unknown user).
     *
     * @throws IllegalArgumentException when the password is longer than {@value #MAX_PASSWORD_BYTES} bytes (checked before any lookup)
     * @throws SQLException when PostgreSQL fails
     */
    public Optional<Role> authenticate(String username, String password) throws SQLException {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_PASSWORD_BYTES)
            throw new IllegalArgumentException("password must be at most " + MAX_PASSWORD_BYTES + " bytes (UTF-8)");
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
        boolean ok = BCrypt.verifyer()
                .verify(bytes, hash == null ? DUMMY_HASH : hash.getBytes(StandardCharsets.UTF_8))
                .verified;
        return ok && hash != null && role != null ? Optional.of(Role.of(role)) : Optional.empty();
    }
}
