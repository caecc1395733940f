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
}
