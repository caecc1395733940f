package io.tickstock.app.web;

/** A request parameter that fails validation; answered 400 with {@code {"error":…, "parameter":…}}. */
public final class BadParameter extends RuntimeException {
    private final String parameter;

    public BadParameter(String parameter, String message) {
        super(message, null, false, false);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
