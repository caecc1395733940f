package io.tickstock.app.store;

import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.util.PGobject;

/**
 * A read-only query's rows as the REST API serves them: ordered maps keyed by column label, timestamps as ISO-8601
 * UTC text, {@code json}/{@code jsonb} columns parsed, numerics as doubles, UUIDs as text. Thread-safe (stateless).
 */
final class Queries {
    private Queries() {}

    static History.Rows table(DataSource dataSource, String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) columns.add(md.getColumnLabel(i));
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns.size(); i++) row.put(columns.get(i - 1), value(rs.getObject(i)));
                    rows.add(row);
                }
                return new History.Rows(columns, rows);
            }
        }
    }

    private static Object value(Object v) {
        if (v instanceof Timestamp t) return IsoTime.format(t.toInstant());
        if (v instanceof PGobject pg && pg.getValue() != null && pg.getType().startsWith("json"))
            return Json.read(pg.getValue());
        if (v instanceof BigDecimal d) return d.doubleValue();
        if (v instanceof UUID u) return u.toString();
        return v;
    }
}
