package io.tickstock.engine.feed;

import io.tickstock.contract.Outbox;
import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Session;
import org.jspecify.annotations.Nullable;

/**
 * One connection attempt of a {@link MassiveClient}: Jetty's listener of its socket, handing frames, pongs and the end
 * of the connection to the client. Each reconnect makes a new one, so a late callback of an old connection is
 * recognised and ignored. Public because Jetty binds the listener methods through method handles; not an API.
 * Callbacks run on Jetty's threads.
 */
public final class MassiveConnection implements Session.Listener.AutoDemanding {
    private final MassiveClient client;
    private volatile @Nullable Session session;
    /** Set once the client has counted this connection's end (guarded by the client's lock). */
    boolean ended;

    MassiveConnection(MassiveClient client) {
        this.client = client;
    }

    @Override
    public void onWebSocketOpen(Session s) {
        session = s;
        client.opened(s);
    }

    @Override
    public void onWebSocketText(String frame) {
        client.received(session, frame);
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        client.pong();
    }

    @Override
    public void onWebSocketClose(int statusCode, @Nullable String reason) {
        client.lost(
                this,
                "closed by server (" + statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")");
    }

    @Override
    public void onWebSocketError(Throwable error) {
        client.lost(this, Outbox.rootMessage(error));
    }
}
