package io.tickstock.engine.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bar CSVs are read as CSV (RFC 4180), not split on commas: quoted fields, quoted numbers, blank lines. */
class BarCsvFileTest {
    @TempDir
    Path dir;

    @Test
    void quotedFieldsAreRead() throws Exception {
        Path file = dir.resolve("quoted.csv");
        Files.writeString(
                file,
                "timestamp,open,high,low,close,volume,note\n"
                        + "2024-06-03,\"101.5\",102,100.5,101.75,\"1200\",\"spread, wide\"\n"
                        + "\n"
                        + "2024-06-04,101.75,103,101,102.5,900,\"said \"\"hi\"\"\"\n");
        Bars bars = BarCsvFile.read(file, "ACME");
        assertThat(bars.bars()).hasSize(2);
        assertThat(bars.bars().getFirst().open()).isEqualTo(101.5);
        assertThat(bars.bars().getFirst().volume()).isEqualTo(1200);
        assertThat(bars.bars().get(1).close()).isEqualTo(102.5);
    }
}
