package io.tickstock.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV export of history rows (jackson-dataformat-csv): a header row of the column labels, RFC 4180 quoting,
 * nested JSON values (metadata, alert data) written as their JSON text. Thread-safe.
 */
final class Csv {
    private static final CsvMapper MAPPER = new CsvMapper();

    private Csv() {}

    static String write(List<String> columns, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) return String.join(",", columns) + "\n"; // labels are SQL identifiers: nothing to quote
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        try {
            return MAPPER.writer(schema.build()).writeValueAsString(rows.stream().map(Csv::flat).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CSV export failed", e);
        }
    }

    private static Map<String, Object> flat(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>(row);
        out.replaceAll((k, v) -> v instanceof JsonNode j ? j.toString() : v);
        return out;
    }
}
