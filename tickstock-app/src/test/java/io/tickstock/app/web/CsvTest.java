package io.tickstock.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void textThatASpreadsheetWouldRunIsDefusedAndNumbersAreKept() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("symbol", "SPY");
        row.put("pattern_type", "=HYPERLINK(\"http://evil.example\",\"x\")");
        row.put("note", new TextNode("@SUM(A1)"));
        row.put("change", -1.5);
        String csv = Csv.write(List.of("symbol", "pattern_type", "note", "change"), List.of(row));
        assertThat(csv.lines().skip(1).findFirst().orElseThrow())
                .isEqualTo("SPY,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",\"'@SUM(A1)\",-1.5");
        assertThat(Csv.cell("+1")).isEqualTo("'+1");
        assertThat(Csv.cell("Doji")).isEqualTo("Doji");
    }
}
