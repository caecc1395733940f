package io.tickstock.app.store;

import io.tickstock.contract.LogText;

/** A dashboard user's role ({@code users.role}): an {@code admin} may also start and stop sessions. */
public enum Role {
    ADMIN("admin"),
    USER("user");

    /** The text stored and shown. */
    public final String label;

    Role(String label) {
        this.label = label;
    }

    /**
     * The role stored as {@code label}.
     *
     * @throws IllegalArgumentException naming the choices when {@code label} is neither
     */
    public static Role of(String label) {
        for (Role r : values()) if (r.label.equals(label)) return r;
        throw new IllegalArgumentException("role must be admin or user, was " + LogText.quote(label));
    }
}
