package io.tickstock.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tickstock.contract.DatabaseUrl;
import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer against a real PostgreSQL: rows PostgreSQL rejects as data (a symbol longer than VARCHAR(10), a
 * price beyond NUMERIC(14,4), a NUL byte) are set aside with their reason, once-per-cause reported, and never
 * stop the rows around them, whether they arrive live or from a spool an earlier run left (which may also hold
 * an unreadable line and a torn last line).
 */
@Tag("e2e")
class HistoryWriterTest {
    static final long T0 = Instant("2013-10-08T13:30:00.000Z");
    static EmbeddedPostgres postgres;
    static HikariDataSource dataSource;

    @TempDir
    Path dir;

    final Map<String, AtomicInteger> reported = new ConcurrentHashMap<>();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        dataSource = Database.open(
                DatabaseUrl.parse("postgresql://postgres@127.0.0.1:" + postgres.getPort() + "/postgres"), "test", 4);
        Database.migrate(dataSource);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        dataSource.close();
        postgres.close();
    }

    @BeforeEach
    void emptyTables() throws Exception {
        sql(
                "TRUNCATE ohlcv_1min, intraday_patterns, intraday_indicators, streaming_health_metrics, streaming_sessions CASCADE");
    }

    static long Instant(String iso) {
        return IsoTime.parseMillis(iso);
    }

    static HistoryRow bar(String symbol, int minute, double close) {
        long t = T0 + minute * 60_000L;
        return new HistoryRow.Bar(
                new Events.Bar(
                        symbol,
                        IsoTime.format(t),
                        "1min",
                        close,
                        close,
                        close,
                        close,
                        100,
                        close,
                        1,
                        "regular",
                        null,
                        false),
                t);
    }

    static HistoryRow pattern(String sessionId, String type, int minute) {
        long t = T0 + minute * 60_000L;
        return new HistoryRow.Pattern(
                new Events.PatternDetection(
                        "SPY",
                        type,
                        0.7,
                        IsoTime.format(t),
                        "1min",
                        "bullish",
                        new Events.BarData(1, 2, 0.5, 1.5, 100),
                        Map.of(),
                        Map.of("session_id", sessionId)),
                sessionId,
                t);
    }

    HistoryWriter writer() {
        return new HistoryWriter(
                dataSource,
                10_000,
                dir.resolve("pg.spool"),
                1 << 20,
                System::currentTimeMillis,
                b -> {},
                (down, reason) -> {},
                (cause, reason, file) -> reported.computeIfAbsent(cause, c -> new AtomicInteger())
                        .incrementAndGet());
    }

    /**
     * PostgreSQL unreachable (nothing listens), a 4 KB spool and a queue of 100: the spool fills, the batch that does
     * not fit waits in memory, the writer says it is backlogged, rows beyond the queue are dropped, and no mark is
     * durable any more, so the trade log's offsets cannot pass the dropped rows.
     */
    @Test
    void aRowDroppedDuringAnOutageKeepsEveryLaterMarkFromBeingDurable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres");
        config.setUsername("postgres");
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(-1);
        try (HikariDataSource down = new HikariDataSource(config)) {
            HistoryWriter w = new HistoryWriter(
                            down,
                            100,
                            dir.resolve("small.spool"),
                            4_096,
                            System::currentTimeMillis,
                            b -> {},
                            (isDown, reason) -> {},
                            (cause, reason, file) -> {})
                    .start();
            long before = w.durableMark();
            for (int i = 0; i < 30; i++) w.write(bar("SPY", i, 100 + i * 0.01));
            await().atMost(Duration.ofSeconds(30)).until(w::backlogged);
            assertThat(w.dropped())
                    .as("nothing dropped yet: the spool and the queue hold it")
                    .isZero();
            await().atMost(Duration.ofSeconds(30)).until(() -> w.fill() > 0.5);
            AtomicInteger polls = new AtomicInteger();
            assertThat(HistoryBarrier.awaitRoom(w, () -> polls.incrementAndGet() < 3))
                    .as("a replay's backpressure while PostgreSQL is down lasts until its caller ends it (a stop)")
                    .isFalse();
            assertThat(polls).hasValue(3);
            for (int i = 30; i < 1_000; i++) w.write(bar("SPY", i, 100 + i * 0.01));
            assertThat(w.dropped()).as("beyond the queue").isPositive();
            assertThat(w.isDurable(before))
                    .as("rows before any were dropped: still not, the log must be re-read")
                    .isFalse();
            assertThat(w.isDurable(w.durableMark())).isFalse();
            assertThat(HistoryBarrier.awaitStored(w, 300))
                    .as("a dropped row: never all stored")
                    .isFalse();
            w.close(0);
        }
    }

    /** A process about to end waits for its rows: every one queued is committed when {@code awaitStored} returns. */
    @Test
    void awaitStoredReturnsWhenEveryQueuedRowIsCommitted() throws Exception {
        try (HistoryWriter w = writer().start()) {
            for (int m = 0; m < 5_000; m++) w.write(bar("S" + (m % 50), m / 50, 100 + m * 0.001));
            assertThat(HistoryBarrier.awaitStored(w, 10_000)).isTrue();
            assertThat(count("ohlcv_1min")).isEqualTo(5_000);
        }
    }

    @Test
    void rowsPostgresRejectsAreSetAsideAndTheOthersWritten() throws Exception {
        String sid = UUID.randomUUID().toString();
        try (HistoryWriter w = writer().start()) {
            w.write(new HistoryRow.SessionStarted(
                    new Events.SessionStart(sid, "test", IsoTime.format(T0), 1, "active", "replay"), T0));
            for (int m = 0; m < 10; m++) w.write(bar("SPY", m, 167 + m));
            w.write(bar("ABCDEFGHIJK", 0, 10)); // 11 characters: VARCHAR(10), SQLState 22001
            w.write(bar("IBM", 0, 1e12)); // beyond NUMERIC(14,4): 22003
            w.write(bar("IBM", 1, 2e12)); // the same cause again: counted, not reported twice
            w.write(pattern(sid, "Hammer", 3));
            w.write(pattern(sid, "Do\u0000ji", 4)); // a NUL byte: 22021
            for (int m = 10; m < 20; m++) w.write(bar("SPY", m, 167 + m));
            await().atMost(Duration.ofSeconds(20)).until(() -> w.rejected() == 4 && count("ohlcv_1min") == 20);
            assertThat(count("intraday_patterns")).isEqualTo(1);
            assertThat(w.rejectedByCause())
                    .containsOnlyKeys("22001 ohlcv_1min", "22003 ohlcv_1min", "22021 intraday_patterns");
            assertThat(w.rejectedByCause().get("22003 ohlcv_1min")).isEqualTo(2);
            assertThat(w.isDown()).as("bad rows are not an outage").isFalse();
        }
        assertThat(reported).containsOnlyKeys("22001 ohlcv_1min", "22003 ohlcv_1min", "22021 intraday_patterns");
        assertThat(reported.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        List<String> dead = Files.readAllLines(dir.resolve("pg.spool.rejected"));
        assertThat(dead).hasSize(4);
        assertThat(dead.getFirst()).contains("22001 ohlcv_1min", "ABCDEFGHIJK", "value too long");
    }

    @Test
    void aSpoolWithABadRowAnUnreadableLineAndATornTailIsWrittenToTheEnd() throws Exception {
        Path spool = dir.resolve("pg.spool");
        StringBuilder lines = new StringBuilder();
        for (int m = 0; m < 5; m++)
            lines.append(CopyRow.of(bar("SPY", m, 100 + m)).line()).append('\n');
        lines.append(CopyRow.of(bar("TOOLONGSYMBOL", 0, 1)).line()).append('\n');
        lines.append("not a spool line\n");
        lines.append("BAR\tSPY|x\tnot-a-number\t\t\"SPY\"\n");
        for (int m = 5; m < 10; m++)
            lines.append(CopyRow.of(bar("SPY", m, 100 + m)).line()).append('\n');
        lines.append("BAR\tSPY|torn\t13812"); // a crash in the middle of an append
        Files.writeString(spool, lines);
        try (HistoryWriter w = writer().start()) {
            assertThat(count("ohlcv_1min"))
                    .as("written at start, past the bad row and the unreadable lines")
                    .isEqualTo(10);
            assertThat(w.spooled()).isZero();
            assertThat(w.rejectedByCause())
                    .containsEntry("22001 ohlcv_1min", 1L)
                    .containsEntry("unreadable spool line", 2L);
            w.write(bar("SPY", 10, 110));
            await().atMost(Duration.ofSeconds(10)).until(() -> count("ohlcv_1min") == 11);
        }
        assertThat(Files.readAllLines(dir.resolve("pg.spool.rejected"))).hasSize(3);
    }

    @Test
    void rowsAppendedAfterATornTailAreReadBack() throws Exception {
        Path file = dir.resolve("torn.spool");
        Files.writeString(file, CopyRow.of(bar("SPY", 0, 1)).line() + "\nBAR\tSPY|to", StandardOpenOption.CREATE);
        try (Spool spool = new Spool(file, 1 << 20)) {
            assertThat(spool.tornBytes()).isEqualTo("BAR\tSPY|to".length());
            assertThat(spool.append(List.of(CopyRow.of(bar("SPY", 1, 2))))).isTrue();
            List<String> bad = new java.util.ArrayList<>();
            List<CopyRow> rows = spool.peek(10, (line, reason) -> bad.add(line));
            assertThat(rows).extracting(CopyRow::key).containsExactly("SPY|" + T0, "SPY|" + (T0 + 60_000));
            assertThat(bad).isEmpty();
        }
    }

    static long count(String table) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void sql(String statement) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
