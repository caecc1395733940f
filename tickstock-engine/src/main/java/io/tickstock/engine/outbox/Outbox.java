package io.tickstock.engine.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded queue drained by its own thread in batches of up to {@code maxBatch} items. {@link #offer}
 * never blocks: when the queue is full the item is counted as dropped. A batch whose delivery throws is kept
 * and retried every second, in order, until it succeeds; the first failure and the recovery are reported to
 * the {@link OutageListener}. Trade-off: a batch that failed half-way is delivered again whole, so receivers
 * must tolerate repeats (PostgreSQL rows are idempotent; Redis subscribers see a repeat only after an outage).
 *
 * @param <T> the item type
 */
public final class Outbox<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    /** Delivers one batch, in order; throws to have it retried. */
    public interface Delivery<T> {
        void deliver(List<T> batch) throws Exception;
    }

    /** Outage transitions: {@code down} true on the first failure (with its reason), false on recovery. */
    public interface OutageListener {
        void outage(boolean down, String reason);
    }

    private final String name;
    private final BlockingQueue<T> queue;
    private final int maxBatch;
    private final Delivery<T> delivery;
    private final OutageListener onOutage;
    private final Thread thread;
    private final AtomicLong delivered = new AtomicLong(), dropped = new AtomicLong();
    private volatile boolean running = true, down;

    /** @param name names the thread ({@code tickstock-<name>}) and the log lines */
    public Outbox(String name, int capacity, int maxBatch, Delivery<T> delivery, OutageListener onOutage) {
        this.name = name;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.delivery = delivery;
        this.onOutage = onOutage;
        this.thread = Thread.ofPlatform().name("tickstock-" + name).daemon().unstarted(this::run);
    }

    public Outbox<T> start() {
        thread.start();
        return this;
    }

    /** Queues an item from any thread; false (counted as dropped) when full. Never blocks. */
    public boolean offer(T item) {
        if (queue.offer(item)) return true;
        dropped.incrementAndGet();
        return false;
    }

    public long delivered() { return delivered.get(); }
    public long dropped() { return dropped.get(); }
    public int pending() { return queue.size(); }
    public boolean isDown() { return down; }

    private void run() {
        List<T> batch = new ArrayList<>();
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    T first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) continue;
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                }
                delivery.deliver(batch);
                delivered.addAndGet(batch.size());
                batch.clear();
                if (down) {
                    down = false;
                    LOG.info("{}: delivery resumed", name);
                    onOutage.outage(false, "delivery resumed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                String reason = rootMessage(e);
                if (!down) {
                    down = true;
                    LOG.error("{}: delivery failed, retrying every second: {}", name, reason);
                    onOutage.outage(true, reason);
                }
                if (!running) return; // closing while the receiver is unreachable: give up
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** The innermost cause's message: what a person can act on. */
    public static String rootMessage(Throwable e) {
        while (e.getCause() != null) e = e.getCause();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Delivers what is queued (waiting up to {@code timeoutMillis}) and stops the thread. */
    public void close(long timeoutMillis) throws InterruptedException {
        running = false;
        thread.join(timeoutMillis);
    }

    @Override
    public void close() throws InterruptedException {
        close(10_000);
    }
}
