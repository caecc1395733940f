package io.tickstock.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import redis.embedded.RedisServer;

/**
 * A real Redis server started from the {@code com.github.codemonstur:embedded-redis} artifact, on loopback, that
 * answers only clients giving its password ({@code requirepass}): a generated one, kept in a file (mode 0600) when
 * one is given so that it stays the same across restarts and the owner can connect with it. {@link #url()} carries the
 * password; print it through {@code LogText.url}, which masks it.
 */
public final class EmbeddedRedis implements AutoCloseable {
    private final RedisServer server;
    private final int port;
    private final String password;
    private final @Nullable Path passwordFile;

    /** Starts Redis on {@code port} (0 = a free port) with a new password. @throws IOException when it cannot start */
    public EmbeddedRedis(int port) throws IOException {
        this(port, Secrets.generate(), null);
    }

    /** Starts Redis on {@code port} (0 = a free port) with {@code password} (letters, digits, {@code -} and {@code _}). */
    public EmbeddedRedis(int port, String password) throws IOException {
        this(port, password, null);
    }

    private EmbeddedRedis(int port, String password, @Nullable Path passwordFile) throws IOException {
        if (!password.matches("[A-Za-z0-9_-]{16,}"))
            throw new IllegalArgumentException("the embedded Redis password must be 16 or more of [A-Za-z0-9_-]");
        this.port = port == 0 ? FreePort.find() : port;
        this.password = password;
        this.passwordFile = passwordFile;
        this.server = RedisServer.newRedisServer()
                .port(this.port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .setting("requirepass " + password)
                .build();
        server.start();
    }

    /**
     * Starts Redis on {@code port} (0 = a free port) with the password kept in {@code file}: read when it exists, else
     * generated and written there (mode 0600).
     */
    public static EmbeddedRedis withPasswordFile(int port, Path file) throws IOException {
        return new EmbeddedRedis(port, Secrets.readOrCreate(file), file);
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    /** The file holding the password, or null when it is kept in memory only. */
    public @Nullable Path passwordFile() {
        return passwordFile;
    }

    /** {@code redis://:<password>@127.0.0.1:<port>}: for clients, never to print unmasked. */
    public String url() {
        return "redis://:" + password + "@127.0.0.1:" + port;
    }

    @Override
    public void close() throws IOException {
        if (server.isActive()) server.stop();
    }
}
