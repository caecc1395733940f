package io.tickstock.engine.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.contract.Json;
import io.tickstock.engine.trades.TradeConditions;
import io.tickstock.engine.trades.TradeUpdates;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Massive's REST reference data the engine uses: the trade-condition update rules,
 * {@code GET /v3/reference/conditions?asset_class=stocks&data_type=trade&limit=1000} with the API key as a
 * bearer token. Called once at start; any failure (unreachable, refused key, unexpected answer) is logged
 * with its reason and the caller falls back to the bundled table. The key is never logged.
 */
public final class MassiveReference {
    private static final Logger LOG = LoggerFactory.getLogger(MassiveReference.class);

    private MassiveReference() {}

    /** The REST base for a WebSocket URL: Massive's hosts map to {@code https://api.massive.com}, others keep their host. */
    public static URI restBase(URI webSocket) {
        String host = webSocket.getHost();
        if (host != null && host.endsWith("massive.com")) return URI.create("https://api.massive.com");
        if (host != null && host.endsWith("polygon.io")) return URI.create("https://api.polygon.io");
        String scheme = "wss".equalsIgnoreCase(webSocket.getScheme()) ? "https" : "http";
        return URI.create(scheme + "://" + webSocket.getRawAuthority());
    }

    /**
     * Rules from Massive's {@code /v3/reference/conditions} answer: {@code results[].id} and
     * {@code update_rules.consolidated.updates_high_low / updates_open_close / updates_volume}, on top of the bundled
     * table ({@link TradeConditions#fromConsolidated}).
     *
     * @throws IllegalArgumentException when the answer has no {@code results} array
     */
    static TradeConditions parse(JsonNode answer) {
        JsonNode results = answer.path("results");
        if (!results.isArray()) throw new IllegalArgumentException("conditions answer without a results array");
        Map<Integer, Integer> consolidated = new HashMap<>();
        for (JsonNode c : results) {
            int id = c.path("id").asInt(-1);
            JsonNode u = c.path("update_rules").path("consolidated");
            if (id < 0 || u.isMissingNode()) continue;
            consolidated.put(
                    id,
                    (u.path("updates_high_low").asBoolean() ? TradeUpdates.HIGH_LOW : 0)
                            | (u.path("updates_open_close").asBoolean() ? TradeUpdates.OPEN_CLOSE : 0)
                            | (u.path("updates_volume").asBoolean() ? TradeUpdates.VOLUME : 0));
        }
        return TradeConditions.fromConsolidated(consolidated, "massive reference (" + results.size() + " conditions)");
    }

    /** The condition rules from Massive, or empty (reason logged) when they cannot be loaded. */
    public static Optional<TradeConditions> conditions(URI restBase, String apiKey) {
        URI uri = restBase.resolve("/v3/reference/conditions?asset_class=stocks&data_type=trade&limit=1000");
        HttpClient http = new HttpClient();
        try {
            http.start();
            ContentResponse r = http.newRequest(uri)
                    .headers(h -> h.put("Authorization", "Bearer " + apiKey))
                    .timeout(5, TimeUnit.SECONDS)
                    .send();
            if (r.getStatus() != 200) {
                LOG.warn("Massive conditions at {} answered HTTP {}; using the bundled table", uri, r.getStatus());
                return Optional.empty();
            }
            TradeConditions c = parse(Json.read(r.getContentAsString()));
            LOG.info("trade condition rules loaded from {} ({})", uri, c.source());
            return Optional.of(c);
        } catch (Exception e) {
            Throwable t = e;
            while (t.getCause() != null) t = t.getCause();
            LOG.warn("Massive conditions at {} not loaded ({}); using the bundled table", uri, t.getMessage());
            return Optional.empty();
        } finally {
            try {
                http.stop();
            } catch (Exception ignored) {
                // stopping a client that did not start
            }
        }
    }
}
