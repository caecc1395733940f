package io.tickstock.app.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.contract.Json;
import org.junit.jupiter.api.Test;

/** The engines the status API lists: every engine that sent health, alive while its health keeps its own pace. */
class LiveStateTest {
    static ObjectNode health(String engineId, String status) {
        return (ObjectNode) Json.read("{\"status\":\"" + status + "\",\"engine_id\":\"" + engineId + "\"}");
    }

    @Test
    void everyEngineThatSendsHealthIsListedAndOneThatStopsIsNotAlive() {
        LiveState state = new LiveState();
        state.health(health("vm-1", "healthy"), 0);
        state.health(health("vm-2", "warning"), 1_000);
        state.health(health("vm-1", "healthy"), 10_000); // vm-1: every 10 s
        state.health((ObjectNode) Json.read("{\"status\":\"healthy\"}"), 11_000); // an older engine: not listed

        assertThat(state.engines(20_000))
                .extracting(m -> m.get("engine_id") + " " + m.get("status") + " " + m.get("alive"))
                .containsExactly("vm-1 healthy true", "vm-2 warning true");
        assertThat(state.engines(41_000))
                .as("vm-1 silent for three of its intervals; vm-2 within 60 s of its only health")
                .extracting(m -> m.get("engine_id") + " " + m.get("alive"))
                .containsExactly("vm-1 false", "vm-2 true");
        assertThat(state.engines(62_000))
                .allSatisfy(m -> assertThat(m.get("alive")).isEqualTo(false));
        assertThat(state.engines(62_000).getFirst().get("last_health")).isEqualTo("1970-01-01T00:00:10.000Z");
    }

    @Test
    void forgedEngineIdsCannotGrowTheListBeyondItsBound() {
        LiveState state = new LiveState();
        state.health(health("vm-1", "healthy"), 1_000_000);
        for (int i = 0; i < 10 * LiveState.MAX_ENGINES; i++) state.health(health("forged-" + i, "healthy"), i);
        state.health(health("vm-1", "healthy"), 1_000_001);
        assertThat(state.engines(1_000_001)).hasSize(LiveState.MAX_ENGINES);
        assertThat(state.engines(1_000_001)).anyMatch(e -> e.get("engine_id").equals("vm-1"));
    }
}
