package io.tickstock.engine.store;

import io.tickstock.contract.DeadLetters;
import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Outbox;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes history rows to PostgreSQL on an {@link Outbox} thread: per batch and table, the rows are copied
 * (COPY, CSV) into a temporary table and merged by one idempotent statement ({@link Table}), all tables of
 * a batch in one transaction. Within a batch the newest row per unique key wins, and a pattern retracted
 * after it was detected is deleted, so the result equals writing the rows one by one.
 *
 * <p>A failure is classified by its SQLState ({@link io.tickstock.contract.SqlFailure}). An <b>outage</b> (connection lost, server
 * shutting down, out of resources): the failed batch and everything after it go to the on-disk {@link Spool}
 * (bounded; beyond it rows are counted as dropped), which is retried every second and written, in order,
 * before anything new once PostgreSQL answers; rows left in the spool by a previous run are written by
 * {@link #start()}. The outage and its end go to {@code onOutage}. A <b>bad row</b> (SQLState class 22 or 23:
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

    private final DataSource dataSource;
    private final Consumer<Events.PersistenceBatch> onBatch;
    private final Outbox.OutageListener onOutage;
    private final Spool spool;
    private final DeadLetters rejected;
    private final LongSupplier clock;
    private final Outbox<HistoryRow> outbox;
    private final AtomicLong written = new AtomicLong(), spoolDropped = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong(), delivered = new AtomicLong();
    private volatile boolean down;
    private long lastAttempt;

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
     * rejected): false while any of them waits, in memory or in the spool during an outage. Any thread. The scale-out
     * engine commits its Kafka offsets only when this holds.
     */
    public boolean isDurable(long mark) {
        return delivered.get() >= mark && spool.isEmpty() && !down;
    }

    /** Rows committed to PostgreSQL. */
    public long written() {
        return written.get();
    }
    /** Rows lost: queue full, or spool full during an outage. */
    public long dropped() {
        return outbox.dropped() + spoolDropped.get();
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

    private void deliver(List<HistoryRow> batch) throws IOException {
        try {
            deliverInOrder(batch);
        } finally {
            delivered.addAndGet(batch.size());
        }
    }

    private void deliverInOrder(List<HistoryRow> batch) throws IOException {
        List<CopyRow> rows = new ArrayList<>(batch.size());
        for (HistoryRow r : batch) rows.add(CopyRow.of(r));
        if (spool.isEmpty() && !down) {
            if (rows.isEmpty()) return;
            try {
                writeOrSetAside(rows);
                return;
            } catch (SQLException e) {
                wentDown(e);
            }
        }
        if (!rows.isEmpty() && !spool.append(rows)) { // all or nothing: a failed append leaves no partial batch
            spoolDropped.addAndGet(rows.size());
            LOG.error("spool {} full: {} rows dropped", spool.file(), rows.size());
        }
        if (clock.getAsLong() - lastAttempt >= RETRY_MILLIS) drainSpool();
    }

    /** Writes the spool, oldest first, until it is empty or PostgreSQL fails again. */
    private void drainSpool() {
        lastAttempt = clock.getAsLong();
        try {
            while (!spool.isEmpty()) {
                List<CopyRow> chunk =
                        spool.peek(MAX_BATCH, (line, reason) -> rejected.add("unreadable spool line", reason, line));
                if (!chunk.isEmpty()) writeOrSetAside(chunk);
                spool.remove(chunk.size());
            }
        } catch (SQLException e) {
            wentDown(e);
            return;
        } catch (IOException e) {
            LOG.error("cannot read the spool {}: {}", spool.file(), e.getMessage());
            return;
        }
        if (down) {
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

    /** One transaction: per table, COPY into its temporary table and merge. */
    private void write(List<CopyRow> rows) throws SQLException {
        Map<Table, Map<String, CopyRow>> byTable = latestPerKey(rows);
        List<Events.PersistenceBatch> confirmations = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (Map.Entry<Table, Map<String, CopyRow>> e : byTable.entrySet()) {
                    Table table = e.getKey();
                    List<CopyRow> group = List.copyOf(e.getValue().values());
                    long t0 = System.nanoTime();
                    st.execute(table.createTemporary());
                    StringBuilder csv = new StringBuilder(group.size() * 160);
                    for (CopyRow r : group) csv.append(r.csv()).append('\n');
                    try {
                        c.unwrap(PGConnection.class)
                                .getCopyAPI()
                                .copyIn(table.copy(), new StringReader(csv.toString()));
                    } catch (IOException io) {
                        throw new SQLException(
                                "COPY into " + table.temporaryTable() + " failed: " + io.getMessage(), io);
                    }
                    st.execute(table.merge());
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    if (table.confirmed()) {
                        confirmations.add(new Events.PersistenceBatch(
                                table.target,
                                group.size(),
                                IsoTime.format(group.getFirst().timeMillis()),
                                IsoTime.format(group.getLast().timeMillis()),
                                ms,
                                group.getFirst().sessionId()));
                    }
                }
            }
            c.commit(); // on an exception the pool's close() rolls the transaction back
        }
        written.addAndGet(rows.size());
        confirmations.forEach(onBatch);
    }

    /** Groups rows by table in apply order, the newest per unique key; a retraction cancels an earlier detection. */
    private static Map<Table, Map<String, CopyRow>> latestPerKey(List<CopyRow> rows) {
        Map<Table, Map<String, CopyRow>> byTable = new EnumMap<>(Table.class);
        for (CopyRow r : rows) {
            if (r.table() == Table.PATTERN_RETRACTED) {
                Map<String, CopyRow> detected = byTable.get(Table.PATTERN);
                if (detected != null) detected.remove(r.key());
            }
            byTable.computeIfAbsent(r.table(), t -> new LinkedHashMap<>()).put(r.key(), r);
        }
        return byTable;
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
