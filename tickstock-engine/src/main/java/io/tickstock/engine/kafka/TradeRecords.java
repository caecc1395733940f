package io.tickstock.engine.kafka;

import io.tickstock.contract.Limits;
import io.tickstock.engine.trades.Trade;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;
import org.jspecify.annotations.Nullable;

/**
 * The records of the topic {@value #TOPIC}, a compact binary encoding (big-endian, not Java serialization):
 *
 * <ul>
 *   <li><b>trade</b>: key = the symbol in UTF-8 (so Kafka's default partitioner keeps each symbol on one partition, in
 *       order); value = {@code 0x01}, event time (epoch ms, int64), price (dollars, IEEE-754 float64), size (shares,
 *       int64), update flags ({@link io.tickstock.engine.trades.TradeUpdates}, int32: which bar fields the trade may
 *       update, from the feed's condition codes by the engine's own rules) — 29 bytes;
 *   <li><b>watermark</b>: no key, written to every partition; value = {@code 0x02}, event time the feed has reached
 *       (epoch ms, int64, in the contract's time range, or {@link Long#MAX_VALUE} at the end of a replayed feed) — 9
 *       bytes. An engine may close every bar that ends before it, less the grace.
 *   <li><b>session</b>: no key, written to every partition when ingest starts a session; value = {@code 0x03}, the
 *       session's UUID in ASCII — 37 bytes. The records after it belong to that session.
 *   <li><b>session end</b>: no key, written to every partition when ingest ends a session; value = {@code 0x04}, the
 *       session's UUID in ASCII — 37 bytes. The end of that session's feed: every bar may close. Within a session only
 *       this record ends the feed (a bare end-of-feed watermark, or the end of another session, is refused).
 * </ul>
 *
 * Thread-safe (stateless).
 */
public final class TradeRecords {
    /** The topic of the trade log. */
    public static final String TOPIC = "tickstock.trades";
    /** Partitions of a topic ingest creates. */
    public static final int DEFAULT_PARTITIONS = 12;

    /** The consumer group of the engines that read the log ({@code engine --source kafka}). */
    public static final String GROUP = "tickstock-engines";

    static final byte TRADE = 1, WATERMARK = 2, SESSION = 3, SESSION_END = 4;
    private static final int TRADE_BYTES = 29, WATERMARK_BYTES = 9, SESSION_ID_BYTES = 36;

    private TradeRecords() {}

    /**
     * A decoded record: a trade, a watermark ({@code trade} null) in epoch ms, a session record ({@code sessionId}), or
     * a session's end ({@code endsSession}, with the end-of-feed watermark {@link Long#MAX_VALUE}).
     */
    public record Decoded(
            @Nullable Trade trade,
            long watermarkMillis,
            @Nullable String sessionId,
            @Nullable String endsSession) {
        /** A trade or a watermark. */
        public Decoded(@Nullable Trade trade, long watermarkMillis) {
            this(trade, watermarkMillis, null, null);
        }

        /** A trade, a watermark or a session record. */
        public Decoded(@Nullable Trade trade, long watermarkMillis, @Nullable String sessionId) {
            this(trade, watermarkMillis, sessionId, null);
        }
    }

    /** The key of {@code symbol}'s trades. */
    public static byte[] key(String symbol) {
        return symbol.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The partition Kafka's default partitioner gives {@code symbol}'s trades among {@code partitions}: murmur2 of the
     * key, made positive, modulo the count. An engine uses it to find the symbols of a partition it is assigned.
     */
    public static int partitionOf(String symbol, int partitions) {
        return Utils.toPositive(Utils.murmur2(key(symbol))) % partitions;
    }

    /** A trade's value (its symbol is the key). */
    public static byte[] trade(Trade t) {
        return ByteBuffer.allocate(TRADE_BYTES)
                .put(TRADE)
                .putLong(t.timeMillis())
                .putDouble(t.price())
                .putLong(t.size())
                .putInt(t.updates())
                .array();
    }

    /** A watermark's value: event time in epoch ms. */
    public static byte[] watermark(long epochMillis) {
        return ByteBuffer.allocate(WATERMARK_BYTES)
                .put(WATERMARK)
                .putLong(epochMillis)
                .array();
    }

    /** A session record's value: the session ingest started, whose trades follow (its UUID, 36 ASCII bytes). */
    public static byte[] session(String sessionId) {
        return withSessionId(SESSION, sessionId);
    }

    /** A session end's value: the session whose feed ends here (its UUID, 36 ASCII bytes). */
    public static byte[] sessionEnd(String sessionId) {
        return withSessionId(SESSION_END, sessionId);
    }

    private static byte[] withSessionId(byte kind, String sessionId) {
        byte[] id = sessionId.getBytes(StandardCharsets.US_ASCII);
        if (id.length != SESSION_ID_BYTES)
            throw new IllegalArgumentException("a session id is a UUID of 36 characters, was " + sessionId);
        return ByteBuffer.allocate(1 + SESSION_ID_BYTES).put(kind).put(id).array();
    }

    /**
     * Reads a record.
     *
     * @throws IllegalArgumentException naming what is wrong: an unknown kind, a wrong length, a trade without a key,
     *                                  a symbol, price, size or time a feed parser would refuse
     */
    public static Decoded decode(byte @Nullable [] key, byte @Nullable [] value) {
        if (value == null || value.length == 0) throw new IllegalArgumentException("empty record");
        ByteBuffer b = ByteBuffer.wrap(value);
        byte kind = b.get();
        if (kind == WATERMARK) {
            if (value.length != WATERMARK_BYTES)
                throw new IllegalArgumentException(
                        "watermark of " + value.length + " bytes, expected " + WATERMARK_BYTES);
            long w = b.getLong();
            // checked like a trade's time; Long.MAX_VALUE is the end of a replayed feed
            if (!Limits.isTime(w) && w != Long.MAX_VALUE)
                throw new IllegalArgumentException("watermark time out of range: " + w);
            return new Decoded(null, w);
        }
        if (kind == SESSION || kind == SESSION_END) {
            String what = kind == SESSION ? "session record" : "session end";
            if (value.length != 1 + SESSION_ID_BYTES)
                throw new IllegalArgumentException(
                        what + " of " + value.length + " bytes, expected " + (1 + SESSION_ID_BYTES));
            String id = new String(value, 1, SESSION_ID_BYTES, StandardCharsets.US_ASCII);
            try {
                UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + " without a UUID: " + id, e);
            }
            return kind == SESSION
                    ? new Decoded(null, Long.MIN_VALUE, id)
                    : new Decoded(null, Long.MAX_VALUE, null, id);
        }
        if (kind != TRADE) throw new IllegalArgumentException("unknown record kind " + kind);
        if (value.length != TRADE_BYTES)
            throw new IllegalArgumentException("trade of " + value.length + " bytes, expected " + TRADE_BYTES);
        if (key == null || key.length == 0) throw new IllegalArgumentException("trade without a symbol key");
        String symbol = new String(key, StandardCharsets.UTF_8);
        long time = b.getLong();
        double price = b.getDouble();
        long size = b.getLong();
        // the checks every feed parser makes (a log written by anything else is not trusted)
        if (!Limits.isSymbol(symbol))
            throw new IllegalArgumentException("trade symbol outside the contract's form " + Limits.SYMBOL_FORM);
        if (!Limits.isPrice(price) || !Limits.isSize(size) || !Limits.isTime(time))
            throw new IllegalArgumentException("trade price, size or time out of range");
        return new Decoded(new Trade(symbol, time, price, size, b.getInt()), time);
    }
}
