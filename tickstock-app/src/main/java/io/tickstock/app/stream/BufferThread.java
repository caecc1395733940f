package io.tickstock.app.stream;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link StreamingBuffer}'s own thread: runs the deliveries queued for at once, in arrival order, and the flush every
 * {@code intervalMillis} between them. The queue is bounded ({@link #MAX_SENDS}); a full one refuses. A delivery that
 * throws is logged and the next one runs.
 */
final class BufferThread {
    private static final Logger LOG = LoggerFactory.getLogger(BufferThread.class);
    /** Most at-once deliveries waiting; beyond it {@link #offer} refuses. */
    static final int MAX_SENDS = 100_000;

    private final BlockingQueue<Runnable> sends = new LinkedBlockingQueue<>(MAX_SENDS);
    private final long intervalMillis;
    private final Runnable flush;
    private final Thread thread;
    private volatile boolean running = true;

    BufferThread(long intervalMillis, Runnable flush) {
        this.intervalMillis = intervalMillis;
        this.flush = flush;
        this.thread = Thread.ofPlatform().name("tickstock-buffer").daemon().unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Queues a delivery (any thread); false when the queue is full. */
    boolean offer(Runnable delivery) {
        return sends.offer(delivery);
    }

    private void run() {
        long intervalNanos = intervalMillis * 1_000_000, next = System.nanoTime() + intervalNanos;
        while (running) {
            Runnable send;
            try {
                send = sends.poll(Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                return;
            }
            try {
                if (send != null) send.run();
                if (System.nanoTime() - next >= 0) {
                    flush.run();
                    next = System.nanoTime() + intervalNanos;
                }
            } catch (RuntimeException e) {
                LOG.error("sending to the browsers failed", e);
            }
        }
    }

    /** Stops the thread (waiting up to 5 s), then runs what is still queued on the caller's thread. */
    void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runQueued();
    }

    /** Runs every queued delivery on the caller's thread (after {@link #close}). */
    void runQueued() {
        for (Runnable send; (send = sends.poll()) != null; ) send.run();
    }
}
