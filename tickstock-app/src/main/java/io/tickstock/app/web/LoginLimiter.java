package io.tickstock.app.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Limits password guessing, per client address ({@value #PER_ADDRESS} attempts a minute) and per user name
 * ({@value #PER_USER} an hour, whatever the addresses). An attempt is counted <em>before</em> its bcrypt check, in one
 * atomic step per key, so parallel requests cannot each get a check; a successful login takes back only its own
 * attempt, so one account's success never clears the failures held against another, and what stays counted are
 * failures. A name's limit never refuses an address without failures in its own window: others' guesses cannot lock
 * the owner out (each fresh address still gets one try at a locked name, then its failure counts against it). Windows are fixed and expire;
 * expired entries are pruned every minute, and beyond {@value #MAX_KEYS} tracked names new names are not tracked
 * (the address limit still holds). Time from the injected clock. Thread-safe.
 */
public final class LoginLimiter {
    public static final int PER_ADDRESS = 10, PER_USER = 30, MAX_KEYS = 100_000;
    public static final long ADDRESS_WINDOW_MILLIS = 60_000, USER_WINDOW_MILLIS = 3_600_000;

    private record Window(long start, int count) {}

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private volatile long lastPrune;

    /** @param clock wall clock, epoch ms */
    public LoginLimiter(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Counts a login attempt of {@code user} from {@code address}, before its password is checked.
     *
     * @return 0 when it may go ahead, else the seconds until the address or the name may try again (nothing counted)
     */
    public long tryAttempt(String address, String user) {
        long now = clock.getAsLong();
        prune(now);
        String a = "address:" + address, u = "user:" + user;
        long wait = reserve(a, PER_ADDRESS, ADDRESS_WINDOW_MILLIS, now);
        if (wait > 0) return wait;
        Window own = windows.get(a);
        boolean clean = own == null || own.count <= 1; // this attempt is the address's only one in its window
        if (windows.size() >= MAX_KEYS && !windows.containsKey(u)) return 0;
        wait = reserve(u, PER_USER, USER_WINDOW_MILLIS, now);
        if (wait > 0 && clean) return 0; // the name is locked by others' failures, not this address's
        if (wait > 0) release(a);
        return wait;
    }

    /** The attempt succeeded: it is not held against the address or the name. */
    public void succeeded(String address, String user) {
        release("address:" + address);
        release("user:" + user);
    }

    /** Keys tracked now (addresses and names). */
    public int tracked() {
        return windows.size();
    }

    private long reserve(String key, int max, long windowMillis, long now) {
        long[] wait = {0};
        windows.compute(key, (k, w) -> {
            if (w == null || now - w.start >= windowMillis) return new Window(now, 1);
            if (w.count >= max) {
                wait[0] = Math.max(1, (w.start + windowMillis - now + 999) / 1000);
                return w;
            }
            return new Window(w.start, w.count + 1);
        });
        return wait[0];
    }

    private void release(String key) {
        windows.computeIfPresent(key, (k, w) -> w.count <= 1 ? null : new Window(w.start, w.count - 1));
    }

    private void prune(long now) {
        if (now - lastPrune < 60_000) return;
        lastPrune = now;
        windows.entrySet()
                .removeIf(e -> now - e.getValue().start
                        >= (e.getKey().startsWith("user:") ? USER_WINDOW_MILLIS : ADDRESS_WINDOW_MILLIS));
    }
}
