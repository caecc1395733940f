package io.tickstock.app.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A slow browser's indicator values and bars held back while its outbox is half full: the latest per series
 * ({@link StreamItem#key}), each superseded one counted; released as at most two frames (indicators, bars) in the
 * client's format once its outbox has drained. Thread-safe (the fan-out adds, a sender thread releases).
 */
final class HeldValues {
    private final Map<Object, StreamItem> indicators = new LinkedHashMap<>(), bars = new LinkedHashMap<>();

    /** Holds {@code items} of {@code stream} ({@code indicator} or {@code bar}); @return how many it superseded */
    synchronized int hold(String stream, List<? extends StreamItem> items) {
        Map<Object, StreamItem> held = stream.equals("indicator") ? indicators : bars;
        int superseded = 0;
        for (StreamItem i : items) if (held.put(i.key(), i) != null) superseded++;
        return superseded;
    }

    /**
     * The held values as frame texts (compact columns, or the contract's batch frames; one bar alone as
     * {@code streaming_bar}), and nothing held any more; empty when nothing was.
     *
     * @param nowMillis the frames' time, epoch ms
     */
    synchronized List<String> release(boolean compact, long nowMillis) {
        if (indicators.isEmpty() && bars.isEmpty()) return List.of();
        List<String> frames = new ArrayList<>(2);
        if (!indicators.isEmpty()) {
            List<StreamItem> held = new ArrayList<>(indicators.values());
            frames.add(
                    compact
                            ? CompactFrames.render("indicator", held, nowMillis)
                            : Frames.batch("streaming_indicators_batch", "indicators", held, nowMillis));
        }
        List<StreamItem> heldBars = new ArrayList<>(bars.values());
        if (compact && !heldBars.isEmpty()) frames.add(CompactFrames.render("bar", heldBars, nowMillis));
        else if (heldBars.size() == 1) frames.add(Frames.frame("streaming_bar", heldBars.getFirst()));
        else if (!heldBars.isEmpty()) frames.add(Frames.batch("streaming_bars_batch", "bars", heldBars, nowMillis));
        indicators.clear();
        bars.clear();
        return frames;
    }
}
