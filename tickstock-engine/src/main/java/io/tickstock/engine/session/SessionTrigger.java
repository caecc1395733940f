package io.tickstock.engine.session;

/**
 * How a session started (the contract's {@code trigger_type}): {@code scheduled} by the NYSE calendar, {@code manual}
 * by an operator (or {@code --session now}), {@code replay} for a replay of recorded trades.
 */
public enum SessionTrigger {
    SCHEDULED("scheduled"),
    MANUAL("manual"),
    REPLAY("replay");

    /** The contract's text. */
    public final String label;

    SessionTrigger(String label) {
        this.label = label;
    }

    /**
     * The trigger stored as {@code label}.
     *
     * @throws IllegalArgumentException when {@code label} names no trigger
     */
    public static SessionTrigger of(String label) {
        for (SessionTrigger t : values()) if (t.label.equals(label)) return t;
        throw new IllegalArgumentException("trigger_type must be scheduled, manual or replay, was " + label);
    }
}
