package io.tickstock.engine.health;

import org.jspecify.annotations.Nullable;

/**
 * Whether the engine's feed thread is alive and moving: while a feed runs (replay, Massive, trade log) its loop beats
 * at least once a second (while it waits for trades too); a feed that ended failed (a shard's analytics threw, an
 * {@link Error} among them) marks the engine failed until the next feed starts.
 * The {@link Heartbeat} refreshes the liveness keys only while {@link #stalled} finds nothing wrong, so a hung or
 * failed engine is shown lost by every consumer within three heartbeat intervals, like a dead one. Idle (no feed
 * running) counts as alive. The feed thread writes; the heartbeat thread reads.
 */
public final class FeedProgress {
    private volatile boolean running;
    private volatile long beatMillis;
    private volatile @Nullable String failure;

    /** A feed starts at {@code nowMillis} (epoch ms); a failure of an earlier one is forgotten. */
    public void start(long nowMillis) {
        failure = null;
        beatMillis = nowMillis;
        running = true;
    }

    /** A feed's run. */
    public interface Feed<T, E extends Exception> {
        @Nullable
        T run() throws E;
    }

    /**
     * Runs {@code feed} (the feed thread), started at {@code nowMillis} (epoch ms) and stopped when it returns; an
     * {@link IllegalStateException} it throws (a shard's failure) is recorded as the reason it failed, then rethrown.
     *
     * @return what the feed returns
     */
    public <T, E extends Exception> @Nullable T during(long nowMillis, Feed<T, E> feed) throws E {
        start(nowMillis);
        String failed = null;
        try {
            return feed.run();
        } catch (IllegalStateException e) {
            failed = e.getMessage();
            throw e;
        } finally {
            stop(failed);
        }
    }

    /** The feed's loop went round at {@code nowMillis} (epoch ms). */
    public void beat(long nowMillis) {
        beatMillis = nowMillis;
    }

    /** The feed ended; with {@code failure} (the reason) when its analytics failed, else null. */
    public void stop(@Nullable String failure) {
        this.failure = failure;
        running = false;
    }

    /**
     * Why the engine is not alive at {@code nowMillis}, or null when it is: {@code the feed failed: …}, or the feed
     * silent for more than {@code maxSilenceMillis}.
     */
    public @Nullable String stalled(long nowMillis, long maxSilenceMillis) {
        String failed = failure;
        if (failed != null) return "the feed failed: " + failed;
        long silent = nowMillis - beatMillis;
        if (running && silent > maxSilenceMillis) return "the feed thread has not moved for " + silent / 1000 + " s";
        return null;
    }
}
