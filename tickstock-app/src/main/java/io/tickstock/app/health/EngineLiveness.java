package io.tickstock.app.health;

import io.tickstock.contract.IsoTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Whether the engine is alive, read from the producer heartbeat key ({@code tickstock:producer:heartbeat}, epoch
 * seconds, refreshed every interval — 15 s by default — with a TTL of three intervals: the integration contract "Liveness").
 * {@code none} until a heartbeat is first seen; {@code alive} while the key exists with a TTL (whatever the engine's
 * interval), or, for a producer that sets no TTL, while its time is at most {@code lostAfterMillis} old; {@code lost}
 * when the key has expired or (without a TTL) aged past that (an engine killed with SIGKILL, a lost machine);
 * {@code alive} again when it returns. Pure: the caller reads the key and passes the time, so tests never sleep.
 * Thread-safe.
 */
public final class EngineLiveness {
    /** Default: three of the engine's 15-s heartbeat intervals. */
    public static final long DEFAULT_LOST_AFTER_MILLIS = 45_000;

    public enum Status {
        NONE,
        ALIVE,
        LOST
    }

    /** A change of status, with the last heartbeat (epoch ms, -1 when none was ever seen). */
    public record Transition(Status from, Status to, long lastHeartbeatMillis) {}

    private final long lostAfterMillis;
    private Status status = Status.NONE;
    private long lastHeartbeatMillis = -1, checkedAtMillis = -1;

    public EngineLiveness(long lostAfterMillis) {
        this.lostAfterMillis = lostAfterMillis;
    }

    /** {@link #update(String, long, long)} of a key without a TTL. */
    public @Nullable Transition update(@Nullable String heartbeat, long nowMillis) {
        return update(heartbeat, -1, nowMillis);
    }

    /**
     * Takes one reading of the heartbeat key.
     *
     * @param heartbeat the key's value (epoch seconds as text), or null when it does not exist
     * @param ttlMillis the key's remaining time to live (Redis PTTL), or a negative number when it has none
     * @param nowMillis wall clock, epoch ms
     * @return the change of status, or null when it stays
     */
    public synchronized @Nullable Transition update(@Nullable String heartbeat, long ttlMillis, long nowMillis) {
        checkedAtMillis = nowMillis;
        long beat = parse(heartbeat);
        if (beat >= 0) lastHeartbeatMillis = Math.max(lastHeartbeatMillis, beat);
        Status next;
        if (beat >= 0 && (ttlMillis > 0 || nowMillis - beat <= lostAfterMillis)) next = Status.ALIVE;
        else next = status == Status.NONE && beat < 0 ? Status.NONE : Status.LOST;
        if (next == status) return null;
        Transition t = new Transition(status, next, lastHeartbeatMillis);
        status = next;
        return t;
    }

    private static long parse(@Nullable String heartbeat) {
        if (heartbeat == null) return -1;
        try {
            double seconds = Double.parseDouble(heartbeat.trim());
            return seconds > 0 && seconds < 1e11 ? (long) (seconds * 1000) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public synchronized Status status() {
        return status;
    }

    /** {@code status}, {@code last_heartbeat} (ISO, or null) and {@code heartbeat_age_seconds} (or null): the status API's {@code engine}. */
    public synchronized Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status.name().toLowerCase(Locale.ROOT));
        m.put("last_heartbeat", lastHeartbeatMillis < 0 ? null : IsoTime.format(lastHeartbeatMillis));
        m.put(
                "heartbeat_age_seconds",
                lastHeartbeatMillis < 0 || checkedAtMillis < 0
                        ? null
                        : Math.round((checkedAtMillis - lastHeartbeatMillis) / 100.0) / 10.0);
        m.put("lost_after_seconds", lostAfterMillis / 1000.0);
        return m;
    }
}
