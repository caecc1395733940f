package io.tickstock.cli;

import io.tickstock.app.App;
import io.tickstock.app.AppConfig;
import io.tickstock.contract.DatabaseUrl;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/** Options of the dashboard app, shared by {@code demo} and {@code app}. */
public final class AppOptions {
    @Option(names = "--http-port", description = "Dashboard HTTP port; 0 = a free port (default: ${DEFAULT-VALUE}).", defaultValue = "8080")
    int httpPort;

    @Option(names = "--http-host", description = "Interface to listen on (default: ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
    String httpHost;

    /** Prints {@code dashboard: …} and, when the admin password was generated, the login line (once). */
    static void printDashboard(App app, PrintStream out) {
        out.println("dashboard: http://127.0.0.1:" + app.port() + "/streaming/");
        if (app.generatedAdminPassword() != null) {
            out.println("login: admin / " + app.generatedAdminPassword() + "   (generated now; set TICKSTOCK_ADMIN_PASSWORD to choose it)");
        }
        out.flush();
    }

    AppConfig appConfig(String redisUrl, DatabaseUrl db) {
        String interval = System.getenv("TICKSTOCK_BUFFER_INTERVAL_MS");
        long bufferMs = interval == null || interval.isBlank() ? AppConfig.DEFAULT_BUFFER_INTERVAL_MS : Long.parseLong(interval.trim());
        String outbox = System.getenv("TICKSTOCK_WS_OUTBOX_FRAMES");
        int outboxFrames = outbox == null || outbox.isBlank() ? AppConfig.DEFAULT_OUTBOX_FRAMES : Integer.parseInt(outbox.trim());
        return new AppConfig(redisUrl, db, httpHost, httpPort, bufferMs, System.getenv("TICKSTOCK_ADMIN_PASSWORD"),
                System.getenv("TICKSTOCK_METRICS_TOKEN"), outboxFrames);
    }
}
