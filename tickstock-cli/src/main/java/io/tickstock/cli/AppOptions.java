package io.tickstock.cli;

import io.tickstock.app.App;
import io.tickstock.app.AppConfig;
import io.tickstock.app.health.EngineLiveness;
import io.tickstock.app.stream.Delivery;
import io.tickstock.contract.DatabaseUrl;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Options of the dashboard app, shared by {@code demo} and {@code app}. */
public final class AppOptions {
    @Option(
            names = "--http-port",
            description = "Dashboard HTTP port; 0 = a free port (default: ${DEFAULT-VALUE}).",
            defaultValue = "8080")
    int httpPort;

    @Option(
            names = "--http-host",
            description = "Interface to listen on (default: ${DEFAULT-VALUE}).",
            defaultValue = "127.0.0.1")
    String httpHost;

    @Option(
            names = "--tls-cert",
            description =
                    "PEM certificate (chain) for HTTPS, with --tls-key (default: TICKSTOCK_TLS_CERT; none: plain HTTP).")
    Path tlsCert;

    @Option(names = "--tls-key", description = "PEM private key for HTTPS (default: TICKSTOCK_TLS_KEY).")
    Path tlsKey;

    /** Prints {@code dashboard: …} and, when the admin password was generated, the login line (once). */
    static void printDashboard(App app, PrintStream out) {
        out.println("dashboard: " + (app.https() ? "https" : "http") + "://127.0.0.1:" + app.port() + "/streaming/");
        if (app.generatedAdminPassword() != null) {
            out.println("login: admin / " + app.generatedAdminPassword()
                    + "   (generated now; set TICKSTOCK_ADMIN_PASSWORD to choose it)");
        }
        out.flush();
    }

    /** @param maxSymbols most symbols the app keeps per session ({@link AppConfig#maxSymbols}) */
    AppConfig appConfig(String redisUrl, DatabaseUrl db, int maxSymbols) {
        long bufferMs = positiveNumber("TICKSTOCK_BUFFER_INTERVAL_MS", AppConfig.DEFAULT_BUFFER_INTERVAL_MS);
        int outboxFrames = (int) positiveNumber("TICKSTOCK_WS_OUTBOX_FRAMES", AppConfig.DEFAULT_OUTBOX_FRAMES);
        Path cert = tlsCert != null ? tlsCert : path("TICKSTOCK_TLS_CERT"),
                key = tlsKey != null ? tlsKey : path("TICKSTOCK_TLS_KEY");
        if ((cert == null) != (key == null))
            throw new IllegalArgumentException(
                    "HTTPS needs both --tls-cert and --tls-key (or TICKSTOCK_TLS_CERT and TICKSTOCK_TLS_KEY)");
        List<String> allowedOrigins = list("TICKSTOCK_ALLOWED_ORIGINS");
        return new AppConfig(
                redisUrl,
                db,
                httpHost,
                httpPort,
                bufferMs,
                System.getenv("TICKSTOCK_ADMIN_PASSWORD"),
                System.getenv("TICKSTOCK_METRICS_TOKEN"),
                outboxFrames,
                EngineLiveness.DEFAULT_LOST_AFTER_MILLIS,
                cert == null || key == null ? null : new AppConfig.Tls(cert, key),
                allowedOrigins,
                delivery(),
                list("TICKSTOCK_TRUSTED_PROXIES"),
                maxSymbols);
    }

    /** A comma-separated environment variable's entries, trimmed; none when it is unset. */
    private static List<String> list(String variable) {
        String value = System.getenv(variable);
        return value == null
                ? List.of()
                : Arrays.stream(value.split(","))
                        .map(String::trim)
                        .filter(o -> !o.isEmpty())
                        .toList();
    }

    /** TICKSTOCK_PATTERN_MIN_CONFIDENCE, TICKSTOCK_BUFFERING and TICKSTOCK_BROWSER_HISTORY ({@link Delivery}). */
    static Delivery delivery() {
        Delivery d = Delivery.DEFAULTS;
        String min = System.getenv("TICKSTOCK_PATTERN_MIN_CONFIDENCE"),
                buffering = System.getenv("TICKSTOCK_BUFFERING");
        double minConfidence = d.patternMinConfidence();
        if (min != null && !min.isBlank()) {
            try {
                minConfidence = Double.parseDouble(min.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "TICKSTOCK_PATTERN_MIN_CONFIDENCE must be a number from 0 to 1, was '" + min + "'", e);
            }
        }
        boolean buffer = d.buffering();
        if (buffering != null && !buffering.isBlank()) {
            buffer = switch (buffering.trim().toLowerCase(Locale.ROOT)) {
                case "true", "on", "1", "yes" -> true;
                case "false", "off", "0", "no" -> false;
                default ->
                    throw new IllegalArgumentException(
                            "TICKSTOCK_BUFFERING must be true or false, was '" + buffering + "'");
            };
        }
        int history = (int) positiveNumber("TICKSTOCK_BROWSER_HISTORY", d.browserHistory());
        return new Delivery(minConfidence, buffer, history);
    }

    private static @Nullable Path path(String variable) {
        String v = System.getenv(variable);
        return v == null || v.isBlank() ? null : Path.of(v);
    }

    /**
     * The whole positive number in environment variable {@code name}, or {@code otherwise} when it is unset or blank.
     *
     * @throws IllegalArgumentException naming the variable when it is not a whole number from 1 to 2,147,483,647
     */
    static long positiveNumber(String name, long otherwise) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) return otherwise;
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number from 1 to 2147483647, was '" + value + "'");
    }
}
