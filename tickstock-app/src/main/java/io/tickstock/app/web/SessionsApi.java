package io.tickstock.app.web;

import io.javalin.http.Context;
import io.tickstock.app.store.PastSessions;
import io.tickstock.contract.Limits;
import io.tickstock.contract.LogText;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The session history API under {@code /streaming/api/sessions} (any signed-in user; JSON, or CSV with
 * {@code ?format=csv}): {@code GET sessions?limit=} (1–500, default 50), and of one session
 * {@code sessions/{session_id}/patterns?symbol=&limit=} (1–5,000, default 500), {@code …/alerts?limit=},
 * {@code …/symbols}, {@code …/bars/{symbol}}. A session id that is not a UUID, a bad symbol or limit answers 400
 * naming it; an unknown session answers empty lists.
 */
public final class SessionsApi {
    private final PastSessions sessions;

    public SessionsApi(PastSessions sessions) {
        this.sessions = sessions;
    }

    public void list(Context ctx) throws SQLException {
        StreamingApi.rows(ctx, "sessions", sessions.list(StreamingApi.intParam(ctx, "limit", 1, 500, 50)));
    }

    public void patterns(Context ctx) throws SQLException {
        String symbol = ctx.queryParam("symbol");
        if (symbol != null && !Limits.isSymbol(symbol))
            throw new BadParameter(
                    "symbol", "symbol must match " + Limits.SYMBOL_FORM + ", was " + LogText.quote(symbol));
        StreamingApi.rows(
                ctx,
                "patterns",
                sessions.patterns(session(ctx), symbol, StreamingApi.intParam(ctx, "limit", 1, 5_000, 500)));
    }

    public void alerts(Context ctx) throws SQLException {
        StreamingApi.rows(
                ctx, "alerts", sessions.alerts(session(ctx), StreamingApi.intParam(ctx, "limit", 1, 5_000, 500)));
    }

    public void symbols(Context ctx) throws SQLException {
        StreamingApi.rows(ctx, "symbols", sessions.symbols(session(ctx)));
    }

    public void bars(Context ctx) throws SQLException {
        StreamingApi.rows(ctx, "bars", sessions.bars(session(ctx), StreamingApi.symbol(ctx)));
    }

    private static UUID session(Context ctx) {
        String id = ctx.pathParam("session_id");
        try {
            if (id.length() == 36) return UUID.fromString(id);
        } catch (IllegalArgumentException ignored) {
            // answered below
        }
        throw new BadParameter("session_id", "session_id must be a UUID, was " + LogText.quote(id));
    }
}
