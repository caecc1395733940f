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
 * nested JSON values (metadata, alert data) written as their JSON text. Text that a spreadsheet would run as a
 * formula (a cell starting with {@code = + - @}, tab or carriage return: OWASP "CSV injection") gets a leading
 * {@code '}; numbers are written as they are. Thread-safe.
 */
final class Csv {
    private static final CsvMapper MAPPER = new CsvMapper();

    private Csv() {}

    static String write(List<String> columns, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) return String.join(",", columns) + "\n"; // labels are SQL identifiers: nothing to quote
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        try {
            return MAPPER.writer(schema.build())
                    .writeValueAsString(rows.stream().map(Csv::flat).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CSV export failed", e);
        }
    }

    private static Map<String, Object> flat(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>(row);
        out.replaceAll((k, v) -> v instanceof JsonNode j
                ? cell(j.isTextual() ? j.asText() : j.toString())
                : v instanceof String t ? cell(t) : v);
        return out;
    }

    /** Text with a leading {@code '} when a spreadsheet would read it as a formula. */
    static String cell(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
