package io.tickstock.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The edge helpers: SQLState classes, the contract's limits, log-safe text and masked URLs. */
class EdgeTextTest {
    @Test
    void dataAndConstraintClassesAreBadRowsEverythingElseAnOutage() {
        assertThat(SqlFailure.of(new SQLException("too long", "22001"))).isEqualTo(SqlFailure.BAD_ROW);
        assertThat(SqlFailure.of(new SQLException("duplicate", "23505"))).isEqualTo(SqlFailure.BAD_ROW);
        assertThat(SqlFailure.of(new SQLException("refused", "08001"))).isEqualTo(SqlFailure.OUTAGE);
        assertThat(SqlFailure.of(new SQLException("shutdown", "57P01"))).isEqualTo(SqlFailure.OUTAGE);
        assertThat(SqlFailure.of(new SQLException("disk full", "53100"))).isEqualTo(SqlFailure.OUTAGE);
        assertThat(SqlFailure.of(new SQLException("no state"))).isEqualTo(SqlFailure.OUTAGE);
        BatchUpdateException batch = new BatchUpdateException("batch", (String) null, new int[0]);
        batch.setNextException(new SQLException("overflow", "22003"));
        assertThat(SqlFailure.of(batch)).as("the state of a chained exception").isEqualTo(SqlFailure.BAD_ROW);
    }

    @Test
    void symbolsPricesAndSizesAsTheTablesHoldThem() {
        assertThat(Limits.isSymbol("BRK.B")).isTrue();
        assertThat(Limits.isSymbol("SPY.25")).isTrue();
        assertThat(Limits.isSymbol("ABCDEFGHIJ")).isTrue();
        assertThat(Limits.isSymbol("ABCDEFGHIJK")).isFalse();
        assertThat(Limits.isSymbol("ABRpD")).isFalse();
        assertThat(Limits.isSymbol(".SPY")).isFalse();
        assertThat(Limits.isSymbol("")).isFalse();
        assertThat(Limits.isSymbol(null)).isFalse();
        assertThat(Limits.isPrice(167.5)).isTrue();
        assertThat(Limits.isPrice(1e10)).isFalse();
        assertThat(Limits.isPrice(Double.NaN)).isFalse();
        assertThat(Limits.isPrice(0)).isFalse();
        assertThat(Limits.isSize(-1)).isFalse();
        assertThat(Limits.SYMBOL.pattern()).isEqualTo(Limits.SYMBOL_FORM);
    }

    @Test
    void outsideTextCannotForgeALogLine() {
        assertThat(LogText.quote("admin\n12:00 INFO forged")).isEqualTo("'admin\\n12:00 INFO forged'");
        assertThat(LogText.quote("\u001b[31mred")).isEqualTo("'\\u001b[31mred'");
        assertThat(LogText.quote("it's")).isEqualTo("'it\\'s'");
        assertThat(LogText.quote("x".repeat(500))).hasSize(LogText.MAX + 3).endsWith("…'");
    }

    @Test
    void passwordsInUrlsAreMasked() {
        assertThat(LogText.url("redis://:s3cret@redis.example:6379/0")).isEqualTo("redis://:***@redis.example:6379/0");
        assertThat(LogText.url("redis://s3cret@redis.example:6379")).isEqualTo("redis://***@redis.example:6379");
        assertThat(LogText.url("rediss://default:s3cret@host:6380")).isEqualTo("rediss://default:***@host:6380");
        assertThat(LogText.url("postgresql://app:pa:ss@db:5432/tickstock?sslmode=require"))
                .isEqualTo("postgresql://app:***@db:5432/tickstock?sslmode=require");
        assertThat(LogText.url("jdbc:postgresql://db/x?user=a&password=b&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/x?user=a&password=***&ssl=true");
        assertThat(LogText.url("redis://127.0.0.1:6379")).isEqualTo("redis://127.0.0.1:6379");
        assertThat(LogText.url("postgresql://db/x?sslmode=verify-full&sslpassword=k3y&sslkey=/k.pk8"))
                .isEqualTo("postgresql://db/x?sslmode=verify-full&sslpassword=***&sslkey=/k.pk8");
        assertThat(DatabaseUrl.parse("postgresql://app@db/x?sslpassword=k3y&auth_token=t0k")
                        .toString())
                .doesNotContain("k3y", "t0k");
    }

    @Test
    void databaseUrlsKeepTheirTlsParametersAndGetTimeouts() {
        DatabaseUrl u = DatabaseUrl.parse(
                "postgresql://app:s3cret@db.example:5433/tickstock?sslmode=verify-full&sslrootcert=/etc/ca.pem");
        assertThat(u.jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.example:5433/tickstock?sslmode=verify-full&sslrootcert=/etc/ca.pem");
        assertThat(u.password()).isEqualTo("s3cret");
        assertThat(u.toString())
                .isEqualTo("postgresql://app@db.example:5433/tickstock?sslmode=verify-full&sslrootcert=/etc/ca.pem")
                .doesNotContain("s3cret");
        DatabaseUrl q = DatabaseUrl.parse("postgresql://db/x?user=bob&password=pw&connect_timeout=3");
        assertThat(q.user()).isEqualTo("bob");
        assertThat(q.password()).isEqualTo("pw");
        assertThat(q.jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:5432/x?connectTimeout=3")
                .doesNotContain("pw");
        assertThat(q.driverProperties(120, 60))
                .doesNotContainKey("connectTimeout")
                .containsEntry("socketTimeout", "120")
                .containsEntry("tcpKeepAlive", "true")
                .containsEntry("options", "-c statement_timeout=60000");
    }
}
