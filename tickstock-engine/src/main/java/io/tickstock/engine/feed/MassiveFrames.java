package io.tickstock.engine.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tickstock.contract.Limits;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.bars.MarketSession;
import io.tickstock.engine.trades.Trade;
import io.tickstock.engine.trades.TradeConditions;
import java.io.IOException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Decodes Massive stocks WebSocket frames (protocol and trade-condition rules in docs/engine.md): a JSON array of events, possibly
 * mixed. Trade events ({@code "ev":"T"}) become {@link Trade}s (SIP time {@code t} in ms, conditions
 * {@code c} through {@link TradeConditions}), status events ({@code "ev":"status"}) go to
 * {@link Sink#onStatus}; other events (aggregates) are counted in {@link Sink#onOther}. Field by field with
 * Jackson's streaming parser: no reflection, no tree. A frame that is not a JSON array, or an event missing
 * a required field, or one outside what the contract accepts ({@link Limits}: a symbol not of the form
 * {@code [A-Z][A-Z0-9.]{0,9}} — Massive's lower-case suffixes such as preferred shares' {@code p} — a price, size
 * or time out of range), is reported to {@link Sink#onMalformed} with its reason and the rest of the frame is
 * still read where possible. Not thread-safe: one decoder per reading thread.
 */
public final class MassiveFrames {
    /** Receives decoded events, on the decoding thread. */
    public interface Sink {
        void onTrade(Trade trade, long sequence);

        void onStatus(String status, String message);

        default void onOther(String ev) {}

        /**
         * A minute aggregate ({@code "ev":"AM"}): Massive's own bar, start {@code s} (epoch ms), OHLC, volume
         * {@code v}, VWAP {@code vw}.
         */
        default void onAggregate(Bar bar) {}

        void onMalformed(String reason);
    }

    private static final JsonFactory JSON = new JsonFactory();
    private final TradeConditions conditions;
    private final int[] ids = new int[16];

    public MassiveFrames(TradeConditions conditions) {
        this.conditions = conditions;
    }

    /** Decodes one whole text frame. */
    public void decode(String frame, Sink sink) {
        try (JsonParser p = JSON.createParser(frame)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                sink.onMalformed("frame is not a JSON array");
                return;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.START_OBJECT) event(p, sink);
            if (t != JsonToken.END_ARRAY) sink.onMalformed("array holds a " + t + ", expected event objects");
        } catch (IOException | RuntimeException e) {
            sink.onMalformed("unreadable JSON: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /** The fields of one event as read; reused (the decoder is single-threaded). */
    private static final class Fields {
        @Nullable
        String ev, sym, status, message;
        double price, open, high, low, close, vwap;
        long volume, size, time, sequence;
        int conditions;

        void reset() {
            ev = sym = status = message = null;
            price = open = high = low = close = vwap = Double.NaN;
            volume = size = sequence = -1;
            time = Long.MIN_VALUE;
            conditions = 0;
        }
    }

    private final Fields f = new Fields();

    private void event(JsonParser p, Sink sink) throws IOException {
        f.reset();
        while (p.nextToken() == JsonToken.FIELD_NAME) read(p, p.currentName(), p.nextToken());
        if (f.ev == null) sink.onMalformed("event without 'ev'");
        else if (f.ev.equals("T")) trade(sink);
        else if (f.ev.equals("AM")) aggregate(sink);
        else if (f.ev.equals("status"))
            sink.onStatus(f.status == null ? "" : f.status, f.message == null ? "" : f.message);
        else sink.onOther(f.ev);
    }

    private void read(JsonParser p, String field, JsonToken v) throws IOException {
        switch (field) {
            case "ev" -> f.ev = p.getValueAsString();
            case "sym" -> f.sym = p.getValueAsString();
            case "p" -> f.price = v.isNumeric() ? p.getDoubleValue() : Double.NaN;
            case "s" -> f.size = v.isNumeric() ? p.getLongValue() : -1;
            case "t" -> f.time = v.isNumeric() ? p.getLongValue() : Long.MIN_VALUE;
            case "q" -> f.sequence = v.isNumeric() ? p.getLongValue() : -1;
            case "status" -> f.status = p.getValueAsString();
            case "message" -> f.message = p.getValueAsString();
            case "c" -> { // trade conditions (T) or the close (AM)
                if (v == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY)
                        if (f.conditions < ids.length) ids[f.conditions++] = p.getIntValue();
                } else if (v.isNumeric()) {
                    f.close = p.getDoubleValue();
                } else {
                    p.skipChildren();
                }
            }
            case "o" -> f.open = v.isNumeric() ? p.getDoubleValue() : Double.NaN;
            case "h" -> f.high = v.isNumeric() ? p.getDoubleValue() : Double.NaN;
            case "l" -> f.low = v.isNumeric() ? p.getDoubleValue() : Double.NaN;
            case "v" -> f.volume = v.isNumeric() ? p.getLongValue() : -1;
            case "vw" -> f.vwap = v.isNumeric() ? p.getDoubleValue() : Double.NaN;
            default -> p.skipChildren();
        }
    }

    private void trade(Sink sink) {
        if (f.sym == null || f.sym.isEmpty() || !(f.price > 0) || f.size < 0 || f.time == Long.MIN_VALUE) {
            sink.onMalformed("trade event missing sym, p, s or t");
        } else if (!Limits.isSymbol(f.sym)) {
            sink.onMalformed("trade symbol outside the contract's form " + Limits.SYMBOL_FORM);
        } else if (!Limits.isPrice(f.price) || !Limits.isSize(f.size) || !Limits.isTime(f.time)) {
            sink.onMalformed("trade p, s or t out of range");
        } else {
            int[] c = f.conditions == 0 ? NONE : Arrays.copyOf(ids, f.conditions);
            sink.onTrade(new Trade(f.sym, f.time, f.price, f.size, conditions.minuteUpdates(c)), f.sequence);
        }
    }

    private void aggregate(Sink sink) {
        if (f.sym == null
                || !(f.open > 0)
                || !(f.high > 0)
                || !(f.low > 0)
                || !(f.close > 0)
                || f.volume < 0
                || f.size < 0) {
            sink.onMalformed("aggregate event missing sym, o, h, l, c, v or s");
        } else if (!Limits.isSymbol(f.sym)
                || !Limits.isPrice(f.open)
                || !Limits.isPrice(f.high)
                || !Limits.isPrice(f.low)
                || !Limits.isPrice(f.close)
                || !Limits.isSize(f.volume)
                || !Limits.isTime(f.size)) {
            sink.onMalformed("aggregate sym, o, h, l, c, v or s outside the contract's limits");
        } else {
            sink.onAggregate(new Bar(
                    f.sym,
                    f.size,
                    f.open,
                    f.high,
                    f.low,
                    f.close,
                    f.volume,
                    Double.isNaN(f.vwap) ? f.close : f.vwap,
                    0,
                    MarketSession.of(f.size)));
        }
    }

    private static final int[] NONE = new int[0];
}
