package io.tickstock.app.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.contract.Events;
import io.tickstock.contract.IntegrationLog;
import io.tickstock.contract.LogText;
import io.tickstock.contract.Outbox;
import io.tickstock.contract.SqlFailure;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's side of the legacy integration log (the legacy {@code integration_events} checkpoints): {@code EVENT_RECEIVED}, {@code EVENT_PARSED}
 * and {@code WEBSOCKET_DELIVERED} per pattern {@code flow_id}, written through
 * {@code log_integration_event} (one statement per batch over arrays) through an {@link Outbox} (thread
 * {@code tickstock-checkpoints}). {@link #log} never blocks: a full queue counts the checkpoint as dropped; while
 * PostgreSQL is away batches are retried every second; a batch PostgreSQL rejects as data is counted, logged once per
 * reason and skipped (the log is diagnostic; the events themselves are not affected). Thread-safe.
 */
public final class IntegrationCheckpoints implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IntegrationCheckpoints.class);
    private static final String SQL =
            "SELECT count(log_integration_event(f, 'pattern_detected', '" + IntegrationLog.CONSUMER
                    + "', cp, ch, sym, pat, conf, uc, jsonb_build_object('timestamp', ts))) "
                    + "FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::numeric[], ?::int[], ?::float8[]) "
                    + "AS t(f, cp, ch, sym, pat, conf, uc, ts)";

    /** One checkpoint; {@code atMillis} epoch ms; {@code userCount} null except for deliveries. */
    public record Checkpoint(
            @Nullable String flowId,
            String checkpoint,
            String channel,
            @Nullable String symbol,
            @Nullable String pattern,
            double confidence,
            @Nullable Integer userCount,
            long atMillis) {}

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private final DataSource dataSource;
    private final Outbox<Checkpoint> outbox =
            new Outbox<>("checkpoints", 100_000, 5_000, this::deliver, (down, reason) -> {});
    private final AtomicLong written = new AtomicLong(), failed = new AtomicLong();
    private final Map<String, Boolean> reasonsLogged = new ConcurrentHashMap<>();

    public IntegrationCheckpoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public IntegrationCheckpoints start() {
        outbox.start();
        return this;
    }

    /** Queues a checkpoint from any thread; never blocks. A flow id that is not a UUID is skipped (it would fail its batch). */
    public void log(Checkpoint c) {
        if (c.flowId() == null || !UUID_FORM.matcher(c.flowId()).matches()) return;
        outbox.offer(c);
    }

    /**
     * {@code EVENT_RECEIVED} (at {@code receivedAtMillis}, or {@code nowMillis} when not known) and {@code EVENT_PARSED}
     * (at {@code nowMillis}) for a legacy pattern envelope's {@code data}; a flow without {@code flow_id} is skipped.
     */
    public void received(String channel, JsonNode data, long receivedAtMillis, long nowMillis) {
        String flow = data.path("flow_id").asText(null);
        for (String cp : List.of(IntegrationLog.EVENT_RECEIVED, IntegrationLog.EVENT_PARSED)) {
            log(new Checkpoint(
                    flow,
                    cp,
                    channel,
                    data.path("symbol").asText(null),
                    data.path("pattern").asText(null),
                    data.path("confidence").asDouble(),
                    null,
                    cp.equals(IntegrationLog.EVENT_RECEIVED) && receivedAtMillis > 0 ? receivedAtMillis : nowMillis));
        }
    }

    /** {@code WEBSOCKET_DELIVERED} for the patterns (detections) that carry {@code metadata.flow_id}, with the browsers connected. */
    public void delivered(List<Events.PatternDetection> patterns, int browsers, long nowMillis) {
        for (Events.PatternDetection p : patterns) {
            if (!(p.metadata().get("flow_id") instanceof String flow)) continue;
            log(new Checkpoint(
                    flow,
                    IntegrationLog.WEBSOCKET_DELIVERED,
                    "/streaming/ws",
                    p.symbol(),
                    p.patternType(),
                    p.confidence(),
                    browsers,
                    nowMillis));
        }
    }

    public long written() {
        return written.get();
    }

    public long dropped() {
        return outbox.dropped();
    }

    public long failed() {
        return failed.get();
    }

    /** Writes a batch; one PostgreSQL rejects as data is counted and skipped, an outage is retried by the outbox. */
    private void deliver(List<Checkpoint> batch) throws SQLException {
        if (batch.isEmpty()) return;
        try {
            write(batch);
            written.addAndGet(batch.size());
        } catch (SQLException e) {
            if (SqlFailure.of(e) == SqlFailure.OUTAGE) throw e;
            failed.addAndGet(batch.size());
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (reasonsLogged.putIfAbsent(reason, true) == null) {
                LOG.warn(
                        "integration checkpoints not written ({} in this batch): {}",
                        batch.size(),
                        LogText.quote(reason));
            }
        }
    }

    private void write(List<Checkpoint> batch) throws SQLException {
        int n = batch.size();
        Object[] flow = new Object[n], cp = new Object[n], ch = new Object[n], conf = new Object[n], ts = new Object[n];
        @Nullable Object[] sym = new Object[n], pat = new Object[n], users = new Object[n]; // SQL NULL where absent
        for (int i = 0; i < n; i++) {
            Checkpoint c = batch.get(i);
            flow[i] = UUID.fromString(c.flowId());
            cp[i] = c.checkpoint();
            ch[i] = c.channel();
            sym[i] = c.symbol();
            pat[i] = c.pattern();
            conf[i] = c.confidence();
            users[i] = c.userCount();
            ts[i] = c.atMillis() / 1000.0;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SQL)) {
            Array[] arrays = {
                c.createArrayOf("uuid", flow),
                c.createArrayOf("text", cp),
                c.createArrayOf("text", ch),
                c.createArrayOf("text", sym),
                c.createArrayOf("text", pat),
                c.createArrayOf("numeric", conf),
                c.createArrayOf("int4", users),
                c.createArrayOf("float8", ts)
            };
            for (int i = 0; i < arrays.length; i++) ps.setArray(i + 1, arrays[i]);
            ps.executeQuery().close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        outbox.close(5_000);
    }
}
