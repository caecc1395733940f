package io.tickstock.app.web;

import io.tickstock.app.store.LoginAttemptStore;
import java.sql.SQLException;
import java.util.function.LongSupplier;

/**
 * Limits password guessing, per client address ({@value #PER_ADDRESS} attempts a minute) and per user name
 * ({@value #PER_USER} an hour, whatever the addresses). An attempt is counted <em>before</em> its bcrypt check, in one
 * atomic step per key, so parallel requests cannot each get a check; a successful login takes back only its own
 * attempt, so one account's success never clears the failures held against another, and what stays counted are
 * failures. A name's limit never refuses an address without failures in its own window: others' guesses cannot lock
 * the owner out (each fresh address still gets one try at a locked name, then its failure counts against it). Windows
 * are fixed; the counts live in a {@link LoginAttemptStore} (PostgreSQL in the app, so every app instance enforces the
 * same limits), whose expired keys are pruned at most once a minute. User names reach it at most
 * {@value Auth#MAX_USER_CHARS} characters long. Time from the injected clock. Thread-safe.
 */
public final class LoginLimiter {
    public static final int PER_ADDRESS = 10, PER_USER = 30;
    public static final long ADDRESS_WINDOW_MILLIS = 60_000, USER_WINDOW_MILLIS = 3_600_000;

    private final LoginAttemptStore store;
    private final LongSupplier clock;
    private volatile long lastPrune;

    /** @param clock wall clock, epoch ms */
    public LoginLimiter(LoginAttemptStore store, LongSupplier clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Counts a login attempt of {@code user} from {@code address}, before its password is checked.
     *
     * @return 0 when it may go ahead, else the seconds until the address or the name may try again (nothing counted)
     * @throws SQLException when the store fails
     */
    public long tryAttempt(String address, String user) throws SQLException {
        long now = clock.getAsLong();
        prune(now);
        String a = "address:" + address, u = "user:" + user;
        long wait = store.reserve(a, PER_ADDRESS, ADDRESS_WINDOW_MILLIS, now);
        if (wait > 0) return seconds(wait);
        boolean clean = store.attempts(a, now) <= 1; // this attempt is the address's only one in its window
        wait = store.reserve(u, PER_USER, USER_WINDOW_MILLIS, now);
        if (wait > 0 && clean) return 0; // the name is locked by others' failures, not this address's
        if (wait > 0) store.release(a);
        return seconds(wait);
    }

    /**
     * The attempt succeeded: it is not held against the address or the name.
     *
     * @throws SQLException when the store fails
     */
    public void succeeded(String address, String user) throws SQLException {
        store.release("address:" + address);
        store.release("user:" + user);
    }

    /**
     * Keys (addresses and names) with an open window now.
     *
     * @throws SQLException when the store fails
     */
    public long tracked() throws SQLException {
        return store.trackedKeys(clock.getAsLong());
    }

    private static long seconds(long millis) {
        return millis <= 0 ? 0 : Math.max(1, (millis + 999) / 1000);
    }

    private void prune(long now) throws SQLException {
        if (now - lastPrune < 60_000) return;
        lastPrune = now;
        store.pruneAttempts(now);
    }
}
