package io.tickstock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tickstock.contract.Channels;
import io.tickstock.contract.Json;
import io.tickstock.contract.RedisUrl;
import io.tickstock.testkit.AppHttp;
import io.tickstock.testkit.HostileMessages;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tickstock fuzz}: publishes hostile messages ({@link HostileMessages}) to every channel of a running
 * TickStock's Redis, paced, and reports what was sent; with {@code --app} it also logs in and reads how many
 * messages the app refused and dropped while they went out, and whether it still answers.
 */
@Command(
        name = "fuzz",
        mixinStandardHelpOptions = true,
        description = {
            "Publish malformed, oversized, deeply nested and hostile messages to every TickStock channel of the Redis in "
                    + "TICKSTOCK_REDIS_URL (a running engine and app keep working, refuse and count each one), and print the counts as JSON.",
            "With --app http://host:port the app's refusal counts are read before and after (login admin with TICKSTOCK_ADMIN_PASSWORD)."
        })
public final class FuzzCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--count",
            description = "Messages to publish (default: ${DEFAULT-VALUE}).",
            defaultValue = "100000")
    int count;

    @Option(names = "--rate", description = "Messages per second (default: ${DEFAULT-VALUE}).", defaultValue = "10000")
    int rate;

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    long seed;

    @Option(
            names = "--app",
            description = "The app's base URL, e.g. http://127.0.0.1:8080, to read its counts before and after.")
    String app;

    /** What a run sent: totals, expected refusals by reader, valid hostile messages, and counts by kind. */
    record Sent(long messages, long refusedByApp, long refusedByEngine, long valid, Map<String, Long> byKind) {}

    @Override
    public Integer call() throws Exception {
        if (count < 1 || rate < 1)
            throw new ParameterException(spec.commandLine(), "--count and --rate must be positive");
        String redis = System.getenv("TICKSTOCK_REDIS_URL");
        if (redis == null || redis.isBlank())
            throw new ParameterException(
                    spec.commandLine(), "set TICKSTOCK_REDIS_URL to the Redis of the TickStock to test");
        int port = app == null ? -1 : URI.create(app).getPort();
        String cookie = null;
        JsonNode before = Json.MAPPER.createObjectNode();
        if (app != null) {
            String password = System.getenv("TICKSTOCK_ADMIN_PASSWORD");
            if (password == null)
                throw new ParameterException(
                        spec.commandLine(), "--app needs TICKSTOCK_ADMIN_PASSWORD (the admin's password)");
            cookie = AppHttp.login(port, "admin", password)
                    .orElseThrow(() -> new IllegalStateException("admin login to " + app + " failed"));
            before = Json.read(
                            AppHttp.get(port, "/streaming/api/status", cookie).body())
                    .path("subscriber");
        }
        long t0 = System.nanoTime();
        Sent sent = publish(redis, count, rate, seed);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sent", sent.messages());
        out.put("expected_refused_by_app", sent.refusedByApp());
        out.put("expected_refused_by_engine", sent.refusedByEngine());
        out.put("valid_hostile", sent.valid());
        out.put("by_kind", sent.byKind());
        out.put("seconds", Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
        if (app != null) {
            TimeUnit.SECONDS.sleep(2); // let the app drain its queue
            JsonNode after = Json.read(
                            AppHttp.get(port, "/streaming/api/status", cookie).body())
                    .path("subscriber");
            out.put("app_refused", total(after.path("unreadable")) - total(before.path("unreadable")));
            out.put("app_dropped", total(after.path("dropped")) - total(before.path("dropped")));
            out.put("app_answering", true);
        }
        spec.commandLine().getOut().println(Json.write(out));
        return 0;
    }

    static long total(JsonNode counts) {
        long n = 0;
        for (var e : counts.properties()) n += e.getValue().asLong();
        return n;
    }

    /** Waits up to 10 s for the publishes; @throws IllegalStateException when Redis refused one or did not answer */
    private static void awaitSent(List<RedisFuture<Long>> sending) {
        if (!LettuceFutures.awaitAll(10, TimeUnit.SECONDS, sending.toArray(RedisFuture[]::new))) {
            throw new IllegalStateException("Redis did not confirm the published messages within 10 s");
        }
    }

    /** Publishes {@code count} hostile messages at about {@code rate} per second; any thread. */
    static Sent publish(String redisUrl, int count, int rate, long seed) {
        HostileMessages messages = new HostileMessages(seed);
        Map<String, Long> byKind = new TreeMap<>();
        long app = 0, engine = 0, valid = 0;
        RedisClient client = RedisClient.create(RedisUrl.uri(redisUrl));
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            List<RedisFuture<Long>> sending = new ArrayList<>(256);
            long start = System.nanoTime(), nanosPer = 1_000_000_000L / rate;
            for (int i = 0; i < count; i++) {
                HostileMessages.Message m = messages.next();
                sending.add(c.async().publish(m.channel(), m.text()));
                byKind.merge(m.kind(), 1L, Long::sum);
                if (!m.refused()) valid++;
                else if (m.channel().equals(Channels.ENGINE_COMMANDS)) engine++;
                else app++;
                long due = start + (i + 1) * nanosPer;
                if ((i & 255) == 255) {
                    // back-pressure: every 256 messages wait for Redis; a failed publish fails the run
                    awaitSent(sending);
                    sending.clear();
                    long wait = due - System.nanoTime();
                    if (wait > 0) LockSupport.parkNanos(wait);
                }
            }
            awaitSent(sending);
        } finally {
            client.shutdown();
        }
        return new Sent(count, app, engine, valid, byKind);
    }
}
