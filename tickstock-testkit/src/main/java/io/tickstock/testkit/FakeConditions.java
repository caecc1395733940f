package io.tickstock.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.contract.Json;
import io.tickstock.engine.trades.TradeConditions;
import io.tickstock.engine.trades.TradeUpdates;

/**
 * Massive's {@code GET /v3/reference/conditions} answer as {@link FakeMassiveServer} serves it: the engine's bundled
 * condition table ({@link TradeConditions#bundledTable()}) with its consolidated rules, in Massive's JSON shape.
 */
final class FakeConditions {
    static final String JSON = build();

    private FakeConditions() {}

    private static String build() {
        ObjectNode answer = Json.MAPPER.createObjectNode().put("status", "OK");
        ArrayNode results = answer.putArray("results");
        for (TradeConditions.Condition c : TradeConditions.bundledTable()) {
            int u = c.consolidatedUpdates();
            results.addObject()
                    .put("id", c.id())
                    .put("name", c.name())
                    .putObject("update_rules")
                    .putObject("consolidated")
                    .put("updates_high_low", (u & TradeUpdates.HIGH_LOW) != 0)
                    .put("updates_open_close", (u & TradeUpdates.OPEN_CLOSE) != 0)
                    .put("updates_volume", (u & TradeUpdates.VOLUME) != 0);
        }
        return Json.write(answer);
    }
}
