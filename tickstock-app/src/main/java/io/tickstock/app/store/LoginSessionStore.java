package io.tickstock.app.store;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Signed-in browsers: one session per cookie token, with its user, expiry (epoch ms) and last use. A session ends at
 * logout, at expiry, and when its user's password changes or the user is removed ({@link UserStore}).
 * Implementations: {@link LoginSessions} (PostgreSQL: valid on every app instance and across restarts) and
 * {@link InMemoryLogins}; one contract test kit runs against both. Thread-safe.
 */
public interface LoginSessionStore {
    /** A live session: its user, the user's current role, and its expiry (epoch ms). */
    record Session(String username, Role role, long expiresAtMillis) {}

    /**
     * Opens a session; returns its cookie token (256 random bits, base64url).
     *
     * @throws SQLException when the store fails
     */
    String open(String username, long expiresAtMillis) throws SQLException;

    /**
     * The live session of a token: present when it exists and has not expired at {@code nowMillis}.
     *
     * @throws SQLException when the store fails
     */
    Optional<Session> find(String token, long nowMillis) throws SQLException;

    /**
     * Records that the session was used at {@code nowMillis}.
     *
     * @throws SQLException when the store fails
     */
    void touch(String token, long nowMillis) throws SQLException;

    /**
     * Ends a session (logout).
     *
     * @throws SQLException when the store fails
     */
    void close(String token) throws SQLException;

    /**
     * Deletes the sessions expired at {@code nowMillis}; returns how many.
     *
     * @throws SQLException when the store fails
     */
    int prune(long nowMillis) throws SQLException;

    /**
     * Sessions open at {@code nowMillis}.
     *
     * @throws SQLException when the store fails
     */
    long count(long nowMillis) throws SQLException;
}
