package io.tickstock.engine.store;

import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * One batch of history rows into PostgreSQL: per table, the rows are copied (COPY, CSV) into a temporary table and
 * merged by one idempotent statement ({@link Table}), all tables in one transaction. Within a batch the newest row per
 * unique key wins, and a pattern retracted after it was detected is deleted, so the result equals writing the rows
 * one by one. Pure apart from the database; any thread.
 */
final class BatchCopy {
    private BatchCopy() {}

    /**
     * Writes {@code rows} in one transaction: per table, COPY into its temporary table and merge.
     *
     * @return one persistence confirmation per confirmed table
     * @throws SQLException when PostgreSQL fails (the transaction is rolled back)
     */
    static List<Events.PersistenceBatch> write(DataSource dataSource, List<CopyRow> rows) throws SQLException {
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
        return confirmations;
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
}
