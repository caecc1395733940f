package io.tickstock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.contract.Json;
import io.tickstock.engine.feed.LeanTickFile;
import io.tickstock.engine.health.EngineStats;
import io.tickstock.engine.publish.EventEmitter;
import io.tickstock.engine.session.SessionTrigger;
import io.tickstock.engine.session.StreamingSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an emitter publishes and stores, recorded for comparing runs: every PUBLISH as "channel|item" (batches unpacked
 * into their items) and every history row as text, random ids masked, the wall clock fixed. Thread-safe (shards write
 * from their threads).
 */
final class RecordedOutput {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    final List<String> messages = Collections.synchronizedList(new ArrayList<>()),
            rows = Collections.synchronizedList(new ArrayList<>());

    /** An emitter writing here, in a session of {@code symbols} symbols. */
    EventEmitter emitter(int symbols) {
        EventEmitter emitter = new EventEmitter(
                c -> messages.addAll(items(c.target(), c.payload())),
                row -> rows.add(row.toString().replaceAll(UUID, "<id>")),
                new EngineStats(),
                () -> 1_700_000_000_000L);
        emitter.session(new StreamingSession("recorded", symbols, SessionTrigger.REPLAY, 0));
        return emitter;
    }

    /** The four recorded symbols' tick files of 2013-10-08 (AIG, BAC, IBM, SPY). */
    static List<LeanTickFile> day() throws IOException {
        List<LeanTickFile> files = new ArrayList<>();
        for (String s : List.of("aig", "bac", "ibm", "spy"))
            files.add(new LeanTickFile(MarketData.lean("tick/" + s + "/20131008_trade.zip")));
        return files;
    }

    List<String> sortedMessages() {
        return sorted(messages);
    }

    List<String> sortedRows() {
        return sorted(rows);
    }

    private static List<String> items(String channel, String payload) {
        JsonNode msg = Json.read(payload);
        List<String> out = new ArrayList<>();
        for (String batch : List.of("bars", "patterns", "indicators"))
            if (msg.get(batch) != null && msg.get(batch).isArray()) {
                msg.get(batch)
                        .forEach(item -> out.add(channel + '|' + item.toString().replaceAll(UUID, "<id>")));
                return out;
            }
        out.add(channel + '|' + payload.replaceAll(UUID, "<id>"));
        return out;
    }

    private static List<String> sorted(List<String> list) {
        List<String> copy;
        synchronized (list) {
            copy = new ArrayList<>(list);
        }
        Collections.sort(copy);
        return copy;
    }
}
