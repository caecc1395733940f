package io.tickstock.app.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tickstock.app.store.Role;
import io.tickstock.contract.Channels;
import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import io.tickstock.contract.LogText;
import io.tickstock.contract.RedisUrl;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Operator session control: {@code POST /streaming/api/admin/session/{action}} with action {@code start} or
 * {@code stop}, for logged-in admins only (403 otherwise), publishes a {@code session_command} on
 * {@link Channels#ENGINE_COMMANDS}. Answers 202 with the number of engines that received it, 503 when none
 * is listening, 400 naming {@code action} for anything else. {@link #request} is the same command for the
 * {@code tickstock session} CLI.
 */
public final class SessionAdmin {
    private final Auth auth;
    private final String redisUrl;
    private final LongSupplier clock;

    public SessionAdmin(Auth auth, String redisUrl, LongSupplier clock) {
        this.auth = auth;
        this.redisUrl = redisUrl;
        this.clock = clock;
    }

    public void handle(Context ctx) {
        Auth.Login login = auth.user(ctx.cookie(Auth.COOKIE)).orElseThrow();
        if (login.role() != Role.ADMIN) {
            ctx.status(HttpStatus.FORBIDDEN)
                    .contentType("application/json")
                    .result(Json.write(Map.of(
                            "error",
                            "session start/stop needs an admin login; " + login.user() + " is " + login.role().label)));
            return;
        }
        String action = ctx.pathParam("action");
        if (!action.equals("start") && !action.equals("stop"))
            throw new BadParameter("action", "action must be 'start' or 'stop', was '" + action + "'");
        long engines = request(redisUrl, action, login.user(), clock.getAsLong());
        if (engines == 0) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType("application/json")
                    .result(Json.write(Map.of(
                            "error",
                            "no engine is listening on " + Channels.ENGINE_COMMANDS
                                    + ": start 'tickstock engine' on this Redis")));
            return;
        }
        ctx.status(HttpStatus.ACCEPTED)
                .contentType("application/json")
                .result(Json.write(Map.of("requested", action, "engines", engines, "requested_by", login.user())));
    }

    /**
     * Publishes a session command.
     *
     * @param atMillis the request time, epoch ms
     * @return how many engines received it (0: none listening)
     * @throws IllegalStateException naming TICKSTOCK_REDIS_URL when Redis cannot be reached
     */
    public static long request(String redisUrl, String action, String requestedBy, long atMillis) {
        RedisClient client = RedisClient.create(RedisUrl.uri(redisUrl));
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            return c.sync()
                    .publish(
                            Channels.ENGINE_COMMANDS,
                            Json.write(new Events.SessionCommand(IsoTime.format(atMillis), action, requestedBy)));
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot reach Redis at " + LogText.url(redisUrl) + ": start it or set TICKSTOCK_REDIS_URL", e);
        } finally {
            client.shutdown();
        }
    }
}
