package io.tickstock.testkit;

import io.tickstock.contract.IsoTime;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.SingleWriterRecorder;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.client.CoreClientUpgradeRequest;
import org.eclipse.jetty.websocket.core.client.WebSocketCoreClient;
import org.jspecify.annotations.Nullable;

/**
 * A browser stand-in for load measurements ({@code tickstock bench e2e}, LoadTest): a WebSocket client of
 * {@code /streaming/ws} that scans each text message's bytes instead of decoding and parsing them (dozens of these
 * share two cores with the system under test, and a browser parses on its own machine). It receives every
 * byte over TCP like a browser. Each {@code "published_at":"…"} (in a compact frame, each number of its {@code "p"}
 * column) is one item and its latency (publication →
 * receipt of the whole message, HdrHistogram, also by the message's event name); an item in a
 * {@code streaming_pattern…} message is a pattern, one in an {@code indicator_alert…} message an alert. Items
 * published before {@link #startMeasuring} are not counted. Built on Jetty's core WebSocket client (frames as
 * bytes; pings answered by Jetty); all clients of a {@link Connector} share one {@link WebSocketCoreClient}. Frame
 * callbacks run on Jetty's client threads, one at a time per client.
 */
public final class ScanningClient implements FrameHandler {
    private static final String AT = "\"published_at\":\"", COLUMN_P = "\"p\":[", EVENT = "{\"event\":\"";
    private final SingleWriterRecorder latency =
            new SingleWriterRecorder(3_600_000, 3); // written by one frame callback at a time
    private final Map<String, SingleWriterRecorder> byEvent = new ConcurrentHashMap<>();
    private final AtomicLong items = new AtomicLong(),
            patterns = new AtomicLong(),
            alerts = new AtomicLong(),
            bytes = new AtomicLong(),
            frames = new AtomicLong();
    private volatile long measureFrom = Long.MAX_VALUE;
    private byte[] message = new byte[64 * 1024];
    private int length;
    private volatile @Nullable CoreSession session;
    private volatile boolean aborted;

    /** One Jetty WebSocket client (one selector, one thread pool) for many scanning clients; close stops them all. */
    public static final class Connector implements AutoCloseable {
        private final WebSocketCoreClient jetty = new WebSocketCoreClient();

        /** @throws Exception when Jetty's client cannot start */
        public Connector() throws Exception {
            jetty.start();
        }

        /**
         * Connects a client with the session cookie and waits for the upgrade (at most 10 s).
         *
         * @throws java.util.concurrent.ExecutionException when the upgrade fails
         */
        public ScanningClient open(int port, String cookie) throws Exception {
            ScanningClient c = new ScanningClient();
            CoreClientUpgradeRequest request =
                    CoreClientUpgradeRequest.from(jetty, URI.create("ws://127.0.0.1:" + port + "/streaming/ws"), c);
            request.headers(h -> h.put("Cookie", cookie));
            Configuration.ConfigurationCustomizer config = new Configuration.ConfigurationCustomizer();
            config.setInputBufferSize(64 * 1024); // a batch frame in one or two reads, not many 4 KB ones
            request.setConfiguration(config);
            jetty.connect(request).get(10, TimeUnit.SECONDS);
            return c;
        }

        @Override
        public void close() throws Exception {
            jetty.stop();
        }
    }

    /** Zeroes the counts and latencies and counts items published from {@code fromMillis} (epoch ms) on. */
    public void startMeasuring(long fromMillis) {
        items.set(0);
        patterns.set(0);
        alerts.set(0);
        bytes.set(0);
        frames.set(0);
        latency.reset();
        byEvent.values().forEach(SingleWriterRecorder::reset);
        measureFrom = fromMillis;
    }

    /** Publication → receipt latencies (ms) of the measured items; read with {@code getIntervalHistogram()} from any thread. */
    public SingleWriterRecorder latency() {
        return latency;
    }

    /** The same latencies by the frame's event name ({@code streaming_indicators_batch}, {@code indicator_alert}, …). */
    public Map<String, SingleWriterRecorder> latencyByEvent() {
        return byEvent;
    }

    /** Items (each {@code published_at}) received since {@link #startMeasuring}. */
    public long items() {
        return items.get();
    }

    /** Patterns received since {@link #startMeasuring}. */
    public long patterns() {
        return patterns.get();
    }

    /** Indicator alerts received since {@link #startMeasuring}. */
    public long alerts() {
        return alerts.get();
    }

    /** Text messages received since {@link #startMeasuring}. */
    public long frames() {
        return frames.get();
    }

    /** Bytes of text messages received since {@link #startMeasuring}. */
    public long bytes() {
        return bytes.get();
    }

    /**
     * Sends a subscribe message (e.g. {@code {"action":"subscribe","format":"compact-2","streams":{…}}}).
     *
     * @throws IllegalStateException before the connection is open
     */
    public void send(String text) {
        CoreSession s = session;
        if (s == null) throw new IllegalStateException("not connected");
        s.sendFrame(new Frame(OpCode.TEXT, text), Callback.NOOP, false);
    }

    /** Drops the connection without a close handshake. */
    public void abort() {
        aborted = true;
        CoreSession s = session;
        if (s != null) s.abort();
    }

    @Override
    public void onOpen(CoreSession coreSession, Callback callback) {
        session = coreSession;
        callback.succeeded();
        coreSession.demand();
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        byte op = frame.getOpCode();
        if (op == OpCode.TEXT || op == OpCode.CONTINUATION) {
            if (op == OpCode.TEXT) length = 0;
            ByteBuffer payload = frame.getPayload();
            int n = payload == null ? 0 : payload.remaining();
            if (length + n > message.length) message = Arrays.copyOf(message, Math.max(length + n, message.length * 2));
            if (n > 0) payload.get(payload.position(), message, length, n);
            length += n;
            if (frame.isFin()) received(message, length, System.currentTimeMillis());
        }
        callback.succeeded(); // a ping is answered by Jetty when the callback completes
        CoreSession s = session;
        if (s != null) s.demand(); // set in onOpen, before any frame
    }

    /**
     * Counts the items of one whole text message of {@code n} bytes received at {@code now} (epoch ms). A compact
     * frame's {@code "p"} column is read straight from the bytes, each number in one pass; a contract frame is read as
     * Latin-1 text (one char per byte, so the JDK's vectorized {@code indexOf} finds the ASCII markers; the contents
     * of non-ASCII strings are never looked at). Items of one close share their publication time, so equal latencies
     * are recorded as one run.
     */
    private void received(byte[] m, int n, long now) {
        if (measureFrom <= now) {
            bytes.addAndGet(n);
            frames.incrementAndGet();
        }
        String event = eventName(m, n);
        Tally tally = new Tally(event, now);
        if (event.endsWith("_columns")) { // a compact frame: publication times in its "p" column, the last one
            int i = lastIndexOf(m, n, COLUMN_P);
            while (i >= 0 && i < n) {
                long at = 0;
                int start = i;
                for (byte b; i < n && (b = m[i]) >= '0' && b <= '9'; i++) at = at * 10 + (b - '0');
                if (i == start) break; // an empty column
                tally.item(at);
                i = i < n && m[i] == ',' ? i + 1 : -1;
            }
        } else {
            String text = new String(m, 0, n, StandardCharsets.ISO_8859_1);
            for (int i = text.indexOf(AT); i >= 0; i = text.indexOf(AT, i + AT.length()))
                tally.item(IsoTime.contractMillis(text, i + AT.length()));
        }
        tally.end();
        items.addAndGet(tally.counted);
        if (event.startsWith("streaming_pattern")) patterns.addAndGet(tally.counted);
        if (event.startsWith("indicator_alert"))
            alerts.addAndGet(tally.counted); // indicator_alert, indicator_alerts_batch
    }

    /** One message's measured items: runs of equal latency recorded at once. Frame callback thread. */
    private final class Tally {
        private final String event;
        private final long now;
        private @Nullable SingleWriterRecorder ofEvent;
        private long runLatency = -1, run, counted;

        Tally(String event, long now) {
            this.event = event;
            this.now = now;
        }

        /** An item published at {@code at} (epoch ms, or {@link IsoTime#NOT_CONTRACT_FORM}). */
        void item(long at) {
            if (at == IsoTime.NOT_CONTRACT_FORM || at < measureFrom) return;
            if (ofEvent == null) ofEvent = byEvent.computeIfAbsent(event, e -> new SingleWriterRecorder(3_600_000, 3));
            counted++;
            long latencyMillis = Math.max(0, Math.min(3_599_999, now - at));
            if (latencyMillis != runLatency) {
                record(ofEvent, runLatency, run);
                runLatency = latencyMillis;
                run = 0;
            }
            run++;
        }

        void end() {
            record(ofEvent, runLatency, run);
        }
    }

    /** The index just after the last occurrence of {@code marker} (ASCII) in {@code m[0, n)}, or -1. */
    private static int lastIndexOf(byte[] m, int n, String marker) {
        int k = marker.length();
        outer:
        for (int i = n - k; i >= 0; i--) {
            for (int j = 0; j < k; j++) if (m[i + j] != marker.charAt(j)) continue outer;
            return i + k;
        }
        return -1;
    }

    private void record(@Nullable SingleWriterRecorder ofEvent, long latencyMillis, long count) {
        if (count == 0) return;
        latency.recordValueWithCount(latencyMillis, count);
        if (ofEvent != null) ofEvent.recordValueWithCount(latencyMillis, count);
    }

    /** The frame's {@code event} ({@code {"event":"<name>",…}} as the app writes it), or "?" */
    private static String eventName(byte[] m, int n) {
        if (n < 11) return "?";
        for (int j = 0; j < EVENT.length(); j++) if (m[j] != EVENT.charAt(j)) return "?";
        for (int end = EVENT.length(); end < Math.min(n, 100); end++)
            if (m[end] == '"') return new String(m, EVENT.length(), end - EVENT.length(), StandardCharsets.ISO_8859_1);
        return "?";
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        if (!aborted)
            System.err.println("scanning client failed: " + cause); // after abort() the channel is closed on purpose
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        callback.succeeded();
    }
}
