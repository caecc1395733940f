package io.tickstock.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.contract.Json;
import io.tickstock.engine.trades.TradeConditions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Massive's {@code GET /v3/reference/conditions} answer as {@link FakeMassiveServer} serves it: the engine's bundled
 * condition table ({@code massive-trade-conditions.csv}: id, name, then the consolidated columns updates_high_low,
 * updates_open_close, updates_volume as Y/N) in Massive's JSON shape.
 */
final class FakeConditions {
    static final String JSON = build();

    private FakeConditions() {}

    private static String build() {
        ObjectNode answer = Json.MAPPER.createObjectNode().put("status", "OK");
        ArrayNode results = answer.putArray("results");
        try (InputStream in = Objects.requireNonNull(
                        TradeConditions.class.getResourceAsStream("massive-trade-conditions.csv"), "bundled table");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = true;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", -1);
                ObjectNode rules = results.addObject()
                        .put("id", Integer.parseInt(f[0]))
                        .put("name", f[1])
                        .putObject("update_rules")
                        .putObject("consolidated");
                rules.put("updates_high_low", f[2].equals("Y"));
                rules.put("updates_open_close", f[3].equals("Y"));
                rules.put("updates_volume", f[4].equals("Y"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Json.write(answer);
    }
}
