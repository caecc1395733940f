package io.tickstock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.app.App;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measurement, run by {@code scripts/login-flood} (not by the suites): the app's heap after 10,000 login attempts
 * whose user names are 1 MB each, sent by 4 clients from one address, and whether the owner can still sign in. Prints
 * the answers by status and the heap used after a full GC before and after (MB).
 */
@Tag("e2e")
class LoginFlood {
    static final int ATTEMPTS = Integer.getInteger("flood.attempts", 10_000),
            NAME_BYTES = Integer.getInteger("flood.nameBytes", 1 << 20);

    @TempDir
    Path tmp;

    @Test
    void tenThousandLoginsWithMegabyteNamesLeaveTheHeapAsItWas() throws Exception {
        try (AppStack stack = AppStack.start(tmp, "flood-password")) {
            App app = stack.app();
            Dashboards.login(app.port(), "flood-password");
            double before = heapAfterGcMb();
            String body = "username=" + "a".repeat(NAME_BYTES) + "&password=guess";
            HttpClient http = HttpClient.newHttpClient();
            Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            for (int i = 0; i < ATTEMPTS; i++) {
                clients.execute(() -> {
                    int status;
                    try {
                        status = http.send(
                                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/login"))
                                                .header("Content-Type", "application/x-www-form-urlencoded")
                                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
                });
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.MINUTES)).isTrue();
            double seconds = (System.nanoTime() - start) / 1e9;
            double after = heapAfterGcMb();
            Map<Integer, Long> answers = new TreeMap<>();
            byStatus.forEach((s, n) -> answers.put(s, n.sum()));
            String owner = Dashboards.loginAs(app.port(), "admin", "flood-password");
            System.out.printf(
                    "login flood: %d attempts with %d-byte names in %.1f s, answers by status %s; heap after a full GC "
                            + "%.1f MB before, %.1f MB after; the owner %s%n",
                    ATTEMPTS,
                    NAME_BYTES,
                    seconds,
                    answers,
                    before,
                    after,
                    owner != null ? "signed in afterwards" : "could NOT sign in afterwards");
            assertThat(owner).isNotNull();
        }
    }

    private static double heapAfterGcMb() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
    }
}
