package io.tickstock.cli;

import java.io.IOException;
import redis.embedded.RedisServer;

/** A real Redis server started from the {@code com.github.codemonstur:embedded-redis} artifact, on loopback. */
public final class EmbeddedRedis implements AutoCloseable {
    private final RedisServer server;
    private final int port;

    /** Starts Redis on {@code port} (0 = a free port). @throws IOException when it cannot start */
    public EmbeddedRedis(int port) throws IOException {
        this.port = port == 0 ? FreePort.find() : port;
        this.server = RedisServer.newRedisServer()
                .port(this.port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        server.start();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() throws IOException {
        if (server.isActive()) server.stop();
    }
}
