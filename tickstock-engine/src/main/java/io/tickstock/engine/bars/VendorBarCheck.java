package io.tickstock.engine.bars;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Compares our minute bars with a vendor's for the same symbol and minute (Massive's {@code AM} aggregates),
 * whichever arrives first: counts minutes compared, with equal volume and with equal OHLC. Entries without
 * a partner are forgotten after 15 minutes. Single-threaded: the shard thread.
 */
public final class VendorBarCheck {
    private static final long KEEP_MILLIS = 15 * Bar.MINUTE;
    private final Map<String, Bar> ours = new HashMap<>(), theirs = new HashMap<>();
    private long compared, sameVolume, sameOhlc, newest;

    public void onOurs(Bar bar) {
        match(bar, ours, theirs, true);
    }

    public void onTheirs(Bar bar) {
        match(bar, theirs, ours, false);
    }

    private void match(Bar bar, Map<String, Bar> mine, Map<String, Bar> other, boolean isOurs) {
        String key = bar.symbol() + "@" + bar.startMillis();
        Bar partner = other.remove(key);
        if (partner == null) {
            mine.put(key, bar);
        } else {
            Bar a = isOurs ? bar : partner, b = isOurs ? partner : bar;
            compared++;
            if (a.volume() == b.volume()) sameVolume++;
            if (a.open() == b.open() && a.high() == b.high() && a.low() == b.low() && a.close() == b.close())
                sameOhlc++;
        }
        if (bar.startMillis() > newest) {
            newest = bar.startMillis();
            expire(ours);
            expire(theirs);
        }
    }

    private void expire(Map<String, Bar> map) {
        for (Iterator<Bar> it = map.values().iterator(); it.hasNext(); ) {
            if (newest - it.next().startMillis() > KEEP_MILLIS) it.remove();
        }
    }

    public long compared() {
        return compared;
    }

    public long sameVolume() {
        return sameVolume;
    }

    public long sameOhlc() {
        return sameOhlc;
    }

    /** e.g. {@code 388 minutes compared: volume equal 97.9%, OHLC equal 95.1%}. */
    public String summary() {
        if (compared == 0) return "no minutes compared";
        return String.format(
                "%d minutes compared: volume equal %.1f%%, OHLC equal %.1f%%",
                compared, 100.0 * sameVolume / compared, 100.0 * sameOhlc / compared);
    }
}
