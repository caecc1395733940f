package io.tickstock.engine.jobs;

import io.tickstock.contract.Adjustment;
import io.tickstock.engine.adjustment.AdjustedBars;
import io.tickstock.engine.backtest.ForwardReturns;
import io.tickstock.engine.backtest.PatternFilter;
import io.tickstock.engine.backtest.SignalScanner;
import io.tickstock.engine.bars.Bar;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The {@code pattern_scorecard} table (contract migrations {@code db/integration/V6}, {@code V7}): a symbol's forward-return table
 * ({@link io.tickstock.engine.backtest.ForwardReturns#table()}) replaces its earlier one in one transaction. Thread-safe.
 */
public final class ScorecardStore {
    private final DataSource dataSource;

    public ScorecardStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Scores {@code adjusted} (one symbol's bars, oldest first; every pattern's forward returns, {@link ForwardReturns},
     * none across a split-like gap) and replaces the symbol's rows; @return the rows stored
     */
    public int score(String timeframe, String symbol, AdjustedBars adjusted) throws SQLException {
        List<Bar> bars = adjusted.bars();
        if (bars.isEmpty()) return 0;
        ForwardReturns forward = new ForwardReturns(PatternFilter.of(List.of()));
        forward.add(symbol, bars, SignalScanner.scan(bars), adjusted.gapIndices());
        List<Map<String, Object>> rows = forward.table();
        replace(
                timeframe,
                symbol,
                adjusted.applied(),
                rows,
                bars.getFirst().startMillis(),
                bars.getLast().startMillis());
        return rows.size();
    }

    /**
     * Replaces the rows of {@code symbol} and {@code timeframe} with {@code rows} ({@link ForwardReturns#table()}'s
     * keys) computed over bars from {@code firstMillis} to {@code lastMillis} under {@code adjustment}.
     */
    public void replace(
            String timeframe,
            String symbol,
            Adjustment adjustment,
            List<Map<String, Object>> rows,
            long firstMillis,
            long lastMillis)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del =
                            c.prepareStatement("DELETE FROM pattern_scorecard WHERE timeframe = ? AND symbol = ?");
                    PreparedStatement ins =
                            c.prepareStatement("INSERT INTO pattern_scorecard (timeframe, symbol, pattern, "
                                    + "direction, horizon_bars, count, mean_return, hit_rate, first_bar, last_bar, "
                                    + "hit_rate_low, hit_rate_high, base_hit_rate, edge, adjustment) "
                                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                del.setString(1, timeframe);
                del.setString(2, symbol);
                del.executeUpdate();
                for (Map<String, Object> r : rows) {
                    ins.setString(1, timeframe);
                    ins.setString(2, symbol);
                    ins.setString(3, String.valueOf(r.get("pattern")));
                    ins.setString(4, String.valueOf(r.get("direction")));
                    ins.setInt(5, ((Number) Objects.requireNonNull(r.get("horizon_bars"))).intValue());
                    ins.setLong(6, ((Number) Objects.requireNonNull(r.get("count"))).longValue());
                    ins.setObject(7, r.get("mean_return"));
                    ins.setObject(8, r.get("hit_rate"));
                    ins.setTimestamp(9, new Timestamp(firstMillis));
                    ins.setTimestamp(10, new Timestamp(lastMillis));
                    ins.setObject(11, r.get("hit_rate_low"));
                    ins.setObject(12, r.get("hit_rate_high"));
                    ins.setObject(13, r.get("base_hit_rate"));
                    ins.setObject(14, r.get("edge"));
                    ins.setString(15, adjustment.wireName());
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
