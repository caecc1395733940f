package io.tickstock.app.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The {@code login_attempts} table: the login limiter's counts, shared by every app instance on the database, so
 * an address or a name gets the same number of tries however many instances a load balancer spreads it over. A
 * reservation is one {@code INSERT … ON CONFLICT DO UPDATE … WHERE} statement: PostgreSQL locks the key's row, so
 * parallel attempts on any instances cannot both take its last place. The PostgreSQL {@link LoginAttemptStore}.
 * Thread-safe.
 */
public final class LoginAttempts implements LoginAttemptStore {
    private static final String RESERVE = "INSERT INTO login_attempts AS a (attempt_key, attempts, expires_at_ms) "
            + "VALUES (?, 1, ?) ON CONFLICT (attempt_key) DO UPDATE SET "
            + "attempts = CASE WHEN a.expires_at_ms <= ? THEN 1 ELSE a.attempts + 1 END, "
            + "expires_at_ms = CASE WHEN a.expires_at_ms <= ? THEN EXCLUDED.expires_at_ms ELSE a.expires_at_ms END "
            + "WHERE a.expires_at_ms <= ? OR a.attempts < ? RETURNING attempts";

    private final DataSource dataSource;

    public LoginAttempts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public long reserve(String key, int max, long windowMillis, long nowMillis) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(RESERVE)) {
            ps.setString(1, key);
            ps.setLong(2, nowMillis + windowMillis);
            ps.setLong(3, nowMillis);
            ps.setLong(4, nowMillis);
            ps.setLong(5, nowMillis);
            ps.setInt(6, max);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) return 0;
            }
            try (PreparedStatement end =
                    c.prepareStatement("SELECT expires_at_ms FROM login_attempts WHERE attempt_key = ?")) {
                end.setString(1, key);
                try (ResultSet rs = end.executeQuery()) {
                    return rs.next() ? Math.max(1, rs.getLong(1) - nowMillis) : 1;
                }
            }
        }
    }

    @Override
    public int attempts(String key, long nowMillis) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT attempts FROM login_attempts WHERE attempt_key = ? AND expires_at_ms > ?")) {
            ps.setString(1, key);
            ps.setLong(2, nowMillis);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    @Override
    public void release(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement dec = c.prepareStatement(
                        "UPDATE login_attempts SET attempts = attempts - 1 WHERE attempt_key = ? RETURNING attempts")) {
            dec.setString(1, key);
            try (ResultSet rs = dec.executeQuery()) {
                if (!rs.next() || rs.getInt(1) > 0) return;
            }
            try (PreparedStatement del =
                    c.prepareStatement("DELETE FROM login_attempts WHERE attempt_key = ? AND attempts <= 0")) {
                del.setString(1, key); // a parallel attempt that counted meanwhile keeps the row
                del.executeUpdate();
            }
        }
    }

    @Override
    public int pruneAttempts(long nowMillis) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM login_attempts WHERE expires_at_ms <= ?")) {
            ps.setLong(1, nowMillis);
            return ps.executeUpdate();
        }
    }

    @Override
    public long trackedKeys(long nowMillis) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT count(*) FROM login_attempts WHERE expires_at_ms > ?")) {
            ps.setLong(1, nowMillis);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
