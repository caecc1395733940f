package io.tickstock.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The engine's memory as a user runs it: {@code ./tickstock engine --feed synthetic --symbols N} started through the
 * launcher (so with the launcher's heap limits), publishing to the given Redis (PostgreSQL: the engine's embedded one),
 * its resident set size sampled every second from {@code /proc/<pid>/status} (Linux). The launcher {@code exec}s Java,
 * so the process started is the JVM. Not thread-safe.
 */
final class EngineMemory {
    private EngineMemory() {}

    /**
     * Runs the engine for {@code seconds} and returns its largest RSS in MB; -1 when there is no launcher (the bench not
     * started by {@code ./tickstock}) or no {@code /proc}.
     *
     * @throws IOException when the engine cannot be started
     */
    static long rssMb(String redisUrl, int symbols, int seconds) throws IOException, InterruptedException {
        String home = System.getProperty("tickstock.home");
        if (home == null || !Files.isDirectory(Path.of("/proc/self"))) return -1;
        ProcessBuilder pb = new ProcessBuilder(List.of(
                        Path.of(home, "tickstock").toString(),
                        "engine",
                        "--feed",
                        "synthetic",
                        "--symbols",
                        String.valueOf(symbols),
                        "--metrics-port",
                        "-1"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("TICKSTOCK_REDIS_URL", redisUrl);
        pb.environment().remove("TICKSTOCK_HEAP");
        Process engine = pb.start();
        long maxKb = 0;
        try {
            Path status = Path.of("/proc", String.valueOf(engine.pid()), "status");
            for (int s = 0; s < seconds && engine.isAlive(); s++) {
                engine.waitFor(1, TimeUnit.SECONDS);
                maxKb = Math.max(maxKb, rssKb(status));
            }
            if (!engine.isAlive()) throw new IOException("the engine ended early (exit " + engine.exitValue() + ")");
        } finally {
            engine.destroy(); // SIGTERM: the engine stops its session and embedded servers
            if (!engine.waitFor(30, TimeUnit.SECONDS)) engine.destroyForcibly();
        }
        return maxKb >> 10;
    }

    private static long rssKb(Path status) {
        try {
            for (String line : Files.readAllLines(status))
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        } catch (IOException | NumberFormatException e) {
            // the process is gone or changing: no sample
        }
        return 0;
    }
}
