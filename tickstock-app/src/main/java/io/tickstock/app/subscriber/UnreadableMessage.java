package io.tickstock.app.subscriber;

/** A message the app cannot read; {@link #getMessage()} is the short reason it is counted under. */
public final class UnreadableMessage extends Exception {
    public UnreadableMessage(String reason) {
        super(reason, null, false, false);
    }
}
