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
 * a user's rows go when the user is removed (foreign key) or the password changes ({@link Users#passwd}); the PostgreSQL {@link LoginSessionStore}. Thread-safe.
 */
public final class LoginSessions implements LoginSessionStore {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;

    public LoginSessions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String open(String username, long expiresAtMillis) throws SQLException {
        String token = newToken();
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

    @Override
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

    @Override
    public void touch(String token, long nowMillis) throws SQLException {
        update("UPDATE login_sessions SET last_seen = ? WHERE token_hash = ?", new Timestamp(nowMillis), hash(token));
    }

    @Override
    public void close(String token) throws SQLException {
        update("DELETE FROM login_sessions WHERE token_hash = ?", hash(token));
    }

    @Override
    public int prune(long nowMillis) throws SQLException {
        return update("DELETE FROM login_sessions WHERE expires_at <= ?", new Timestamp(nowMillis));
    }

    @Override
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

    /** A new cookie token: 256 random bits, base64url. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Hex SHA-256 of a token: what a store keeps (never the token itself). */
    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
