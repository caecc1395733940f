package io.tickstock.app.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.contract.DeadLetters;
import io.tickstock.contract.IsoTime;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores every received indicator alert in {@code app_indicator_alerts}, idempotently (unique session, symbol,
 * type, time), on its own thread {@code tickstock-alerts}, so that a slow or absent PostgreSQL never blocks the
 * dispatcher. Alerts are written in batches of up to 500. A failure is classified by its SQLState
 * ({@link io.tickstock.contract.SqlFailure}): during an <b>outage</b> alerts stay queued (up to {@code capacity}, then counted as
 * dropped) and the batch is retried every second; an alert PostgreSQL rejects as data (class 22/23) is found by
 * halving the batch and set aside with its reason in a dead-letter file ({@link DeadLetters}), counted per
 * cause, while the others are written. {@link #store} may be called from any thread and never blocks.
 */
public final class AlertArchive implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertArchive.class);
    private static final int BATCH = 500;
    private static final long RETRY_MILLIS = 1_000;

    private final DataSource dataSource;
    private final DeadLetters rejected;
    private record Row(UUID sessionId, String alertType, String symbol, Timestamp time, String data, String severity) {
        /** The row as one line of the dead-letter file. */
        String line() {
            return io.tickstock.contract.Json.write(java.util.Arrays.asList(sessionId == null ? null : sessionId.toString(), alertType, symbol,
                    IsoTime.format(time.getTime()), data, severity));
        }
    }

    private final LinkedBlockingQueue<Row> queue;
    private final List<Row> batch = new ArrayList<>();
    private final AtomicLong stored = new AtomicLong(), dropped = new AtomicLong(), failures = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param capacity     alerts kept while PostgreSQL is unavailable
     * @param rejectedFile the dead-letter file of alerts PostgreSQL rejects (created when the first one comes)
     * @param clock        wall clock, epoch ms
     */
    public AlertArchive(DataSource dataSource, int capacity, Path rejectedFile, LongSupplier clock) {
        this.dataSource = dataSource;
        this.rejected = new DeadLetters(rejectedFile, 64L << 20, clock, (cause, reason, file) -> {});
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.thread = Thread.ofPlatform().name("tickstock-alerts").daemon().unstarted(this::run);
    }

    public AlertArchive start() {
        thread.start();
        return this;
    }

    /**
     * Queues the canonical {@code alert} object (symbol, alert_type, timestamp, data, severity, session_id), as
     * {@link io.tickstock.app.subscriber.MessageReader} checked it; a {@code session_id} that is not a UUID (a test
     * publisher's "test-session") is stored as NULL.
     *
     * @throws IllegalArgumentException when {@code timestamp} is not ISO-8601
     */
    public void store(JsonNode alert) {
        Row row = new Row(uuidOrNull(alert.path("session_id").asText(null)), alert.path("alert_type").asText(), alert.path("symbol").asText(),
                new Timestamp(IsoTime.parseMillis(alert.path("timestamp").asText())), alert.path("data").toString(),
                alert.path("severity").asText(null));
        if (!queue.offer(row)) {
            dropped.incrementAndGet();
            LOG.error("alert queue full ({} alerts waiting for PostgreSQL): alert dropped", queue.size());
        }
    }

    private static UUID uuidOrNull(String text) {
        if (text == null) return null;
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public long stored() { return stored.get(); }
    public long pending() { return queue.size() + batch.size(); }
    public long dropped() { return dropped.get(); }
    /** Failed write attempts during outages (each retried). */
    public long failures() { return failures.get(); }
    /** Alerts PostgreSQL rejected as data, set aside in the dead-letter file. */
    public long rejected() { return rejected.total(); }
    /** Alerts set aside, by cause ({@code "<SQLState> app_indicator_alerts"}). */
    public java.util.Map<String, Long> rejectedByCause() { return rejected.byCause(); }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Row first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) continue;
                    batch.add(first);
                }
                queue.drainTo(batch, BATCH - batch.size());
                writeOrSetAside(batch);
                batch.clear();
            } catch (SQLException | RuntimeException e) {
                if (failures.getAndIncrement() == 0 || !running) LOG.warn("storing {} alerts failed, retrying every second: {}", batch.size(), e.getMessage());
                if (!running) return;
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException ie) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Writes alerts; those PostgreSQL rejects as data are set aside ({@link DeadLetters#writeOrSetAside}). */
    private void writeOrSetAside(List<Row> alerts) throws SQLException {
        rejected.writeOrSetAside(alerts, this::write, a -> "app_indicator_alerts", Row::line);
    }

    private void write(List<Row> alerts) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO app_indicator_alerts (session_id, alert_type, symbol, alert_time, alert_data, severity) "
                        + "VALUES (?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT DO NOTHING")) {
            for (Row a : alerts) {
                ps.setObject(1, a.sessionId);
                ps.setString(2, a.alertType);
                ps.setString(3, a.symbol);
                ps.setTimestamp(4, a.time);
                ps.setString(5, a.data);
                ps.setString(6, a.severity);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        stored.addAndGet(alerts.size());
    }

    /** Writes what is queued (one attempt when PostgreSQL is down), then stops. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
