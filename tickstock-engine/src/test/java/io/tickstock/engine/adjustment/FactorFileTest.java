package io.tickstock.engine.adjustment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.engine.MarketData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which row of a LEAN factor file a date takes: the first dated on or after it. */
class FactorFileTest {
    @Test
    void aDateTakesTheFirstRowOnOrAfterIt() throws IOException {
        FactorFile aapl = FactorFile.find(MarketData.root(), "AAPL").orElseThrow();
        // the last day before the 7:1 split of 2014-06-09 is covered by the row dated 20140606
        assertThat(aapl.at(LocalDate.of(2014, 6, 6)).splitFactor()).isEqualTo(0.0357143);
        assertThat(aapl.at(LocalDate.of(2014, 6, 6)).referencePrice()).isEqualTo(645.57);
        assertThat(aapl.at(LocalDate.of(2014, 6, 9)).date()).isEqualTo(LocalDate.of(2014, 8, 6));
        assertThat(aapl.at(LocalDate.of(2014, 6, 9)).splitFactor()).isEqualTo(0.25);
        assertThat(aapl.at(LocalDate.of(1990, 1, 2)).date()).isEqualTo(LocalDate.of(1998, 1, 2));
        assertThat(aapl.at(LocalDate.of(2030, 1, 2)).priceFactor()).isEqualTo(1);
        assertThat(aapl.at(LocalDate.of(2060, 1, 2)).splitFactor()).isEqualTo(1);
        assertThat(FactorFile.find(MarketData.root(), "NOPE")).isEmpty();
    }

    @Test
    void aMalformedRowIsAnErrorNamingFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("xyz.csv");
        Files.writeString(file, "20140606,0.9,0.25,100\n2014-06-09,1,1,0\n");
        assertThatThrownBy(() -> FactorFile.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("xyz.csv:2");
        Files.writeString(file, "20140606,0.9,0,100\n");
        assertThatThrownBy(() -> FactorFile.read(file)).hasMessageContaining("factors must be positive");
    }
}
