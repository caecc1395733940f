package io.tickstock.app.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Users, login sessions and login attempts in this process's memory, with the same rules as {@link Users},
 * {@link LoginSessions} and {@link LoginAttempts}
 * (bcrypt hashes, SHA-256 of tokens kept, sessions ended by a password change or removal): for tests of the web layer
 * without PostgreSQL, checked by the same contract test kit as the PostgreSQL stores. Nothing survives the process.
 * Thread-safe (synchronized).
 */
public final class InMemoryLogins implements UserStore, LoginSessionStore, LoginAttemptStore {
    private record User(String hash, Role role) {}

    private record Stored(String username, long expiresAtMillis, long lastSeenMillis) {}

    private final Map<String, User> users = new HashMap<>();
    private final Map<String, Stored> sessions = new HashMap<>(); // by token hash
    private final Map<String, Window> attempts = new HashMap<>();

    private record Window(int count, long endsAtMillis) {}

    @Override
    public synchronized Optional<Role> authenticate(String username, String password) {
        User u = users.get(username);
        return Passwords.matches(password, u == null ? null : u.hash()) && u != null
                ? Optional.of(u.role())
                : Optional.empty();
    }

    @Override
    public synchronized void upsert(String username, char[] password, Role role) {
        Passwords.checkLength(password);
        users.put(username, new User(Passwords.hash(password), role));
        endSessions(username);
    }

    @Override
    public synchronized boolean add(String username, char[] password, Role role) {
        Passwords.checkNew(username, password);
        if (users.containsKey(username)) return false;
        users.put(username, new User(Passwords.hash(password), role));
        return true;
    }

    @Override
    public synchronized boolean passwd(String username, char[] password) {
        Passwords.checkNew(username, password);
        User u = users.get(username);
        if (u == null) return false;
        users.put(username, new User(Passwords.hash(password), u.role()));
        endSessions(username);
        return true;
    }

    @Override
    public synchronized boolean remove(String username) {
        endSessions(username);
        return users.remove(username) != null;
    }

    @Override
    public synchronized Map<String, Role> list() {
        Map<String, Role> out = new TreeMap<>();
        users.forEach((name, u) -> out.put(name, u.role()));
        return out;
    }

    @Override
    public synchronized String open(String username, long expiresAtMillis) {
        if (!users.containsKey(username)) throw new IllegalArgumentException("no such user: " + username);
        String token = LoginSessions.newToken();
        sessions.put(LoginSessions.hash(token), new Stored(username, expiresAtMillis, 0));
        return token;
    }

    @Override
    public synchronized Optional<Session> find(String token, long nowMillis) {
        Stored s = sessions.get(LoginSessions.hash(token));
        User u = s == null ? null : users.get(s.username());
        if (s == null || u == null || s.expiresAtMillis() <= nowMillis) return Optional.empty();
        return Optional.of(new Session(s.username(), u.role(), s.expiresAtMillis()));
    }

    @Override
    public synchronized void touch(String token, long nowMillis) {
        sessions.computeIfPresent(
                LoginSessions.hash(token), (k, s) -> new Stored(s.username(), s.expiresAtMillis(), nowMillis));
    }

    @Override
    public synchronized void close(String token) {
        sessions.remove(LoginSessions.hash(token));
    }

    @Override
    public synchronized int prune(long nowMillis) {
        int before = sessions.size();
        sessions.values().removeIf(s -> s.expiresAtMillis() <= nowMillis);
        return before - sessions.size();
    }

    @Override
    public synchronized long count(long nowMillis) {
        return sessions.values().stream()
                .filter(s -> s.expiresAtMillis() > nowMillis)
                .count();
    }

    @Override
    public synchronized long reserve(String key, int max, long windowMillis, long nowMillis) {
        Window w = attempts.get(key);
        if (w == null || w.endsAtMillis() <= nowMillis) w = new Window(1, nowMillis + windowMillis);
        else if (w.count() >= max) return Math.max(1, w.endsAtMillis() - nowMillis);
        else w = new Window(w.count() + 1, w.endsAtMillis());
        attempts.put(key, w);
        return 0;
    }

    @Override
    public synchronized int attempts(String key, long nowMillis) {
        Window w = attempts.get(key);
        return w == null || w.endsAtMillis() <= nowMillis ? 0 : w.count();
    }

    @Override
    public synchronized void release(String key) {
        attempts.computeIfPresent(key, (k, w) -> w.count() <= 1 ? null : new Window(w.count() - 1, w.endsAtMillis()));
    }

    @Override
    public synchronized int pruneAttempts(long nowMillis) {
        int before = attempts.size();
        attempts.values().removeIf(w -> w.endsAtMillis() <= nowMillis);
        return before - attempts.size();
    }

    @Override
    public synchronized long trackedKeys(long nowMillis) {
        return attempts.values().stream()
                .filter(w -> w.endsAtMillis() > nowMillis)
                .count();
    }

    private void endSessions(String username) {
        sessions.values().removeIf(s -> s.username().equals(username));
    }
}
