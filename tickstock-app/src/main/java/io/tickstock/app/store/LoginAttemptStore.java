package io.tickstock.app.store;

import java.sql.SQLException;

/**
 * Login attempts counted per key ({@code address:<ip>} or {@code user:<name>}) in fixed windows, for the login limiter.
 * Implementations: {@link LoginAttempts} (PostgreSQL: the limits hold across every app instance on the database) and
 * {@link InMemoryLogins}; one contract test kit runs the limiter against both. Times are epoch ms from the caller's
 * clock. Thread-safe; {@link #reserve} is atomic per key, so parallel attempts cannot both take the last place.
 */
public interface LoginAttemptStore {
    /**
     * Counts one attempt against {@code key}, opening a window of {@code windowMillis} when none is open.
     *
     * @return 0 when counted, else the milliseconds until the key's window ends (nothing counted: it holds
     *     {@code max} attempts already)
     * @throws SQLException when the store fails
     */
    long reserve(String key, int max, long windowMillis, long nowMillis) throws SQLException;

    /**
     * Attempts counted against {@code key} in its open window (0 when none is open).
     *
     * @throws SQLException when the store fails
     */
    int attempts(String key, long nowMillis) throws SQLException;

    /**
     * Takes back one attempt of {@code key} (a successful login); the key is forgotten at 0.
     *
     * @throws SQLException when the store fails
     */
    void release(String key) throws SQLException;

    /**
     * Forgets the keys whose window ended at {@code nowMillis}; returns how many.
     *
     * @throws SQLException when the store fails
     */
    int pruneAttempts(long nowMillis) throws SQLException;

    /**
     * Keys with an open window at {@code nowMillis}.
     *
     * @throws SQLException when the store fails
     */
    long trackedKeys(long nowMillis) throws SQLException;
}
