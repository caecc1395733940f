package io.tickstock.app.store;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * Dashboard users: names, bcrypt password hashes ({@link Passwords}) and roles. Changing a user's password or
 * removing the user ends the user's open login sessions. Implementations: {@link Users} (PostgreSQL, shared by every
 * app instance) and {@link InMemoryLogins}; one contract test kit runs against both. Thread-safe.
 */
public interface UserStore {
    /**
     * The user's role when the password matches, else empty. One bcrypt either way.
     *
     * @throws IllegalArgumentException when the password is longer than {@value Passwords#MAX_BYTES} bytes
     * @throws SQLException when the store fails
     */
    Optional<Role> authenticate(String username, String password) throws SQLException;

    /**
     * Creates the user or replaces its password and role; its open sessions end.
     *
     * @throws IllegalArgumentException when the password is longer than {@value Passwords#MAX_BYTES} bytes
     * @throws SQLException when the store fails
     */
    void upsert(String username, char[] password, Role role) throws SQLException;

    /**
     * Creates a user; returns false when the user exists already.
     *
     * @throws IllegalArgumentException when the name or the password breaks {@link Passwords}' rules
     * @throws SQLException when the store fails
     */
    boolean add(String username, char[] password, Role role) throws SQLException;

    /**
     * Replaces a user's password and ends the user's open sessions; returns false when there is no such user.
     *
     * @throws IllegalArgumentException when the name or the password breaks {@link Passwords}' rules
     * @throws SQLException when the store fails
     */
    boolean passwd(String username, char[] password) throws SQLException;

    /**
     * Deletes a user and its open sessions; returns false when there is no such user.
     *
     * @throws SQLException when the store fails
     */
    boolean remove(String username) throws SQLException;

    /**
     * User names and roles, by name.
     *
     * @throws SQLException when the store fails
     */
    Map<String, Role> list() throws SQLException;
}
