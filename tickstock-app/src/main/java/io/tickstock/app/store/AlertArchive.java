package io.tickstock.app.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.contract.IsoTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;
import javax.sql.DataSource;

/** Stores each received indicator alert in {@code app_indicator_alerts}, idempotently. Thread-safe. */
public final class AlertArchive {
    private final DataSource dataSource;

    public AlertArchive(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param alert the canonical {@code alert} object (symbol, alert_type, timestamp, data, severity, session_id)
     * @throws SQLException when PostgreSQL fails
     */
    public void store(JsonNode alert) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO app_indicator_alerts (session_id, alert_type, symbol, alert_time, alert_data, severity) "
                        + "VALUES (?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT DO NOTHING")) {
            String sid = alert.path("session_id").asText(null);
            ps.setObject(1, sid == null ? null : UUID.fromString(sid));
            ps.setString(2, alert.path("alert_type").asText());
            ps.setString(3, alert.path("symbol").asText());
            ps.setTimestamp(4, new Timestamp(IsoTime.parseMillis(alert.path("timestamp").asText())));
            ps.setString(5, alert.path("data").toString());
            ps.setString(6, alert.path("severity").asText(null));
            ps.executeUpdate();
        }
    }
}
