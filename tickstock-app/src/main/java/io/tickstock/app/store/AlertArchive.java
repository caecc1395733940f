package io.tickstock.app.store;

import io.tickstock.contract.DeadLetters;
import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import io.tickstock.contract.Outbox;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores every received indicator alert in {@code app_indicator_alerts}, idempotently (unique session, symbol, type,
 * time), through an {@link Outbox} (thread {@code tickstock-alerts}), so that a slow or absent PostgreSQL never blocks
 * the dispatcher. Alerts are written in batches of up to 500. A failure is classified by its SQLState
 * ({@link io.tickstock.contract.SqlFailure}): during an <b>outage</b> alerts stay queued (up to {@code capacity}, then
 * counted as dropped) and the batch is retried every second; an alert PostgreSQL rejects as data (class 22/23) is set
 * aside with its reason in a dead-letter file ({@link DeadLetters#writeOrSetAside}), counted per cause, while the
 * others are written. {@link #store} may be called from any thread and never blocks.
 */
public final class AlertArchive implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertArchive.class);
    private static final int BATCH = 500;

    private record Row(
            @Nullable UUID sessionId,
            String alertType,
            String symbol,
            Timestamp time,
            String data,
            @Nullable String severity) {
        /** The row as one line of the dead-letter file. */
        String line() {
            return Json.write(Arrays.asList(
                    sessionId == null ? null : sessionId.toString(),
                    alertType,
                    symbol,
                    IsoTime.format(time.getTime()),
                    data,
                    severity));
        }
    }

    private final DataSource dataSource;
    private final DeadLetters rejected;
    private final Outbox<Row> outbox;
    private final AtomicLong stored = new AtomicLong(), outages = new AtomicLong();

    /**
     * @param capacity     alerts kept while PostgreSQL is unavailable
     * @param rejectedFile the dead-letter file of alerts PostgreSQL rejects (created when the first one comes)
     * @param clock        wall clock, epoch ms
     */
    public AlertArchive(DataSource dataSource, int capacity, Path rejectedFile, LongSupplier clock) {
        this.dataSource = dataSource;
        this.rejected = new DeadLetters(rejectedFile, 64L << 20, clock, (cause, reason, file) -> {});
        this.outbox = new Outbox<>("alerts", capacity, BATCH, this::deliver, (down, reason) -> {
            if (down) outages.incrementAndGet();
        });
    }

    public AlertArchive start() {
        outbox.start();
        return this;
    }

    /**
     * Queues the contract's indicator alert, as
     * {@link io.tickstock.app.subscriber.MessageReader} checked it; a {@code session_id} that is not a UUID (a test
     * publisher's "test-session") is stored as NULL. A full queue counts the alert as dropped.
     *
     * @throws IllegalArgumentException when {@code timestamp} is not ISO-8601
     */
    public void store(Events.IndicatorAlert alert) {
        Row row = new Row(
                uuidOrNull(alert.sessionId()),
                alert.alertType(),
                alert.symbol(),
                new Timestamp(IsoTime.parseMillis(alert.timestamp())),
                Json.write(alert.data()),
                alert.severity());
        if (!outbox.offer(row) && outbox.dropped() == 1) {
            LOG.error(
                    "alert queue full ({} alerts waiting for PostgreSQL): alerts are dropped and counted",
                    outbox.pending());
        }
    }

    private static @Nullable UUID uuidOrNull(@Nullable String text) {
        if (text == null) return null;
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public long stored() {
        return stored.get();
    }

    public long pending() {
        return outbox.pending();
    }

    public long dropped() {
        return outbox.dropped();
    }
    /** Outages of PostgreSQL seen while storing (each retried every second until it ended). */
    public long failures() {
        return outages.get();
    }
    /** Alerts PostgreSQL rejected as data, set aside in the dead-letter file. */
    public long rejected() {
        return rejected.total();
    }
    /** Alerts set aside, by cause ({@code "<SQLState> app_indicator_alerts"}). */
    public Map<String, Long> rejectedByCause() {
        return rejected.byCause();
    }

    private void deliver(List<Row> batch) throws SQLException {
        if (!batch.isEmpty()) rejected.writeOrSetAside(batch, this::write, a -> "app_indicator_alerts", Row::line);
    }

    private void write(List<Row> alerts) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
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

    /** Writes what is queued (waiting up to 5 s; one attempt when PostgreSQL is down), then stops. */
    @Override
    public void close() throws InterruptedException {
        outbox.close(5_000);
    }
}
