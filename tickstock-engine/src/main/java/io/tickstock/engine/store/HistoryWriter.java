package io.tickstock.engine.store;

import io.tickstock.contract.DeadLetters;
import io.tickstock.contract.Events;
import io.tickstock.contract.Outbox;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes history rows to PostgreSQL on an {@link Outbox} thread, each batch in one transaction ({@link BatchCopy}).
 *
 * <p>A failure is classified by its SQLState ({@link io.tickstock.contract.SqlFailure}). An <b>outage</b> (connection lost, server
 * shutting down, out of resources): the failed batch and everything after it go to the on-disk {@link Spool}
 * (bounded), which is retried every second and written, in order,
 * before anything new once PostgreSQL answers, a few chunks per batch so new rows never wait behind all of it; rows
 * left in the spool by a previous run are written by {@link #start()}. A spool that cannot take a batch (at its bound,
 * or a full disk) keeps the batch in memory and is tried again every second, after draining what it can; new rows
 * wait in the queue (beyond its capacity they are counted as dropped), and {@link #backlogged} tells writers to pause
 * meanwhile. The outage and its end go to {@code onOutage}. A <b>bad row</b> (SQLState class 22 or 23:
 * a value too long, a number out of range, a NUL byte): the batch is split in halves until the rejected rows
 * stand alone; the others are written and each rejected row is set aside with its reason in the dead-letter
 * file {@code <spool>.rejected} ({@link DeadLetters}), counted per cause, the first of each cause reported to
 * {@code onRejected}. So one bad row never stops what follows, in memory or in the spool.
 *
 * <p>{@link #write} never blocks the analytics and may be called from any thread; after each batch
 * {@code onBatch} gets one persistence confirmation per table.
 */
public final class HistoryWriter implements RowSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryWriter.class);
    private static final int MAX_BATCH = 5_000;
    private static final long RETRY_MILLIS = 1_000;
    /** Spool chunks written per batch while draining, so new rows never wait behind the whole spool. */
    private static final int DRAIN_CHUNKS = 4;

    private final DataSource dataSource;
    private final Consumer<Events.PersistenceBatch> onBatch;
    private final Outbox.OutageListener onOutage;
    private final Spool spool;
    private final DeadLetters rejected;
    private final LongSupplier clock;
    private final Outbox<HistoryRow> outbox;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong(), delivered = new AtomicLong();
    private volatile boolean down, appendFailing, backlogged;
    private long lastAttempt;
    private boolean drainWorked;
    private final int capacity;

    /** A new cause of rejected rows: {@code cause} is {@code "<SQLState> <table>"}, {@code file} the dead-letter file. */
    public interface RejectionListener {
        void rejected(String cause, String reason, Path file);
    }

    /**
     * @param spoolFile     where rows wait while PostgreSQL is unavailable (created if missing); rejected rows go to
     *                      the same path with {@code .rejected} appended
     * @param spoolMaxBytes the spool's bound (also the dead-letter file's)
     * @param clock         wall clock, epoch ms (paces the retries)
     * @param onRejected    called once per new cause of rejected rows (writer thread)
     */
    public HistoryWriter(
            DataSource dataSource,
            int capacity,
            Path spoolFile,
            long spoolMaxBytes,
            LongSupplier clock,
            Consumer<Events.PersistenceBatch> onBatch,
            Outbox.OutageListener onOutage,
            RejectionListener onRejected) {
        this.dataSource = dataSource;
        this.onBatch = onBatch;
        this.onOutage = onOutage;
        this.clock = clock;
        this.spool = new Spool(spoolFile, spoolMaxBytes);
        this.rejected = new DeadLetters(
                spoolFile.resolveSibling(spoolFile.getFileName() + ".rejected"),
                spoolMaxBytes,
                clock,
                onRejected::rejected);
        if (spool.tornBytes() > 0)
            LOG.warn(
                    "spool {}: cut {} bytes of a partial last line (an append interrupted by a crash)",
                    spoolFile,
                    spool.tornBytes());
        this.capacity = capacity;
        this.outbox = new Outbox<>("writer", capacity, MAX_BATCH, this::deliver, (d, reason) -> {});
    }

    /** Writes what an earlier run left in the spool (when PostgreSQL answers), then starts the writer thread. */
    public HistoryWriter start() {
        if (!spool.isEmpty()) {
            LOG.info("writing {} rows left in the spool {}", spool.rows(), spool.file());
            drainSpool();
        }
        outbox.start();
        return this;
    }

    /** Queues a row; returns false (and counts it dropped) when the queue is full. Never blocks. */
    @Override
    public boolean write(HistoryRow row) {
        boolean queued = outbox.offer(row);
        if (queued) accepted.incrementAndGet();
        return queued;
    }

    /** A durability barrier's mark: the rows queued so far. Any thread; pass it to {@link #isDurable} later. */
    public long durableMark() {
        return accepted.get();
    }

    /**
     * Whether every row queued before {@code mark} ({@link #durableMark}) is committed to PostgreSQL (or set aside as
     * rejected): false while any of them waits, in memory or in the spool during an outage, and for good once any row
     * was dropped (queue or spool full): the trades of a dropped row must be read again, so nothing after them may be
     * called durable. Any thread. The scale-out engine commits its Kafka offsets only when this holds.
     */
    public boolean isDurable(long mark) {
        return dropped() == 0 && delivered.get() >= mark && spool.isEmpty() && !down;
    }

    /**
     * Whether writers should stop handing rows: the spool or the queue more than three quarters full, or the spool
     * unable to take more (a full disk); it stays so until both are under half full and the spool takes rows again.
     * The scale-out engine pauses reading the trade log meanwhile (the log keeps the trades) instead of dropping rows.
     * Any thread.
     */
    public boolean backlogged() {
        double fill = fill();
        if (appendFailing || fill > 0.75) backlogged = true;
        else if (fill < 0.5) backlogged = false;
        return backlogged;
    }

    /** How full the writer is, 0 to 1: the fuller of the queue and the spool. Any thread. */
    public double fill() {
        return Math.max(spool.fill(), (double) outbox.pending() / capacity);
    }

    /** Rows committed to PostgreSQL. */
    public long written() {
        return written.get();
    }
    /** Rows lost: the queue was full (while the spool could take no more during an outage, or the database lagged). */
    public long dropped() {
        return outbox.dropped();
    }
    /** Rows waiting: in memory and in the spool. */
    public long pending() {
        return outbox.pending() + spool.rows();
    }
    /** Rows waiting in the on-disk spool. */
    public long spooled() {
        return spool.rows();
    }

    public boolean isDown() {
        return down;
    }
    /** Rows set aside: rejected by PostgreSQL, or spool lines that did not parse. */
    public long rejected() {
        return rejected.total();
    }
    /** Rows set aside, by cause ({@code "<SQLState> <table>"} or {@code "unreadable spool line"}). */
    public Map<String, Long> rejectedByCause() {
        return rejected.byCause();
    }
    /** The dead-letter file. */
    public Path rejectedFile() {
        return rejected.file();
    }

    /** A batch: delivered once written, spooled or dropped; a spool that cannot be written keeps it for a retry. */
    private void deliver(List<HistoryRow> batch) throws IOException {
        deliverInOrder(batch);
        appendFailing = false; // written, or spooled: the spool takes rows again
        delivered.addAndGet(batch.size());
    }

    private void deliverInOrder(List<HistoryRow> batch) throws IOException {
        List<CopyRow> rows = new ArrayList<>(batch.size());
        for (HistoryRow r : batch) rows.add(CopyRow.of(r));
        if (!spool.isEmpty() && (drainWorked || clock.getAsLong() - lastAttempt >= RETRY_MILLIS))
            drainSpool(DRAIN_CHUNKS); // first: it frees room, and once empty this batch goes straight in
        if (spool.isEmpty() && !down) {
            if (rows.isEmpty()) return;
            try {
                writeOrSetAside(rows);
                return;
            } catch (SQLException e) {
                wentDown(e);
            }
        }
        if (rows.isEmpty()) return;
        try {
            if (!spool.append(rows)) // all or nothing: a failed append leaves no partial batch
            throw new IOException("the spool is full (--spool-max-mb)");
        } catch (IOException e) { // full or a full disk: the batch is kept and tried again (the spool drained first)
            if (!appendFailing) LOG.error("cannot add to the spool {}: {}", spool.file(), e.getMessage());
            appendFailing = true;
            throw e;
        }
    }

    /** Writes the whole spool, oldest first, until it is empty or PostgreSQL fails again. */
    private void drainSpool() {
        drainSpool(Integer.MAX_VALUE);
    }

    /** Writes up to {@code chunks} chunks of the spool, oldest first, until it is empty or PostgreSQL fails again. */
    private void drainSpool(int chunks) {
        lastAttempt = clock.getAsLong();
        try {
            for (int n = 0; !spool.isEmpty() && n < chunks; n++) {
                List<CopyRow> chunk =
                        spool.peek(MAX_BATCH, (line, reason) -> rejected.add("unreadable spool line", reason, line));
                if (!chunk.isEmpty()) writeOrSetAside(chunk);
                spool.remove(chunk.size());
            }
        } catch (SQLException e) {
            drainWorked = false;
            wentDown(e);
            return;
        } catch (IOException e) {
            drainWorked = false;
            LOG.error("cannot read the spool {}: {}", spool.file(), e.getMessage());
            return;
        }
        drainWorked = true;
        if (down && spool.isEmpty()) {
            down = false;
            LOG.info("PostgreSQL writes resumed; spool empty");
            onOutage.outage(false, "PostgreSQL writes resumed");
        }
    }

    private void wentDown(SQLException e) {
        if (down) return;
        down = true;
        String reason = Outbox.rootMessage(e);
        LOG.error("PostgreSQL write failed, spooling to {} and retrying every second: {}", spool.file(), reason);
        onOutage.outage(true, reason);
    }

    /** Writes rows in order; those PostgreSQL rejects as data are set aside ({@link DeadLetters#writeOrSetAside}). */
    private void writeOrSetAside(List<CopyRow> rows) throws SQLException {
        rejected.writeOrSetAside(rows, this::write, r -> r.table().target, CopyRow::line);
    }

    /** One transaction ({@link BatchCopy}); then the confirmations. */
    private void write(List<CopyRow> rows) throws SQLException {
        List<Events.PersistenceBatch> confirmations = BatchCopy.write(dataSource, rows);
        written.addAndGet(rows.size());
        confirmations.forEach(onBatch);
    }

    /** Writes what is queued (waiting up to {@code timeoutMillis}), stops the thread and closes the spool. */
    public void close(long timeoutMillis) throws InterruptedException {
        outbox.close(timeoutMillis);
        try {
            spool.close();
        } catch (IOException e) {
            LOG.warn("closing the spool: {}", e.getMessage());
        }
        if (spool.rows() > 0)
            LOG.warn("{} rows stay in the spool {}; they are written at the next start", spool.rows(), spool.file());
    }

    @Override
    public void close() throws InterruptedException {
        close(10_000);
    }
}
