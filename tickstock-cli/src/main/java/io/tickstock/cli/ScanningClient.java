package io.tickstock.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * A browser stand-in for load measurements ({@code tickstock bench e2e}, LoadTest): a WebSocket client of
 * {@code /streaming/ws} that scans frames instead of parsing them (dozens of them share two cores with the system
 * under test). Each {@code "published_at":"…"} is one item and its latency (publication → receipt, HdrHistogram);
 * an item in a {@code streaming_pattern…} frame is a pattern, one in an {@code indicator_alert} frame an alert. Items
 * published before {@link #startMeasuring} are not counted. Callbacks run on the JDK client's thread, one at a time.
 */
final class ScanningClient implements WebSocket.Listener {
    private static final String AT = "\"published_at\":\"";
    final Recorder latency = new Recorder(3_600_000, 3);
    final AtomicLong items = new AtomicLong(), patterns = new AtomicLong(), alerts = new AtomicLong(), bytes = new AtomicLong();
    private volatile long measureFrom = Long.MAX_VALUE;
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    /** Connects with the session cookie; @throws java.util.concurrent.CompletionException when the upgrade fails */
    static ScanningClient open(int port, String cookie) {
        ScanningClient c = new ScanningClient();
        c.socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Cookie", cookie)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/streaming/ws"), c).join();
        return c;
    }

    /** Zeroes the counts and latencies and counts items published from {@code fromMillis} (epoch ms) on. */
    void startMeasuring(long fromMillis) {
        items.set(0);
        patterns.set(0);
        alerts.set(0);
        bytes.set(0);
        latency.reset();
        measureFrom = fromMillis;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        System.err.println("scanning client failed: " + error);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long now = System.currentTimeMillis();
            if (measureFrom <= now) bytes.addAndGet(partial.length());
            scan(partial, now);
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    private void scan(StringBuilder f, long now) {
        boolean patternFrame = f.indexOf("{\"event\":\"streaming_pattern") == 0, alertFrame = f.indexOf("{\"event\":\"indicator_alert\"") == 0;
        for (int i = f.indexOf(AT); i >= 0; i = f.indexOf(AT, i + 1)) {
            long at = isoMillis(f, i + AT.length());
            if (at < measureFrom) continue;
            items.incrementAndGet();
            latency.recordValue(Math.max(0, Math.min(3_599_999, now - at)));
            if (patternFrame) patterns.incrementAndGet();
            if (alertFrame) alerts.incrementAndGet();
        }
    }

    /** Parses {@code yyyy-MM-ddTHH:mm:ss.SSSZ} (UTC, as the engine writes it) at {@code at}. */
    static long isoMillis(CharSequence s, int at) {
        long days = java.time.LocalDate.of(num(s, at, 4), num(s, at + 5, 2), num(s, at + 8, 2)).toEpochDay();
        int h = num(s, at + 11, 2), mi = num(s, at + 14, 2), sec = num(s, at + 17, 2);
        int ms = s.charAt(at + 19) == '.' ? num(s, at + 20, 3) : 0;
        return (((days * 24 + h) * 60 + mi) * 60 + sec) * 1000 + ms;
    }

    private static int num(CharSequence s, int at, int len) {
        int v = 0;
        for (int i = 0; i < len; i++) v = v * 10 + (s.charAt(at + i) - '0');
        return v;
    }
}
