package io.tickstock.app.stream;

import java.util.List;
import java.util.function.Function;

/** Where the {@link StreamingBuffer} hands its frames: the browsers ({@link WebSocketHub}). Implementations never block. */
public interface Fanout {
    /** A frame for every client (session, health, critical alerts). */
    void broadcast(String frame);

    /** A frame for the clients of {@code user} only (a backtest job's progress and result). */
    void sendTo(String user, String frame);

    /**
     * Items of one stream ({@code pattern}, {@code alert}, {@code indicator}, {@code bar}); each client gets those it
     * subscribed to, rendered by {@code render}.
     */
    <T extends StreamItem> void publish(String stream, List<T> items, Function<List<T>, String> render);

    /** {@link #publish} in frames of at most {@code maxBatch} items each, in order. */
    default <T extends StreamItem> void publishChunked(
            String stream, List<T> items, int maxBatch, Function<List<T>, String> render) {
        for (int from = 0; from < items.size(); from += maxBatch)
            publish(stream, items.subList(from, Math.min(items.size(), from + maxBatch)), render);
    }

    /**
     * Items of one stream that each have a frame of their own in the contract (indicator alerts): each client gets
     * those it subscribed to, one frame each rendered by {@code one}, or, when its {@link FrameFormat#batches} the
     * stream, all in one frame rendered by {@code all}.
     */
    <T extends StreamItem> void publishEach(
            String stream, List<T> items, Function<T, String> one, Function<List<T>, String> all);
}
