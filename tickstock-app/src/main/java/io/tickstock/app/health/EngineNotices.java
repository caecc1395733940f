package io.tickstock.app.health;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** The {@code engine_status} object after {@code t}, at {@code nowMillis}. */
    public static ObjectNode status(EngineLiveness.Transition t, long nowMillis) {
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("status", t.to().name().toLowerCase(Locale.ROOT));
        status.put("last_heartbeat", t.lastHeartbeatMillis() < 0 ? null : IsoTime.format(t.lastHeartbeatMillis()));
        status.put("timestamp", IsoTime.format(nowMillis));
        return status;
    }

    /** The critical alert of a lost engine or the info alert of its return; null for any other change. */
    public static @Nullable ObjectNode alert(EngineLiveness.Transition t, long nowMillis) {
        boolean lost = t.to() == EngineLiveness.Status.LOST;
        boolean back = t.to() == EngineLiveness.Status.ALIVE && t.from() == EngineLiveness.Status.LOST;
        if (!lost && !back) return null;
        String since =
                t.lastHeartbeatMillis() < 0 ? "" : " (last heartbeat " + IsoTime.format(t.lastHeartbeatMillis()) + ")";
        String message = lost
                ? "Engine lost: its heartbeat expired" + since + "; the session and health shown may be stale"
                : "Engine back: heartbeat received again" + since;
        ObjectNode alert = JsonNodeFactory.instance.objectNode();
        alert.put("severity", lost ? "critical" : "info");
        alert.put("message", message);
        alert.put("timestamp", IsoTime.format(nowMillis));
        alert.put("component", "engine");
        alert.put(
                "action_required",
                lost
                        ? "Check that 'tickstock engine' runs and reaches Redis; restarted, it resumes the session"
                        : null);
        alert.put("recovery", back ? message : null);
        alert.put("published_at", IsoTime.format(nowMillis));
        return alert;
    }
}
