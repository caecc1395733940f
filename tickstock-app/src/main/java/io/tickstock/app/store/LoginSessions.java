package io.tickstock.app.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code login_sessions} table: one row per signed-in browser, keyed by the SHA-256 of its cookie token (the
 * token itself is never stored), with its user, expiry and last use. Shared by every app instance on the database;
 * a user's rows go when the user is removed (foreign key) or the password changes ({@link Users#passwd}). Thread-safe.
 */
public final class LoginSessions {
    /** A live session: its user, the user's current role, and its expiry (epoch ms). */
    public record Session(String username, Role role, long expiresAtMillis) {}

    private final DataSource dataSource;
    private final SecureRandom random = new SecureRandom();

    public LoginSessions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Opens a session; @return the cookie token (256 random bits, base64url) @throws SQLException when PostgreSQL fails */
    public String open(String username, long expiresAtMillis) throws SQLException {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO login_sessions (token_hash, username, expires_at) VALUES (?, ?, ?)")) {
            ps.setString(1, hash(token));
            ps.setString(2, username);
            ps.setTimestamp(3, new Timestamp(expiresAtMillis));
            ps.executeUpdate();
        }
        return token;
    }

    /**
     * The live session of a token: present when the row exists and has not expired at {@code nowMillis}.
     *
     * @throws SQLException when PostgreSQL fails
     */
    public Optional<Session> find(String token, long nowMillis) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT s.username, u.role, s.expires_at FROM login_sessions s JOIN users u USING (username) "
                                + "WHERE s.token_hash = ? AND s.expires_at > ?")) {
            ps.setString(1, hash(token));
            ps.setTimestamp(2, new Timestamp(nowMillis));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Session(
                                rs.getString(1),
                                Role.of(rs.getString(2)),
                                rs.getTimestamp(3).getTime()))
                        : Optional.empty();
            }
        }
    }

    /** Records that the session was used at {@code nowMillis}. @throws SQLException when PostgreSQL fails */
    public void touch(String token, long nowMillis) throws SQLException {
        update("UPDATE login_sessions SET last_seen = ? WHERE token_hash = ?", new Timestamp(nowMillis), hash(token));
    }

    /** Ends a session (logout). @throws SQLException when PostgreSQL fails */
    public void close(String token) throws SQLException {
        update("DELETE FROM login_sessions WHERE token_hash = ?", hash(token));
    }

    /** Deletes expired rows; @return how many @throws SQLException when PostgreSQL fails */
    public int prune(long nowMillis) throws SQLException {
        return update("DELETE FROM login_sessions WHERE expires_at <= ?", new Timestamp(nowMillis));
    }

    /** Sessions open now. @throws SQLException when PostgreSQL fails */
    public long count(long nowMillis) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM login_sessions WHERE expires_at > ?")) {
            ps.setTimestamp(1, new Timestamp(nowMillis));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private int update(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            return ps.executeUpdate();
        }
    }

    /** Hex SHA-256 of a token: what the table keeps. */
    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
