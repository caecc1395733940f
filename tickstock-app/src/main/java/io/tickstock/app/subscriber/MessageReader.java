package io.tickstock.app.subscriber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.contract.Channels;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import io.tickstock.contract.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Reads a Redis message in the canonical shape of the integration contract or the Phase 5 shape of the legacy producer (single or
 * batch) into {@link Inbound} events carrying the contract's records ({@link Inbound.Event}), and checks every field the app and the
 * dashboard rely on ({@link Fields}): a message whose required fields are missing, of the wrong type or out of
 * range, or whose times do not parse, is refused with a reason naming the field, so nothing the browsers or
 * PostgreSQL could choke on is forwarded. Readers are tolerant where the seeds are: unknown fields are ignored,
 * Phase 5 names are mapped ({@code indicator_type} → {@code indicator}, {@code symbol_universe_key} →
 * {@code universe}, flat alerts and health → nested objects), times without an offset are read as UTC and every
 * time is rewritten in the contract's form; a detection or indicator value without its bar time (the seeds' own
 * test messages) gets the minute of the message's publication. Thread-safe.
 */
public final class MessageReader {
    /** Largest message read, in characters; larger ones are refused unparsed. */
    public static final int MAX_CHARS = 1 << 20;
    /**
     * Largest {@code backtest_result} read, in characters: a result carries a job's trades and curves (its charts' bars
     * stay in {@code backtest_jobs}); well under Redis's 32 MB pub/sub output limit.
     */
    public static final int MAX_RESULT_CHARS = 8 << 20;
    /** Most items in one batch message. */
    public static final int MAX_BATCH = 1_000;

    private final LongSupplier clock;

    /** @param clock wall clock, epoch ms, used when a message has no publication time */
    public MessageReader(LongSupplier clock) {
        this.clock = clock;
    }

    /** {@link #read(String, String, Consumer)} refusing a batch whole when one of its items is unreadable. */
    public List<Inbound> read(String channel, String text) throws UnreadableMessage {
        return read(channel, text, reason -> {});
    }

    /**
     * Reads one Redis message of {@code channel} into the contract's events, checking every field the app relies on.
     *
     * @param itemRefused gets the reason of each item of a batch that is refused; the batch's other items are read
     * @return one event, or several for a batch message
     * @throws UnreadableMessage with a short reason (invalid JSON, unknown type, a missing or invalid field)
     */
    public List<Inbound> read(String channel, String text, Consumer<String> itemRefused) throws UnreadableMessage {
        ObjectNode msg = object(text, channel.equals(Channels.BACKTEST_RESULTS) ? MAX_RESULT_CHARS : MAX_CHARS);
        long published = publishedAt(msg.get("timestamp"));
        String type = msg.path("type")
                .asText(msg.path("event").asText(msg.path("event_type").asText("")));
        List<Inbound> out = new ArrayList<>(1);
        switch (channel) {
            case Channels.SESSION_STARTED ->
                out.add(event(channel, EventShapes.session(true, msg, published), published));
            case Channels.SESSION_STOPPED ->
                out.add(event(channel, EventShapes.session(false, msg, published), published));
            case Channels.HEALTH -> out.add(event(channel, EventShapes.health(msg, published), published));
            case Channels.PATTERNS_STREAMING, Channels.PATTERNS_DETECTED -> {
                readItems(
                        out,
                        channel,
                        msg,
                        "detection",
                        "patterns",
                        published,
                        itemRefused,
                        item -> EventShapes.pattern(item, msg, published));
            }
            case Channels.INDICATORS_STREAMING -> {
                readItems(
                        out,
                        channel,
                        msg,
                        "calculation",
                        "indicators",
                        published,
                        itemRefused,
                        item -> EventShapes.indicator(item, published));
            }
            case Channels.ALERTS_INDICATORS -> out.add(event(channel, EventShapes.alert(msg), published));
            case Channels.ALERTS_CRITICAL -> out.add(event(channel, EventShapes.critical(msg, published), published));
            case Channels.BARS_STREAMING -> {
                readItems(
                        out,
                        channel,
                        msg,
                        "bar",
                        "bars",
                        published,
                        itemRefused,
                        item -> EventShapes.bar(item, msg, type));
            }
            case Channels.PERSISTENCE -> out.add(event(channel, EventShapes.persistence(msg), published));
            case Channels.LEGACY_PATTERNS -> out.add(event(channel, EventShapes.legacyPattern(msg), published));
            case Channels.LEGACY_HEALTH -> out.add(event(channel, EventShapes.legacyHealth(msg), published));
            case Channels.BACKTEST_PROGRESS, Channels.BACKTEST_RESULTS ->
                out.add(event(channel, EventShapes.backtest(msg), published));
            default -> throw new UnreadableMessage("unknown channel");
        }
        return out;
    }

    private static Inbound event(String channel, Inbound.Event event, long published) {
        return new Inbound(channel, event, published);
    }

    /** The message's JSON object. @throws UnreadableMessage when too large, not JSON or not an object */
    private static ObjectNode object(String text, int maxChars) throws UnreadableMessage {
        if (text.length() > maxChars) throw new UnreadableMessage("larger than " + maxChars + " characters");
        JsonNode root;
        try {
            root = Json.read(text);
        } catch (IllegalArgumentException e) {
            throw new UnreadableMessage("invalid JSON");
        }
        if (!(root instanceof ObjectNode msg)) throw new UnreadableMessage("not a JSON object");
        return msg;
    }

    /** Reads one item of a message into its event. */
    private interface ItemShape {
        Inbound.Event read(JsonNode item) throws UnreadableMessage;
    }

    /**
     * The items of a message that holds one under {@code single} or a batch under {@code batch}: a bad item of a batch
     * is refused alone ({@code itemRefused}), a bad single item refuses the message.
     *
     * @throws UnreadableMessage when no item can be read
     */
    private static void readItems(
            List<Inbound> out,
            String channel,
            ObjectNode msg,
            String single,
            String batch,
            long published,
            Consumer<String> itemRefused,
            ItemShape shape)
            throws UnreadableMessage {
        for (JsonNode item : items(msg, single, batch))
            add(out, msg.has(batch), itemRefused, () -> event(channel, shape.read(item), published));
        if (out.isEmpty()) throw new UnreadableMessage("no readable " + single + " in the batch");
    }

    private interface Item {
        Inbound read() throws UnreadableMessage;
    }

    /** One item of a message: in a batch, refused alone when unreadable; a single item refuses its message. */
    private static void add(List<Inbound> out, boolean batch, Consumer<String> itemRefused, Item item)
            throws UnreadableMessage {
        if (!batch) {
            out.add(item.read());
            return;
        }
        try {
            out.add(item.read());
        } catch (UnreadableMessage e) {
            itemRefused.accept(e.getMessage());
        }
    }

    private long publishedAt(JsonNode ts) {
        long now = clock.getAsLong();
        if (ts == null || ts.isNull()) return now;
        long millis;
        if (ts.isNumber()) {
            millis = (long) (ts.asDouble() * 1000);
        } else {
            try {
                millis = IsoTime.parseMillisLenient(ts.asText());
            } catch (RuntimeException e) {
                return now;
            }
        }
        return Limits.isTime(millis) ? millis : now;
    }

    private static List<JsonNode> items(ObjectNode msg, String single, String batch) throws UnreadableMessage {
        if (msg.get(batch) instanceof ArrayNode array) {
            if (array.size() > MAX_BATCH) throw new UnreadableMessage(batch + ": more than " + MAX_BATCH + " items");
            List<JsonNode> list = new ArrayList<>(array.size());
            array.forEach(list::add);
            return list;
        }
        if (msg.has(single)) return List.of(msg.get(single));
        throw new UnreadableMessage("missing " + single + " or " + batch);
    }
}
