package io.tickstock.engine.session;

/**
 * How a session ended (the contract's {@code final_status}): {@code completed} at the window's or the replay's end,
 * {@code stopped} by an operator, {@code failed} when its feed failed or an engine left it open.
 */
public enum FinalStatus {
    COMPLETED("completed"),
    STOPPED("stopped"),
    FAILED("failed");

    /** The contract's text. */
    public final String label;

    FinalStatus(String label) {
        this.label = label;
    }
}
