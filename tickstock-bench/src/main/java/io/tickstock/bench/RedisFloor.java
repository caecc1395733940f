package io.tickstock.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tickstock.contract.Channels;
import io.tickstock.contract.LogText;
import io.tickstock.contract.RedisUrl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Redis's own floor for a bar close, measured beside the burst: the exact messages the engine sent for one close
 * (captured bytes, already encoded) PUBLISHed in order through one pipelined connection (written at once, every reply
 * awaited), no analytics. Also the subscriber a benchmark keeps on every channel of {@link Channels#ALL}, so Redis
 * delivers each message somewhere (the load a real deployment gives it). Not thread-safe except {@link #received}.
 */
final class RedisFloor implements AutoCloseable {
    /** One captured PUBLISH: its channel and the message text the engine sent. */
    record Message(String channel, String payload) {}

    private final String redisUrl;
    private final RedisClient client;
    private final StatefulRedisPubSubConnection<byte[], byte[]> subscriber;
    private final AtomicLong received = new AtomicLong();

    /** Connects the subscriber of every channel. */
    RedisFloor(String redisUrl) {
        this.redisUrl = redisUrl;
        client = RedisClient.create(RedisUrl.uri(redisUrl));
        subscriber = client.connectPubSub(ByteArrayCodec.INSTANCE);
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(byte[] channel, byte[] message) {
                received.incrementAndGet();
            }
        });
        subscriber
                .sync()
                .subscribe(Channels.ALL.stream()
                        .map(c -> c.getBytes(StandardCharsets.UTF_8))
                        .toArray(byte[][]::new));
    }

    /** Messages the subscriber has received. Any thread. */
    long received() {
        return received.get();
    }

    /**
     * PUBLISHes {@code messages} in order over a plain socket: the commands are encoded as RESP beforehand, written in
     * one go, and the replies read until every one has arrived (no client library in the way).
     *
     * @return milliseconds from the first byte written to the last reply read
     * @throws IOException when Redis closes the connection or answers with an error
     */
    double publish(List<Message> messages) throws IOException {
        ByteArrayOutputStream resp = new ByteArrayOutputStream(1 << 20);
        for (Message m : messages) {
            resp.writeBytes("*3\r\n$7\r\nPUBLISH\r\n".getBytes(StandardCharsets.US_ASCII));
            bulk(resp, m.channel().getBytes(StandardCharsets.UTF_8));
            bulk(resp, m.payload().getBytes(StandardCharsets.UTF_8));
        }
        byte[] commands = resp.toByteArray();
        URI uri = URI.create(redisUrl);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[1 << 16];
            authenticate(socket, in);
            long t0 = System.nanoTime();
            socket.getOutputStream().write(commands);
            socket.getOutputStream().flush();
            int replies = 0;
            while (replies < messages.size()) {
                int n = in.read(buffer);
                if (n < 0) throw new IOException("Redis closed the connection after " + replies + " replies");
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '-') throw new IOException("Redis answered an error to a PUBLISH");
                    if (buffer[i] == '\n') replies++;
                }
            }
            return (System.nanoTime() - t0) / 1e6;
        }
    }

    /** Sends {@code AUTH} when the URL carries a password (before the clock starts), and reads its {@code +OK}. */
    private void authenticate(Socket socket, InputStream in) throws IOException {
        RedisCredentials credentials = RedisUrl.uri(redisUrl)
                .getCredentialsProvider()
                .resolveCredentials()
                .block();
        if (credentials == null || !credentials.hasPassword()) return;
        ByteArrayOutputStream auth = new ByteArrayOutputStream();
        String user = credentials.hasUsername() ? credentials.getUsername() : null;
        auth.writeBytes(("*" + (user == null ? 2 : 3) + "\r\n$4\r\nAUTH\r\n").getBytes(StandardCharsets.US_ASCII));
        if (user != null) bulk(auth, user.getBytes(StandardCharsets.UTF_8));
        bulk(auth, new String(credentials.getPassword()).getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().write(auth.toByteArray());
        socket.getOutputStream().flush();
        int first = in.read();
        for (int c = first; c >= 0 && c != '\n'; ) c = in.read(); // the rest of the reply line
        if (first != '+') throw new IOException("Redis refused the password of " + LogText.url(redisUrl));
    }

    private static void bulk(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(("$" + value.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(value);
        out.writeBytes(new byte[] {'\r', '\n'});
    }

    @Override
    public void close() {
        subscriber.close();
        client.shutdown();
    }
}
