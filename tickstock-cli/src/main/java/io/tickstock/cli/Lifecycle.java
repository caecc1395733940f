package io.tickstock.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes what a command started, newest first, exactly once: on normal return or on Ctrl-C / SIGTERM
 * (from a shutdown hook). {@link #awaitShutdown()} blocks the command until the process is stopped.
 */
final class Lifecycle implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final Thread hook = new Thread(this::closeAll, "tickstock-shutdown");
    private volatile boolean stopping;
    private final AtomicReference<java.util.concurrent.@Nullable CountDownLatch> feed = new AtomicReference<>();

    Lifecycle() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    <T extends AutoCloseable> T add(T resource) {
        synchronized (resources) {
            resources.push(resource);
        }
        return resource;
    }

    /** Blocks until the JVM is asked to stop (Ctrl-C); the shutdown hook then closes everything. */
    void awaitShutdown() throws InterruptedException {
        Thread.currentThread().join();
    }

    /** Whether Ctrl-C / SIGTERM (or the end of the command) asked everything to stop. */
    boolean stopping() {
        return stopping;
    }

    /**
     * Runs a feed loop that polls {@link #stopping()}; on Ctrl-C the shutdown hook waits (up to 5 s) for it
     * to return — its session stopped and published — before closing the engine and servers under it.
     */
    <T> T runFeed(Callable<T> loop) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        feed.set(done);
        try {
            return loop.call();
        } finally {
            done.countDown();
        }
    }

    private synchronized void closeAll() { // one closer at a time: the hook and a returning command must not interleave
        stopping = true;
        CountDownLatch running = feed.getAndSet(null);
        if (running != null) {
            try {
                if (!running.await(5, TimeUnit.SECONDS)) LOG.warn("feed loop did not stop within 5 s; closing anyway");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        while (true) {
            AutoCloseable r;
            synchronized (resources) {
                r = resources.poll();
            }
            if (r == null) return;
            try {
                r.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", r.getClass().getSimpleName(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closeAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
    }
}
