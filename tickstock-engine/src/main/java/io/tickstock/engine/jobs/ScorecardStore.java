package io.tickstock.engine.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The {@code pattern_scorecard} table (contract migration {@code db/integration/V6}): a symbol's forward-return table
 * ({@link io.tickstock.engine.backtest.ForwardReturns#table()}) replaces its earlier one in one transaction. Thread-safe.
 */
public final class ScorecardStore {
    private final DataSource dataSource;

    public ScorecardStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Scores {@code bars} (one symbol's, oldest first; every pattern's forward returns, {@link
     * io.tickstock.engine.backtest.ForwardReturns}) and replaces the symbol's rows; @return the rows stored
     */
    public int score(String timeframe, String symbol, List<io.tickstock.engine.bars.Bar> bars) throws SQLException {
        if (bars.isEmpty()) return 0;
        io.tickstock.engine.backtest.ForwardReturns forward = new io.tickstock.engine.backtest.ForwardReturns(
                io.tickstock.engine.backtest.PatternFilter.of(List.of()));
        forward.add(symbol, bars, io.tickstock.engine.backtest.SignalScanner.scan(bars));
        List<Map<String, Object>> rows = forward.table();
        replace(
                timeframe,
                symbol,
                rows,
                bars.getFirst().startMillis(),
                bars.getLast().startMillis());
        return rows.size();
    }

    /**
     * Replaces the rows of {@code symbol} and {@code timeframe} with {@code rows} (keys pattern, direction,
     * horizon_bars, count, mean_return, hit_rate) computed over bars from {@code firstMillis} to {@code lastMillis}.
     */
    public void replace(
            String timeframe, String symbol, List<Map<String, Object>> rows, long firstMillis, long lastMillis)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del =
                            c.prepareStatement("DELETE FROM pattern_scorecard WHERE timeframe = ? AND symbol = ?");
                    PreparedStatement ins =
                            c.prepareStatement("INSERT INTO pattern_scorecard (timeframe, symbol, pattern, "
                                    + "direction, horizon_bars, count, mean_return, hit_rate, first_bar, last_bar) "
                                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                del.setString(1, timeframe);
                del.setString(2, symbol);
                del.executeUpdate();
                for (Map<String, Object> r : rows) {
                    ins.setString(1, timeframe);
                    ins.setString(2, symbol);
                    ins.setString(3, String.valueOf(r.get("pattern")));
                    ins.setString(4, String.valueOf(r.get("direction")));
                    ins.setInt(5, ((Number) java.util.Objects.requireNonNull(r.get("horizon_bars"))).intValue());
                    ins.setLong(6, ((Number) java.util.Objects.requireNonNull(r.get("count"))).longValue());
                    ins.setObject(7, r.get("mean_return"));
                    ins.setObject(8, r.get("hit_rate"));
                    ins.setTimestamp(9, new Timestamp(firstMillis));
                    ins.setTimestamp(10, new Timestamp(lastMillis));
                    ins.addBatch();
                }
                ins.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
