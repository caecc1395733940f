package io.tickstock.contract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded, coalescing queue drained by its own thread in batches of up to {@code maxBatch} items.
 * {@link #offer} never blocks. Items with a series key (from {@code seriesKey}, e.g. an indicator value of
 * one symbol and series) may be superseded: when the queue is full, every queued keyed item moves to a
 * latest-per-series table (a newer value replaces an older one: counted as coalesced), which frees room for
 * items without a key (patterns, alerts, bars), kept in order until the queue holds {@code capacity} of
 * them; beyond that they are counted as dropped. The table drains after the queue, so a coalesced value
 * may arrive after events queued later than it.
 *
 * <p>A batch whose delivery throws is kept and retried every second, in order, until it succeeds; the first
 * failure and the recovery go to the {@link OutageListener}. When the queue stays empty for 200 ms the
 * delivery is called with an empty batch (a tick for receivers that retry on their own, like the disk
 * spool). Trade-off: a batch that failed half-way is delivered again whole, so receivers must tolerate
 * repeats (PostgreSQL rows are idempotent; Redis subscribers see a repeat only after an outage).
 *
 * @param <T> the item type
 */
public final class Outbox<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final long IDLE_MILLIS = 200, RETRY_MILLIS = 1_000;

    /** Delivers one batch, in order; throws to have it retried. An empty batch is an idle tick. */
    public interface Delivery<T> {
        void deliver(List<T> batch) throws Exception;
    }

    /** Outage transitions: {@code down} true on the first failure (with its reason), false on recovery. */
    public interface OutageListener {
        void outage(boolean down, String reason);
    }

    private final String name;
    private final int capacity, maxBatch;
    private final Function<T, @Nullable String> seriesKey;
    private final Delivery<T> delivery;
    private final OutageListener onOutage;
    private final Thread thread;
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    private final LinkedHashMap<String, T> latest = new LinkedHashMap<>();
    private int keyedInQueue;
    private final AtomicLong delivered = new AtomicLong(), dropped = new AtomicLong(), coalesced = new AtomicLong();
    private volatile boolean running = true, down;

    /**
     * @param name      names the thread ({@code tickstock-<name>}) and the log lines
     * @param seriesKey an item's series for coalescing, or null for an item that must be kept
     */
    public Outbox(
            String name,
            int capacity,
            int maxBatch,
            Function<T, @Nullable String> seriesKey,
            Delivery<T> delivery,
            OutageListener onOutage) {
        if (capacity < 1 || maxBatch < 1) throw new IllegalArgumentException("capacity and maxBatch must be positive");
        this.name = name;
        this.capacity = capacity;
        this.maxBatch = maxBatch;
        this.seriesKey = seriesKey;
        this.delivery = delivery;
        this.onOutage = onOutage;
        this.thread = Thread.ofPlatform().name("tickstock-" + name).daemon().unstarted(this::run);
    }

    /** An outbox without coalescing: when full, every new item is dropped. */
    public Outbox(String name, int capacity, int maxBatch, Delivery<T> delivery, OutageListener onOutage) {
        this(name, capacity, maxBatch, item -> null, delivery, onOutage);
    }

    public Outbox<T> start() {
        thread.start();
        return this;
    }

    /** Queues an item from any thread; false (counted as dropped) when it cannot be kept. Never blocks. */
    public boolean offer(T item) {
        String key = seriesKey.apply(item);
        synchronized (this) {
            if (queue.size() >= capacity && keyedInQueue > 0) compact();
            if (key != null && !latest.isEmpty() && latest.containsKey(key)) { // its series waits in the table
                latest.put(key, item);
                coalesced.incrementAndGet();
                return true;
            }
            if (queue.size() < capacity) {
                queue.addLast(item);
                if (key != null) keyedInQueue++;
                if (queue.size() == 1) notifyAll();
                return true;
            }
            if (key != null && latest.size() < capacity) {
                latest.put(key, item);
                return true;
            }
        }
        dropped.incrementAndGet();
        return false;
    }

    /** Moves every queued keyed item to the latest-per-series table; caller holds the lock. */
    private void compact() {
        for (Iterator<T> it = queue.iterator(); it.hasNext(); ) {
            T item = it.next();
            String key = seriesKey.apply(item);
            if (key == null) continue;
            it.remove();
            if (latest.remove(key) != null) coalesced.incrementAndGet();
            latest.put(key, item);
        }
        keyedInQueue = 0;
    }

    public long delivered() {
        return delivered.get();
    }

    public long dropped() {
        return dropped.get();
    }
    /** Items superseded by a newer value of their series while waiting. */
    public long coalesced() {
        return coalesced.get();
    }

    public synchronized int pending() {
        return queue.size() + latest.size();
    }

    public boolean isDown() {
        return down;
    }

    /** Takes up to {@code maxBatch} items, waiting up to the idle time; queue first, then the table. */
    private synchronized void take(List<T> batch) throws InterruptedException {
        long left = TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS), until = System.nanoTime() + left;
        while (running
                && queue.isEmpty()
                && latest.isEmpty()
                && left > 0) { // woken early (offer, close or spuriously): look again
            TimeUnit.NANOSECONDS.timedWait(this, left);
            left = until - System.nanoTime();
        }
        while (batch.size() < maxBatch && !queue.isEmpty()) {
            T item = queue.pollFirst();
            if (seriesKey.apply(item) != null) keyedInQueue--;
            batch.add(item);
        }
        for (Iterator<T> it = latest.values().iterator(); batch.size() < maxBatch && it.hasNext(); ) {
            batch.add(it.next());
            it.remove();
        }
    }

    private synchronized boolean isEmpty() {
        return queue.isEmpty() && latest.isEmpty();
    }

    private void run() {
        List<T> batch = new ArrayList<>();
        while (running || !isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) take(batch);
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
                    Thread.sleep(RETRY_MILLIS);
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
        synchronized (this) {
            notifyAll();
        }
        thread.join(timeoutMillis);
    }

    @Override
    public void close() throws InterruptedException {
        close(10_000);
    }
}
