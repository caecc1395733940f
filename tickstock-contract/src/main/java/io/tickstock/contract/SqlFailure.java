package io.tickstock.contract;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * What a failed PostgreSQL statement means for the rows it carried, read from its SQLState class (PostgreSQL
 * manual, Appendix A "Error Codes"). Only classes 22 (data exception: a value too long, a number out of range,
 * a NUL byte, a date that does not parse) and 23 (integrity constraint violation) are the rows' fault: retrying
 * them can never succeed, so a writer sets them aside. Everything else (08 connection exception, 53 insufficient
 * resources, 57P operator intervention such as a server shutting down, 40 transaction rollback, a missing table,
 * a driver error without SQLState) is treated as an outage: the rows are kept and retried.
 */
public enum SqlFailure {
    /** The server, the network or the schema is at fault: keep the rows and retry. */
    OUTAGE,
    /** PostgreSQL rejects the data itself: set the row aside with its reason; never retry it. */
    BAD_ROW;

    /** Classifies an exception by the first SQLState found on it, its chained exceptions or its causes. */
    public static SqlFailure of(SQLException e) {
        String state = sqlState(e);
        return state != null && (state.startsWith("22") || state.startsWith("23")) ? BAD_ROW : OUTAGE;
    }

    /** The first non-null SQLState of {@code e}, its next exceptions and its causes; null when none has one. */
    public static @Nullable String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                for (SQLException n = s; n != null; n = n.getNextException()) {
                    if (n.getSQLState() != null) return n.getSQLState();
                }
            }
            if (t.getCause() == t) break;
        }
        return null;
    }
}
