package io.tickstock.engine.health;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** This JVM process's CPU, memory and threads, as the operating system sees them. Thread-safe. */
public final class ProcessMetrics {
    private ProcessMetrics() {}

    /** Process CPU as a percentage of the whole machine (0–100) since the previous call; 0 if unknown. */
    public static double cpuPercent() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            double load = os.getProcessCpuLoad();
            return load < 0 ? 0 : load * 100;
        }
        return 0;
    }

    /** Resident set size in MB from /proc/self/status; the used heap when /proc is not there. */
    public static long memoryMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        } catch (IOException | NumberFormatException ignored) {
            // not Linux: fall back to the heap
        }
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }

    /** Heap in use, MB. */
    public static long heapMb() {
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }

    /** Live threads of the process. */
    public static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
