package io.tickstock.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * When a load's warm-up is over: at least {@code minSeconds} have passed and the JIT compiled for less than
 * {@value #SETTLED_MS_PER_SEC} ms in the last second (summed over the compiler threads, from
 * {@link CompilationMXBean#getTotalCompilationTime}), or {@value #MAX_SECONDS} s have passed whatever the JIT does. On
 * this project's 2-core machine a fixed 5-s warm-up ended with the compilers still taking ~45 % of a core, and a
 * measurement started then reported the JIT's backlog (p99 in seconds) rather than the streaming path. Not
 * thread-safe: one measuring thread.
 */
final class JitSettled {
    static final long SETTLED_MS_PER_SEC = 20, MAX_SECONDS = 90;
    private final long minMillis;
    private long startMillis = -1, windowStartMillis, windowCompileMillis, settledAfterMillis = -1;

    /** @param minSeconds the least warm-up; 0: none at all (a smoke test measures from the start) */
    JitSettled(int minSeconds) {
        this.minMillis = minSeconds * 1000L;
    }

    /** Whether the warm-up is over at {@code nowMillis} (epoch ms); true from then on, and at once without a warm-up. */
    boolean settled(long nowMillis) {
        if (settledAfterMillis >= 0) return true;
        if (minMillis == 0) {
            settledAfterMillis = 0;
            return true;
        }
        if (startMillis < 0) {
            startMillis = windowStartMillis = nowMillis;
            windowCompileMillis = compileMillis();
        }
        if (nowMillis - windowStartMillis < 1_000) return false;
        long compiled = compileMillis() - windowCompileMillis,
                perSecond = compiled * 1_000 / (nowMillis - windowStartMillis);
        windowStartMillis = nowMillis;
        windowCompileMillis = compileMillis();
        long elapsed = nowMillis - startMillis;
        if ((elapsed >= minMillis && perSecond < SETTLED_MS_PER_SEC) || elapsed >= MAX_SECONDS * 1_000) {
            settledAfterMillis = elapsed;
            return true;
        }
        return false;
    }

    /** How long the warm-up took, ms; -1 while it goes on. */
    long warmupMillis() {
        return settledAfterMillis;
    }

    /** The JIT's total compile time so far, ms (0 when the JVM does not report it). */
    static long compileMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }
}
