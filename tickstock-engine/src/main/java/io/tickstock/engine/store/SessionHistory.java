package io.tickstock.engine.store;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.bars.MarketSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads what an interrupted engine left in PostgreSQL, so a restarted one can resume: the open session (no
 * {@code stopped_at}), its totals and its bars from {@code ohlcv_1min}. Called at start-up, before the
 * writer runs; blocking JDBC.
 */
public final class SessionHistory {
    /** A session that was never stopped; times epoch ms. */
    public record OpenSession(
            String sessionId,
            String universe,
            long startedAtMillis,
            int symbolCount,
            String triggerType,
            long patterns,
            long indicators) {}

    private final DataSource dataSource;

    public SessionHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The newest open session of this universe, with its stored pattern and indicator counts.
     *
     * @throws IllegalStateException naming the query when PostgreSQL fails
     */
    public Optional<OpenSession> openSession(String universe) {
        String sql = "SELECT s.session_id, s.universe, s.started_at, s.symbol_count, s.trigger_type, "
                + "(SELECT count(*) FROM intraday_patterns p WHERE p.session_id = s.session_id), "
                + "(SELECT count(*) FROM intraday_indicators i WHERE i.session_id = s.session_id) "
                + "FROM streaming_sessions s WHERE s.stopped_at IS NULL AND s.universe = ? ORDER BY s.started_at DESC LIMIT 1";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, universe);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(openSession(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read open sessions: " + e.getMessage(), e);
        }
    }

    /**
     * A session by id, stopped or not, with its stored counts; empty when there is no such session.
     *
     * @throws IllegalStateException naming the query when PostgreSQL fails
     */
    public Optional<OpenSession> session(String sessionId) {
        String sql = "SELECT s.session_id, s.universe, s.started_at, s.symbol_count, s.trigger_type, 0, 0 "
                + "FROM streaming_sessions s WHERE s.session_id = ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UUID.fromString(sessionId));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(openSession(rs)) : Optional.empty();
            }
        } catch (SQLException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read session " + sessionId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether the session has no {@code stopped_at} yet.
     *
     * @throws IllegalStateException naming the query when PostgreSQL fails
     */
    public boolean isOpen(String sessionId) {
        String sql = "SELECT 1 FROM streaming_sessions WHERE session_id = ? AND stopped_at IS NULL";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UUID.fromString(sessionId));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read session " + sessionId + ": " + e.getMessage(), e);
        }
    }

    /** The session of a row: id, universe, started_at, symbol_count, trigger_type, patterns, indicator values. */
    private static OpenSession openSession(ResultSet rs) throws SQLException {
        return new OpenSession(
                rs.getString(1),
                rs.getString(2),
                rs.getTimestamp(3).getTime(),
                rs.getInt(4),
                rs.getString(5),
                rs.getLong(6),
                rs.getLong(7));
    }

    /**
     * The session's stored pattern and indicator rows: its totals when several engines wrote it.
     *
     * @return {patterns, indicator values}
     * @throws IllegalStateException naming the query when PostgreSQL fails
     */
    public long[] storedCounts(String sessionId) {
        String sql = "SELECT (SELECT count(*) FROM intraday_patterns WHERE session_id = ?), "
                + "(SELECT count(*) FROM intraday_indicators WHERE session_id = ?)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UUID.fromString(sessionId));
            ps.setObject(2, UUID.fromString(sessionId));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the rows of session " + sessionId + ": " + e.getMessage(), e);
        }
    }

    /** The session's bars, by symbol then time, as they were published (OHLC at the table's 4 decimals). */
    public List<Bar> bars(String sessionId) {
        String sql = "SELECT symbol, ts, open, high, low, close, volume, vwap, trade_count, filled FROM ohlcv_1min "
                + "WHERE session_id = ? ORDER BY symbol, ts";
        List<Bar> bars = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UUID.fromString(sessionId));
            ps.setFetchSize(10_000);
            c.setAutoCommit(false); // lets the driver stream with the fetch size
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long start = rs.getTimestamp(2).getTime();
                    bars.add(new Bar(
                            rs.getString(1),
                            start,
                            rs.getDouble(3),
                            rs.getDouble(4),
                            rs.getDouble(5),
                            rs.getDouble(6),
                            rs.getLong(7),
                            rs.getDouble(8),
                            rs.getLong(9),
                            MarketSession.of(start),
                            rs.getBoolean(10)));
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the bars of session " + sessionId + ": " + e.getMessage(), e);
        }
        return bars;
    }

    /** Marks a session that cannot be resumed as failed, stopped at its last bar's end (or now without bars). */
    public void abandon(String sessionId, long nowMillis) {
        String sql = "UPDATE streaming_sessions s SET final_status = 'failed', stopped_at = COALESCE("
                + "(SELECT max(ts) + interval '1 minute' FROM ohlcv_1min b WHERE b.session_id = s.session_id), ?) "
                + "WHERE s.session_id = ? AND s.stopped_at IS NULL";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, new Timestamp(nowMillis));
            ps.setObject(2, UUID.fromString(sessionId));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close session " + sessionId + ": " + e.getMessage(), e);
        }
    }
}
