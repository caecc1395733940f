package io.tickstock.app.health;

import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What browsers are told when the engine's liveness changes ({@link EngineLiveness.Transition}): the
 * {@code engine_status} object ({@code status} none|alive|lost, {@code last_heartbeat}, {@code timestamp}) and, when
 * the engine is lost or comes back, a {@code critical_alert} in the contract's shape (component {@code engine}; the
 * return as {@code info} with {@code recovery}). Pure: times are epoch ms given by the caller, written as ISO UTC.
 */
public final class EngineNotices {
    private EngineNotices() {}

    /**
     * The {@code engine_status} object.
     *
     * @param status        none, alive or lost
     * @param lastHeartbeat the last heartbeat seen, ISO-8601 UTC, or null when none was
     * @param timestamp     when the liveness changed, ISO-8601 UTC
     */
    public record Status(String status, @Nullable String lastHeartbeat, String timestamp) {}

    /** The {@code engine_status} object after {@code t}, at {@code nowMillis}. */
    public static Status status(EngineLiveness.Transition t, long nowMillis) {
        return new Status(
                t.to().name().toLowerCase(Locale.ROOT),
                t.lastHeartbeatMillis() < 0 ? null : IsoTime.format(t.lastHeartbeatMillis()),
                IsoTime.format(nowMillis));
    }

    /** The critical alert of a lost engine or the info alert of its return; null for any other change. */
    public static Events.@Nullable CriticalAlert alert(EngineLiveness.Transition t, long nowMillis) {
        boolean lost = t.to() == EngineLiveness.Status.LOST;
        boolean back = t.to() == EngineLiveness.Status.ALIVE && t.from() == EngineLiveness.Status.LOST;
        if (!lost && !back) return null;
        String since =
                t.lastHeartbeatMillis() < 0 ? "" : " (last heartbeat " + IsoTime.format(t.lastHeartbeatMillis()) + ")";
        String message = lost
                ? "Engine lost: its heartbeat expired" + since + "; the session and health shown may be stale"
                : "Engine back: heartbeat received again" + since;
        return new Events.CriticalAlert(
                lost ? "critical" : "info",
                message,
                IsoTime.format(nowMillis),
                "engine",
                lost ? "Check that 'tickstock engine' runs and reaches Redis; restarted, it resumes the session" : null,
                back ? message : null);
    }
}
