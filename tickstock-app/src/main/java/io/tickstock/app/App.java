package io.tickstock.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tickstock.app.health.AppMetrics;
import io.tickstock.app.health.EngineLiveness;
import io.tickstock.app.health.EngineWatch;
import io.tickstock.app.store.AlertArchive;
import io.tickstock.app.store.AppDatabase;
import io.tickstock.app.store.BacktestJobs;
import io.tickstock.app.store.History;
import io.tickstock.app.store.IntegrationCheckpoints;
import io.tickstock.app.store.LoginAttempts;
import io.tickstock.app.store.LoginSessions;
import io.tickstock.app.store.LoginSetup;
import io.tickstock.app.store.PastSessions;
import io.tickstock.app.store.Users;
import io.tickstock.app.stream.BufferStats;
import io.tickstock.app.stream.LiveState;
import io.tickstock.app.stream.StreamItem;
import io.tickstock.app.stream.StreamingBuffer;
import io.tickstock.app.stream.Watchlist;
import io.tickstock.app.stream.WebSocketHub;
import io.tickstock.app.subscriber.Inbound;
import io.tickstock.app.subscriber.RedisSubscriber;
import io.tickstock.app.subscriber.SessionView;
import io.tickstock.app.subscriber.SubscriberStats;
import io.tickstock.app.web.Auth;
import io.tickstock.app.web.BacktestsApi;
import io.tickstock.app.web.BrowserGuard;
import io.tickstock.app.web.ClientAddress;
import io.tickstock.app.web.Pages;
import io.tickstock.app.web.Routes;
import io.tickstock.app.web.SessionAdmin;
import io.tickstock.app.web.SessionsApi;
import io.tickstock.app.web.StreamSocket;
import io.tickstock.app.web.StreamingApi;
import io.tickstock.app.web.Tls;
import io.tickstock.contract.Events;
import io.tickstock.contract.Initializer;
import io.tickstock.contract.Json;
import io.tickstock.contract.LogText;
import io.tickstock.contract.RedisKeys;
import io.tickstock.contract.RedisUrl;
import java.time.Duration;
import java.util.Collections;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard app: subscribes to Redis, buffers and fans events out to browsers over WebSocket
 * ({@code /streaming/ws}), serves the dashboard ({@code /streaming/}), the REST history API and login.
 * {@link #start()} connects and listens (failing with a message naming what to set); {@link #close()} stops.
 */
public final class App implements AutoCloseable {

    private final AppConfig config;
    private final LongSupplier clock;
    private final AppMetrics metrics = new AppMetrics();
    private final SubscriberStats subscriberStats = new SubscriberStats(metrics.registry());
    private final LiveState state;
    private final Watchlist watchlist;
    private @Nullable BacktestsApi backtests;
    private HikariDataSource dataSource;
    private WebSocketHub hub;
    private StreamingBuffer buffer;
    private RedisSubscriber subscriber;
    private AlertArchive alerts;
    private History history;
    private ReconnectReload reload;
    private IntegrationCheckpoints checkpoints;
    private EngineWatch engineWatch;
    private StreamSocket socket;
    private Javalin http;
    private @Nullable String generatedAdminPassword;

    /** @param clock wall clock, epoch ms */
    public App(AppConfig config, LongSupplier clock) {
        this.config = config;
        this.watchlist = new Watchlist(config.maxSymbols());
        this.clock = clock;
        this.state = new LiveState(config.delivery());
    }

    /**
     * Opens PostgreSQL (migrating), makes sure user {@code admin} exists, subscribes to Redis and starts the streaming
     * threads and the HTTP server.
     *
     * @throws IllegalStateException naming TICKSTOCK_REDIS_URL or TICKSTOCK_DATABASE_URL when a server cannot be reached
     * @throws IllegalArgumentException naming TICKSTOCK_ADMIN_PASSWORD when it is longer than bcrypt reads
     */
    @Initializer
    public App start() throws Exception {
        dataSource = AppDatabase.open(config.database());
        Users users = new Users(dataSource);
        generatedAdminPassword = LoginSetup.ensureAdmin(users, config.adminPassword());
        alerts = new AlertArchive(dataSource, 100_000, AppConfig.rejectedAlertsFile(), clock).start();
        history = new History(dataSource, clock);
        hub = new WebSocketHub(config.outboxFrames(), clock);
        checkpoints = new IntegrationCheckpoints(dataSource).start();
        buffer = new StreamingBuffer(
                        config.bufferIntervalMs(),
                        100,
                        hub,
                        clock,
                        state,
                        new BufferStats(metrics.registry()),
                        config.delivery())
                .onPatternsDelivered(p -> checkpoints.delivered(
                        p.stream().map(StreamItem.Pattern::detection).toList(), hub.clients(), clock.getAsLong()))
                .start();
        loadCurrentSession();
        reload = new ReconnectReload(history, state, clock, buffer::accept, this::onEvent);
        subscriber = new RedisSubscriber(config.redisUrl(), clock, subscriberStats, this::onEvent)
                .onResubscribed(reload)
                .onDrained(buffer::drained)
                .start();
        engineWatch = new EngineWatch(
                        config.redisUrl(),
                        new EngineLiveness(config.engineLostAfterMillis()),
                        clock,
                        change -> subscriber.runOnDispatcher(() -> buffer.engine(change)))
                .start();
        LoginSessions logins = new LoginSessions(dataSource);
        LoginSetup.pruneExpired(logins, clock.getAsLong());
        Auth auth = new Auth(
                users, logins, new LoginAttempts(dataSource), clock, config.metricsToken(), config.tls() != null);
        socket = new StreamSocket(hub, auth, state, history, clock);
        AppStatus status = new AppStatus(
                state,
                subscriberStats,
                subscriber,
                reload,
                alerts,
                buffer,
                hub,
                checkpoints,
                engineWatch,
                watchlist,
                dataSource);
        status.register(metrics);
        Routes.Handlers handlers = new Routes.Handlers(
                new BrowserGuard(config.tls() != null, config.allowedOrigins()),
                auth,
                new Pages(),
                new StreamingApi(history, status::status, watchlist),
                new SessionsApi(new PastSessions(dataSource)),
                backtests = new BacktestsApi(
                        new BacktestJobs(dataSource),
                        auth,
                        config.redisUrl(),
                        clock,
                        () -> watchlist.rows().stream()
                                .map(Watchlist.Row::symbol)
                                .toList()),
                new SessionAdmin(auth, config.redisUrl(), clock),
                socket,
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape()),
                status::ready);
        http = serve(handlers);
        return this;
    }

    /** The HTTP server (HTTPS with {@link AppConfig#tls}) on the configured address, its routes installed. */
    private Javalin serve(Routes.Handlers handlers) {
        return Javalin.create(c -> {
                    c.startup.showJavalinBanner = false;
                    ClientAddress clients = new ClientAddress(config.trustedProxies());
                    c.contextResolver.ip = ctx -> clients.of(
                            ctx.req().getRemoteAddr(),
                            ctx.req().getHeaders("X-Forwarded-For").hasMoreElements()
                                    ? String.join(
                                            ",", Collections.list(ctx.req().getHeaders("X-Forwarded-For")))
                                    : null);
                    AppConfig.Tls tls = config.tls();
                    if (tls != null)
                        c.jetty.addConnector((server, httpConfig) ->
                                Tls.connector(server, httpConfig, tls, config.host(), config.httpPort()));
                    c.jetty.modifyWebSocketServletFactory(f -> {
                        // pings every 15 s keep a live browser's connection busy
                        f.setIdleTimeout(Duration.ofSeconds(60));
                        // one write of up to 4 frames in flight per client (WebSocketHub) plus pings and close frames
                        f.setMaxOutgoingFrames(8);
                    });
                    Routes.install(c, handlers);
                })
                .start(config.host(), config.httpPort());
    }

    /** A late consumer learns the running session from the Redis key the engine keeps. */
    private void loadCurrentSession() {
        RedisClient client = RedisClient.create(RedisUrl.uri(config.redisUrl()));
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            String json = c.sync().get(RedisKeys.CURRENT_SESSION);
            if (json != null) state.sessionStarted(SessionView.of(Json.read(json)));
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot reach Redis at " + LogText.url(config.redisUrl()) + ": start it or set TICKSTOCK_REDIS_URL",
                    e);
        } finally {
            client.shutdown();
        }
    }

    /** A received (or reloaded) event, on the dispatcher thread. */
    private void onEvent(Inbound e) {
        if (e.event() instanceof Inbound.LegacyPattern(ObjectNode data))
            checkpoints.received(e.channel(), data, e.receivedAtMillis(), clock.getAsLong());
        reload.seen(e);
        watchlist.accept(e);
        if (e.event() instanceof Inbound.Alert(Events.IndicatorAlert alert)
                && !e.channel().equals(ReconnectReload.CHANNEL)) alerts.store(alert);
        buffer.accept(e);
    }

    /** Closes every browser connection (code 1001 with {@code reason}); browsers reconnect and get a fresh snapshot. */
    public void disconnectBrowsers(String reason) {
        hub.disconnectAll(reason);
    }

    /** Whether the app serves HTTPS. */
    public boolean https() {
        return config.tls() != null;
    }

    /** The bound HTTP port. */
    public int port() {
        return http.port();
    }

    /** The admin password generated at start (none was configured), else null. Print it once; never log it. */
    public @Nullable String generatedAdminPassword() {
        return generatedAdminPassword;
    }

    @Override
    public void close() {
        if (http != null) http.stop();
        if (backtests != null) backtests.close();
        if (engineWatch != null) engineWatch.close();
        if (socket != null) socket.close();
        if (subscriber != null) subscriber.close();
        if (buffer != null) buffer.close();
        if (hub != null) hub.close();
        if (alerts != null) {
            try {
                alerts.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (checkpoints != null) {
            try {
                checkpoints.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (dataSource != null) dataSource.close();
    }
}
