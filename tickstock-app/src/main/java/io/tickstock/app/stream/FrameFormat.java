package io.tickstock.app.stream;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The browser frames a client asked for in its subscribe message ({@code "format"}). {@code json}: the contract's frames,
 * one {@code indicator_alert} frame per alert. {@code compact-1}: indicator values and bars as {@link CompactFrames}
 * columns. {@code compact-2} (the dashboard's): compact-1, and the indicator alerts that arrive together (one bar close)
 * in one {@code indicator_alerts_batch} frame ({@code {"alerts":[…],"count":n,"timestamp":ISO}}, each alert as in
 * {@code indicator_alert}); an alert frame per alert was half of a busy dashboard's frames.
 */
public enum FrameFormat {
    JSON("json"),
    COMPACT_1("compact-1"),
    COMPACT_2("compact-2");

    private final String wire;

    FrameFormat(String wire) {
        this.wire = wire;
    }

    /** The name a subscribe message gives. */
    public String wire() {
        return wire;
    }

    /** Whether indicator values and bars come as columns. */
    public boolean compact() {
        return this != JSON;
    }

    /** Whether the items of {@code stream} that go out together come in one frame rather than one frame each. */
    public boolean batches(String stream) {
        return this == COMPACT_2 && stream.equals("alert");
    }

    /** The format named {@code wire}, or null when there is none of that name. */
    public static @Nullable FrameFormat of(String wire) {
        for (FrameFormat f : values()) if (f.wire.equals(wire)) return f;
        return null;
    }

    /** Every format's name, for error messages. */
    public static List<String> names() {
        return Arrays.stream(values()).map(FrameFormat::wire).toList();
    }
}
