package io.tickstock.app;

import static java.util.Map.entry;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tickstock.app.health.AppMetrics;
import io.tickstock.app.health.EngineLiveness;
import io.tickstock.app.health.EngineWatch;
import io.tickstock.app.store.AlertArchive;
import io.tickstock.app.store.IntegrationCheckpoints;
import io.tickstock.app.stream.LiveState;
import io.tickstock.app.stream.StreamingBuffer;
import io.tickstock.app.stream.Watchlist;
import io.tickstock.app.stream.WebSocketHub;
import io.tickstock.app.subscriber.RedisSubscriber;
import io.tickstock.app.subscriber.SubscriberStats;
import io.tickstock.contract.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What the app says about itself, read from its parts: the status API's JSON ({@code GET /streaming/api/status}),
 * readiness ({@code GET /health/ready}) and the meters read at each {@code /metrics} scrape. Any thread: it only
 * reads the parts' thread-safe counters.
 */
record AppStatus(
        LiveState state,
        SubscriberStats subscriberStats,
        RedisSubscriber subscriber,
        ReconnectReload reload,
        AlertArchive alerts,
        StreamingBuffer buffer,
        WebSocketHub hub,
        IntegrationCheckpoints checkpoints,
        EngineWatch engineWatch,
        Watchlist watchlist,
        DataSource dataSource) {

    /** The status API's object: session, health, engine liveness and every part's counters. */
    Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("session", state.session());
        s.put("session_active", state.sessionActive());
        s.put("health", state.health());
        s.put("engine", engineWatch.liveness().snapshot());
        s.put("engines", state.engines(System.currentTimeMillis()));
        s.put(
                "subscriber",
                Map.ofEntries(
                        entry("received", subscriberStats.receivedByChannel()),
                        entry("unreadable", subscriberStats.unreadableByReason()),
                        entry("dropped", subscriberStats.droppedByChannel()),
                        entry("backlog", subscriber.backlog()),
                        entry("connected", subscriber.connected()),
                        entry("resubscriptions", subscriber.resubscriptions()),
                        entry("reloaded_patterns", reload.patterns()),
                        entry("reloaded_alerts", reload.alerts())));
        s.put(
                "alert_archive",
                Map.ofEntries(
                        entry("stored", alerts.stored()),
                        entry("pending", alerts.pending()),
                        entry("dropped", alerts.dropped()),
                        entry("outages", alerts.failures()),
                        entry("rejected", alerts.rejectedByCause())));
        s.put("buffer", buffer.stats().snapshot());
        s.put(
                "symbols",
                Map.ofEntries(entry("kept", watchlist.size()), entry("refused_bars", watchlist.refusedSymbols())));
        s.put(
                "websocket",
                Map.ofEntries(
                        entry("clients", hub.clients()),
                        entry("frames_sent", hub.framesSent()),
                        entry("evicted", hub.evicted()),
                        entry("coalesced", hub.coalesced())));
        s.put(
                "integration_log",
                Map.ofEntries(
                        entry("written", checkpoints.written()),
                        entry("dropped", checkpoints.dropped()),
                        entry("failed", checkpoints.failed())));
        return s;
    }

    /** {@code GET /health/ready}: 200 when the Redis subscription is open and PostgreSQL answers, else 503 naming what is down. */
    void ready(Context ctx) {
        boolean redis = subscriber.connected(), postgres;
        try (Connection c = dataSource.getConnection()) {
            postgres = c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            postgres = false;
        }
        boolean ready = redis && postgres;
        ctx.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .contentType("application/json")
                .result(Json.write(Map.ofEntries(
                        entry("status", ready ? "ready" : "not ready"),
                        entry("redis", redis ? "up" : "down (check TICKSTOCK_REDIS_URL)"),
                        entry("postgresql", postgres ? "up" : "down (check TICKSTOCK_DATABASE_URL)"))));
    }

    /** Registers the meters read from the parts at each scrape (the message and buffer counters are meters themselves). */
    void register(AppMetrics m) {
        m.counter(
                "tickstock_app_alerts_rejected",
                "indicator alerts PostgreSQL rejected as data, set aside",
                alerts,
                AlertArchive::rejected);
        m.gauge(
                "tickstock_app_subscriber_backlog",
                "Redis messages received, not yet dispatched",
                subscriber,
                RedisSubscriber::backlog);
        m.gauge(
                "tickstock_app_engine_alive",
                "1 while the engine's heartbeat is fresh, 0 when lost or never seen",
                engineWatch,
                w -> w.liveness().status() == EngineLiveness.Status.ALIVE ? 1 : 0);
        m.gauge(
                "tickstock_app_redis_up",
                "1 when the Redis subscription is open",
                subscriber,
                s -> s.connected() ? 1 : 0);
        m.gauge("tickstock_app_websocket_clients", "connected browsers", hub, WebSocketHub::clients);
        m.counter("tickstock_app_websocket_frames_sent", "frames sent to browsers", hub, WebSocketHub::framesSent);
        m.counter("tickstock_app_websocket_evicted", "browsers disconnected as too slow", hub, WebSocketHub::evicted);
        m.counter(
                "tickstock_app_websocket_coalesced",
                "values superseded while a slow browser caught up",
                hub,
                WebSocketHub::coalesced);
        m.counter(
                "tickstock_app_symbols_refused",
                "bars refused because their symbol would pass the most symbols kept (--max-symbols)",
                watchlist,
                Watchlist::refusedSymbols);
        m.gauge("tickstock_app_alerts_pending", "indicator alerts waiting to be stored", alerts, AlertArchive::pending);
        m.counter("tickstock_app_alerts_stored", "indicator alerts stored", alerts, AlertArchive::stored);
        m.counter(
                "tickstock_app_alerts_dropped", "indicator alerts dropped (queue full)", alerts, AlertArchive::dropped);
    }
}
