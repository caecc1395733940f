package io.tickstock.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
    @TempDir
    Path dir;

    static CopyRow row(int i) {
        return new CopyRow(
                Table.BAR,
                "SPY|" + i,
                1_381_239_000_000L + i * 60_000L,
                null,
                CopyRow.csv("SPY", "2013-10-08T13:30:00.000Z", 167.42 + i, 1L, true, null, "{\"a\":\"x,\\\"y\\\"\"}"));
    }

    @Test
    void rowsComeBackInOrderAcrossRestartsAndTheFileEmpties() throws Exception {
        Path file = dir.resolve("pg.spool");
        try (Spool spool = new Spool(file, 1 << 20)) {
            assertThat(spool.append(
                            IntStream.range(0, 30).mapToObj(SpoolTest::row).toList()))
                    .isTrue();
        }
        Files.writeString(file, "BAR\tSPY|torn\t1", StandardOpenOption.APPEND); // a crash mid-line
        try (Spool spool = new Spool(file, 1 << 20)) {
            assertThat(spool.rows()).isEqualTo(30);
            List<CopyRow> first = spool.peek(20, (line, reason) -> {
                throw new AssertionError(line);
            });
            assertThat(first)
                    .containsExactlyElementsOf(
                            IntStream.range(0, 20).mapToObj(SpoolTest::row).toList());
            spool.remove(first.size());
            List<CopyRow> rest = spool.peek(20, (line, reason) -> {
                throw new AssertionError(line);
            });
            assertThat(rest).hasSize(10);
            spool.remove(rest.size());
            assertThat(spool.isEmpty()).isTrue();
        }
        assertThat(file).as("an empty spool leaves no file").doesNotExist();
    }

    @Test
    void refusesAppendsBeyondItsBound() throws Exception {
        try (Spool spool = new Spool(dir.resolve("small.spool"), 500)) {
            assertThat(spool.append(List.of(row(1)))).isTrue();
            assertThat(spool.append(
                            IntStream.range(0, 10).mapToObj(SpoolTest::row).toList()))
                    .isFalse();
            assertThat(spool.rows()).isEqualTo(1);
        }
    }

    @Test
    void csvQuotesTextAndLeavesNullsEmpty() {
        assertThat(CopyRow.csv("a\"b", null, 1.5, 2L, false)).isEqualTo("\"a\"\"b\",,1.5,2,false");
        assertThat(CopyRow.csv("line\nbreak")).isEqualTo("\"line break\"");
    }
}
